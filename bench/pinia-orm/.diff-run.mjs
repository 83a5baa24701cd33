import { readFileSync, writeFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { Model, useRepo, createORM } from 'pinia-orm'
import { runProgram } from '../../.scratch/diff/runner-core.mjs'
const [, , inFile, outFile] = process.argv
const progs = JSON.parse(readFileSync(inFile, 'utf8'))
const origWarn = console.warn; console.warn = () => {}
const lib = { Model, newPinia: () => { const p = createPinia().use(createORM()); setActivePinia(p); return p }, repo: (M) => useRepo(M), afterPinia: (R) => R('users').hydratedDataCache.clear() }
const out = progs.map((p) => runProgram(lib, p))
writeFileSync(outFile, JSON.stringify(out))

import { readFileSync, writeFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { Model, useRepo, createORM } from 'pinia-orm'
import * as C from 'pinia-orm/casts'
import { runProgram } from '../../.scratch/diff/runner2-core.mjs'
const [, , inFile, outFile] = process.argv
const progs = JSON.parse(readFileSync(inFile, 'utf8'))
console.warn = () => {}
const lib = { Model, casts: C, newPinia: () => { const p = createPinia().use(createORM()); setActivePinia(p); return p }, repo: (M) => useRepo(M), afterPinia: (R) => R('items').hydratedDataCache.clear() }
writeFileSync(outFile, JSON.stringify(progs.map((p) => runProgram(lib, p))))

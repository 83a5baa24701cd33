import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appUsesLegacyDecorators } from '../../src/decorators'
import { resolveModuleOptions } from '../../src/moduleOptions'

describe('resolveModuleOptions', () => {
  it('gives the defaults when nothing is set', () => {
    expect(resolveModuleOptions({})).toEqual({ dirs: ['models'], repositoriesDirs: ['repositories'], decorators: 'standard' })
  })

  it('replaces a default folder list with the one given, [] included (no scan)', () => {
    expect(resolveModuleOptions({ dirs: ['entities'], repositoriesDirs: [] })).toEqual({ dirs: ['entities'], repositoriesDirs: [], decorators: 'standard' })
  })

  it('refuses a folder given as a string, naming the option and the form it takes', () => {
    expect(() => resolveModuleOptions({ dirs: 'models' })).toThrowError('[nuxt-pinia-orm] piniaOrm.dirs in nuxt.config is a list of folders, e.g. dirs: [\'models\'] ([] for none), not the string \'models\'.')
    expect(() => resolveModuleOptions({ repositoriesDirs: [1] })).toThrowError('[nuxt-pinia-orm] piniaOrm.repositoriesDirs in nuxt.config is a list of folders, e.g. repositoriesDirs: [\'repositories\'] ([] for none), not [1].')
  })

  it('refuses a decorator mode that does not exist', () => {
    expect(() => resolveModuleOptions({ decorators: 'experimental' })).toThrowError('[nuxt-pinia-orm] piniaOrm.decorators in nuxt.config is \'standard\' (TC39 decorators, TypeScript\'s default) or \'legacy\' (experimentalDecorators, pinia-orm 1.x\'s `@Attr() declare id`), not "experimental".')
    expect(resolveModuleOptions({ decorators: 'legacy' }).decorators).toBe('legacy')
  })
})

describe('the decorator mode an app\'s TypeScript setup asks for', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'npo-tsconfig-'))
  })
  afterEach(() => {
    rmSync(root, { recursive: true, force: true })
  })

  it('is legacy for experimentalDecorators in tsconfig.json, as pinia-orm\'s guide sets it (comments and trailing commas allowed)', () => {
    writeFileSync(join(root, 'tsconfig.json'), `{
      // https://nuxt.com/docs/guide/concepts/typescript
      "extends": "./.nuxt/tsconfig.json",
      /* pinia-orm's decorators */
      "compilerOptions": { "experimentalDecorators": true, "paths": { "~/*": ["./*"], }, },
    }`)
    expect(appUsesLegacyDecorators(root, undefined)).toBe(true)
    expect(resolveModuleOptions({}, appUsesLegacyDecorators(root, undefined)).decorators).toBe('legacy')
    // The module option wins.
    expect(resolveModuleOptions({ decorators: 'standard' }, true).decorators).toBe('standard')
  })

  it('follows nuxt.config\'s typescript.tsConfig first, and is standard without either', () => {
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "experimentalDecorators": true } }')
    expect(appUsesLegacyDecorators(root, { compilerOptions: { experimentalDecorators: false } })).toBe(false)
    rmSync(join(root, 'tsconfig.json'))
    expect(appUsesLegacyDecorators(root, { compilerOptions: { experimentalDecorators: true } })).toBe(true)
    expect(appUsesLegacyDecorators(root, undefined)).toBe(false)
    // A string is no comment, and a comma in it stays.
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "outDir": "// not a comment ,}", "experimentalDecorators": true } }')
    expect(appUsesLegacyDecorators(root, undefined)).toBe(true)
    writeFileSync(join(root, 'tsconfig.json'), '{ not json')
    expect(appUsesLegacyDecorators(root, undefined)).toBe(false)
  })

  it('reads a file saved with a byte-order mark, and follows a relative extends but not Nuxt\'s generated one', () => {
    writeFileSync(join(root, 'tsconfig.json'), '\uFEFF{ "compilerOptions": { "experimentalDecorators": true } }')
    expect(appUsesLegacyDecorators(root, undefined)).toBe(true)
    writeFileSync(join(root, 'tsconfig.base.json'), '{ "compilerOptions": { "experimentalDecorators": true } }')
    writeFileSync(join(root, 'tsconfig.json'), '{ "extends": ["./.nuxt/tsconfig.json", "./tsconfig.base"] }')
    expect(appUsesLegacyDecorators(root, undefined)).toBe(true)
    // The app's own false wins over its base.
    writeFileSync(join(root, 'tsconfig.json'), '{ "extends": "./tsconfig.base.json", "compilerOptions": { "experimentalDecorators": false } }')
    expect(appUsesLegacyDecorators(root, undefined)).toBe(false)
    mkdirSync(join(root, '.nuxt'))
    writeFileSync(join(root, '.nuxt', 'tsconfig.json'), '{ "compilerOptions": { "experimentalDecorators": true } }')
    writeFileSync(join(root, 'tsconfig.json'), '{ "extends": "./.nuxt/tsconfig.json" }')
    expect(appUsesLegacyDecorators(root, undefined)).toBe(false)
  })
})

// `piniaOrm.autoImports` as @pinia-orm/nuxt takes it (issue #12): names the module imports already
// are quiet, aliases and other exports of the core are added, unknown names are warned about.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { planAutoImports, valueExports } from '../../src/autoImportsOption'
import * as core from '../../src/runtime/orm'

const given = [
  { name: 'Model', from: '/rt/orm' },
  { name: 'useRepo', from: '/rt/composables' },
  { name: 'useCollect', from: '/rt/orm/helpers' },
]
const exported = new Set(['Model', 'useRepo', 'createORM', 'definePiniaOrmPlugin'])

function plan(option: unknown) {
  let reads = 0
  const result = planAutoImports(option, given, () => {
    reads++
    return exported
  }, '/rt/orm')
  return { ...result, reads }
}

describe('planAutoImports', () => {
  it('asks for nothing, and reads no export list, when every name is imported already (pinia-orm\'s useRepo and helpers)', () => {
    expect(plan(['useRepo', 'useCollect'])).toEqual({ imports: [], warnings: [], reads: 0 })
    expect(plan(undefined)).toEqual({ imports: [], warnings: [], reads: 0 })
  })

  it('adds an alias from where the module imports the name, as pinia-orm\'s [\'useRepo\', \'usePinaOrmRepo\'] example', () => {
    expect(plan([['useRepo', 'usePinaOrmRepo']]).imports).toEqual([{ name: 'useRepo', as: 'usePinaOrmRepo', from: '/rt/composables' }])
  })

  it('adds another export of the core, under its name or an alias', () => {
    expect(plan(['createORM', ['definePiniaOrmPlugin', 'definePlugin']])).toEqual({
      imports: [{ name: 'createORM', from: '/rt/orm' }, { name: 'definePiniaOrmPlugin', as: 'definePlugin', from: '/rt/orm' }],
      warnings: [],
      reads: 1,
    })
  })

  it('warns about a name nothing exports, naming it and the closest export', () => {
    const { imports, warnings } = plan(['useRepos', 'useDataStore'])
    expect(imports).toEqual([])
    expect(warnings).toEqual([
      'piniaOrm.autoImports in nuxt.config names \'useRepos\', which nuxt-pinia-orm does not export, so it is not auto-imported. Did you mean \'useRepo\'? See docs/migration-from-pinia-orm.md for the names that differ from pinia-orm.',
      'piniaOrm.autoImports in nuxt.config names \'useDataStore\', which nuxt-pinia-orm does not export, so it is not auto-imported. See docs/migration-from-pinia-orm.md for the names that differ from pinia-orm.',
    ])
  })

  it('fails the build for a value that is no list, or an entry that is no name or pair', () => {
    expect(() => plan('useRepo')).toThrow('[nuxt-pinia-orm] piniaOrm.autoImports in nuxt.config takes a list of names and [name, alias] pairs')
    expect(() => plan(['useRepo', ['useRepo']])).toThrow('piniaOrm.autoImports[1] in nuxt.config is ["useRepo"]: give a name')
  })
})

describe('valueExports', () => {
  it('lists exported and re-exported values, not types', () => {
    const code = [
      'export { Model } from \'./Model\'',
      'export type { Item } from \'./types\'',
      'export { type Fields, useRepo as useRepository } from \'./useRepo\'',
      'export const version = 1',
      'export default {}',
    ].join('\n')
    expect([...valueExports('index.ts', code)]).toEqual(['Model', 'useRepository', 'version'])
  })

  it('reads exactly the values the ORM core\'s index exports', () => {
    const path = fileURLToPath(new URL('../../src/runtime/orm/index.ts', import.meta.url))
    expect([...valueExports(path, readFileSync(path, 'utf8'))].sort()).toEqual(Object.keys(core).sort())
  })
})

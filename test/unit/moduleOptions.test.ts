import { describe, expect, it } from 'vitest'
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

// The createORM() options a @pinia-orm/nuxt user writes under `piniaOrm` in nuxt.config (issue #12):
// model, cache and pinia reach createORM(); code (plugins, models) fails the build, pointing at
// optionsFile; an unknown key is warned about, never silently ignored.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { inlineOrmOptions } from '../../src/ormOptions'
import { Model, createORM, useRepo } from '../../src/runtime/orm'
import type { CreateOrmOptions } from '../../src/runtime/orm'

const moduleDefaults = { dirs: ['models'], decorators: 'standard', repositoriesDirs: ['repositories'] }

describe('inlineOrmOptions', () => {
  it('gives nothing and warns nothing for the module\'s own options', () => {
    expect(inlineOrmOptions({ ...moduleDefaults, optionsFile: '~/orm.options', autoImports: ['useRepo'] })).toEqual({ options: undefined, warnings: [] })
  })

  it('passes model, cache and pinia on as createORM() takes them', () => {
    const piniaOrm = {
      ...moduleDefaults,
      model: { withMeta: true, hidden: ['password'], visible: [], namespace: 'orm' },
      cache: false,
      pinia: { storeType: 'setupStore' },
    }
    expect(inlineOrmOptions(piniaOrm)).toEqual({
      options: { model: { withMeta: true, hidden: ['password'], visible: [], namespace: 'orm' }, cache: false, pinia: { storeType: 'setupStore' } },
      warnings: [],
    })
  })

  it('takes pinia-orm\'s cache object as "cache on", and warns that shared: false changes nothing', () => {
    expect(inlineOrmOptions({ cache: { shared: true } })).toEqual({ options: { cache: true }, warnings: [] })
    const { options, warnings } = inlineOrmOptions({ cache: { shared: false } })
    expect(options).toEqual({ cache: true })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('piniaOrm.cache.shared: false')
    expect(warnings[0]).toContain('has no effect')
  })

  it('fails the build for a cache provider, which is a class and not supported', () => {
    expect(() => inlineOrmOptions({ cache: { shared: true, provider: class WeakCache { size = 0 } } })).toThrow('[nuxt-pinia-orm] piniaOrm.cache.provider in nuxt.config is not supported')
  })

  it('fails the build for plugins given inline, pointing at optionsFile', () => {
    const plugin = (context: unknown) => context
    expect(() => inlineOrmOptions({ plugins: [plugin] })).toThrow(/piniaOrm\.plugins in nuxt\.config cannot be given inline: plugins are functions.*piniaOrm\.optionsFile/)
  })

  it('fails the build for models given inline, pointing at optionsFile and models/', () => {
    class User extends Model {
      static override entity = 'users'
    }
    expect(() => inlineOrmOptions({ models: [User] })).toThrow(/piniaOrm\.models .*models are classes.*optionsFile.*models\//)
  })

  it('accepts pinia-orm\'s default of no plugins quietly', () => {
    expect(inlineOrmOptions({ plugins: [] })).toEqual({ options: undefined, warnings: [] })
  })

  it('warns about a key no option has, naming it and the closest option', () => {
    const { options, warnings } = inlineOrmOptions({ ...moduleDefaults, optionFile: '~/orm.options' })
    expect(options).toBeUndefined()
    expect(warnings).toEqual([
      'piniaOrm.optionFile in nuxt.config is not an option of nuxt-pinia-orm, so it is ignored. Did you mean \'optionsFile\'? The options are: dirs, repositoriesDirs, optionsFile, decorators, autoImports, model, cache, pinia.',
    ])
  })

  it('warns about an unknown key without a guess when none is close', () => {
    expect(inlineOrmOptions({ persistence: true }).warnings[0]).toMatch(/^piniaOrm\.persistence in nuxt\.config is not an option of nuxt-pinia-orm, so it is ignored\. The options are:/)
  })

  it('fails the build with createORM()\'s own message for a wrong value, naming the option', () => {
    expect(() => inlineOrmOptions({ model: { withMeta: 'yes' } })).toThrow('[nuxt-pinia-orm] piniaOrm in nuxt.config: createORM({ model: { withMeta } }) takes true or false, not "yes".')
    expect(() => inlineOrmOptions({ model: { hiden: ['password'] } })).toThrow('createORM({ model: { hiden } }) is not supported')
    expect(() => inlineOrmOptions({ pinia: { storeType: 'store' } })).toThrow('takes \'optionStore\' or \'setupStore\'')
    expect(() => inlineOrmOptions({ cache: 'yes' })).toThrow('piniaOrm.cache in nuxt.config takes true, false or { shared: true }, not "yes".')
    expect(() => inlineOrmOptions({ cache: { shared: 1 } })).toThrow('piniaOrm.cache.shared in nuxt.config takes true or false, not 1.')
  })

  it('gives options that survive JSON, as the template sends them', () => {
    const { options } = inlineOrmOptions({ model: { hidden: ['password'] }, cache: { shared: true }, pinia: { storeType: 'optionStore' } })
    expect(JSON.parse(JSON.stringify(options))).toEqual(options)
  })
})

class Account extends Model {
  static override entity = 'accounts'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), password: this.string(''), token: this.string('') }
  }
}

// The runtime plugin installs the inline options, then the options file's (the template's order).
function appPinia(...list: CreateOrmOptions[]) {
  const pinia = createPinia()
  createApp({}).use(pinia)
  for (const options of list)
    pinia.use(createORM(options))
  return pinia
}

describe('inline options with an options file, installed in the template\'s order', () => {
  it('apply the inline model defaults when the file does not set them', () => {
    const { options } = inlineOrmOptions({ model: { hidden: ['password'] } })
    const accounts = useRepo(Account, appPinia(options!, { plugins: [] }))
    accounts.save({ id: 1, name: 'Ann', password: 'secret', token: 't' })
    expect(accounts.find(1)!.$toJson()).toEqual({ id: 1, name: 'Ann', token: 't' })
  })

  it('let the file win for a key set in both, and keep the inline keys the file leaves unset', () => {
    const { options } = inlineOrmOptions({ model: { hidden: ['password'], namespace: 'inline' }, cache: false })
    const pinia = appPinia(options!, { model: { hidden: ['token'] }, cache: true })
    const accounts = useRepo(Account, pinia)
    accounts.save({ id: 1, name: 'Ann', password: 'secret', token: 't' })
    expect(accounts.find(1)!.$toJson()).toEqual({ id: 1, name: 'Ann', password: 'secret' })
    expect(accounts.piniaStore().$id).toBe('inline/accounts')
    expect(accounts.config.cache).toBe(true)
  })
})

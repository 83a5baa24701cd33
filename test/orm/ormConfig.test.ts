// createORM() options and pinia-orm plugins, kept per Pinia instance.
import { createPinia, defineStore } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { computed, createApp, isRef, ref, toRaw } from 'vue'
import { Model, createORM, definePiniaOrmPlugin, useRepo } from '../../src/runtime/orm'
import type { CreateOrmOptions } from '../../src/runtime/orm'
import { _modelDefaults } from '../../src/runtime/orm/config'
import { expectWarning } from './expectWarning'
import { User } from './models'

/** A Pinia installed in an app, as in a Vue or Nuxt app, with the ORM's options. */
function appPinia(options: CreateOrmOptions) {
  const pinia = createPinia()
  createApp({}).use(pinia)
  return pinia.use(createORM(options))
}

describe('createORM options', () => {
  it('belong to the Pinia they are installed on', () => {
    const withMeta = appPinia({ model: { withMeta: true, hidden: ['password'] } })
    const plain = appPinia({})
    expect(_modelDefaults(useRepo(User, withMeta)._db)).toEqual({ withMeta: true, hidden: ['password'], visible: [], namespace: '' })
    expect(_modelDefaults(useRepo(User, plain)._db)).toEqual({ withMeta: false, hidden: [], visible: [], namespace: '' })
  })

  it('are read when pinia.use() came before app.use(pinia), as pinia-orm\'s setup writes it', () => {
    const pinia = createPinia().use(createORM({ model: { visible: ['id'] } }))
    createApp({}).use(pinia)
    useRepo(User, pinia).save({ id: 1, name: 'Ada', email: 'ada@example.com' })
    expect(_modelDefaults(useRepo(User, pinia)._db).visible).toEqual(['id'])
    expect(useRepo(User, pinia).find(1)!.$toJson()).toEqual({ id: 1 })
  })

  it('reject an unknown option, naming it', () => {
    expect(() => useRepo(User, appPinia({ cach: false } as never))).toThrow(/createORM\(\) has no option 'cach'/)
  })

  it('reject options of the wrong type when createORM() is called, naming them (they threw TypeErrors, or were ignored)', () => {
    const refused: [unknown, string][] = [
      [null, 'createORM() takes an object of options (models, model, plugins, cache, pinia), or nothing, not null.'],
      [5, 'createORM() takes an object of options (models, model, plugins, cache, pinia), or nothing, not the number 5.'],
      [{ plugins: 5 }, 'createORM({ plugins }) takes an array of plugins, not the number 5.'],
      [{ models: User }, 'createORM({ models }) takes an array of model classes, not a function (User).'],
      [{ models: [User, null] }, 'createORM({ models }): entry #2 is null, not a model class (a class that extends Model). Check its import'],
      [{ models: [5] }, 'createORM({ models }): entry #1 is the number 5, not a model class'],
      [{ model: 5 }, 'createORM({ model }) takes an object, not the number 5.'],
      [{ pinia: 'setupStore' }, 'createORM({ pinia }) takes an object, not "setupStore".'],
      [{ cache: 'no' }, 'createORM({ cache }) takes true, false or { shared }, not "no".'],
    ]
    for (const [options, message] of refused)
      expect(() => createORM(options as never)).toThrow(`[nuxt-pinia-orm] ${message}`)
  })

  it('reject an unknown sub-option, and pinia-orm\'s cache provider, saying why', () => {
    expect(() => useRepo(User, appPinia({ model: { withMeat: true } as never }))).toThrow(/createORM\(\{ model: \{ withMeat \} \}\) is not supported\. The options of 'model' are: withMeta, hidden, visible, namespace/)
    expect(() => useRepo(User, appPinia({ cache: { provider: Map } as never }))).toThrow(/cache: \{ provider \}.*always belongs to one Pinia instance/)
  })

  it('warn in dev that cache: { shared: false } has no effect, as results are per Pinia and dropped on writes', () => {
    const pinia = appPinia({ cache: { shared: false } })
    useRepo(User, pinia).save({ id: 1, name: 'Ada' })
    expectWarning('createORM({ cache: { shared: false } }) has no effect', 'cache: false')
    expect(useRepo(User, pinia).useCache().get().map(user => user.name)).toEqual(['Ada'])
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    expect(useRepo(User, pinia).useCache().get().map(user => user.name)).toEqual(['Ann'])
  })

  it('warn about cache: { shared: false } once per options object, not once per Pinia (per request on a server)', () => {
    const options: CreateOrmOptions = { cache: { shared: false } }
    useRepo(User, appPinia(options))
    useRepo(User, appPinia(options))
    useRepo(User, appPinia(options))
    expectWarning('createORM({ cache: { shared: false } }) has no effect')
  })

  it('reject a store type that does not exist', () => {
    expect(() => useRepo(User, appPinia({ pinia: { storeType: 'classic' as never } }))).toThrow(/takes 'optionStore' or 'setupStore', not "classic"/)
  })

  it('count setup stores\' records after each kind of change', () => {
    // A model with store options of its own gets a setup store, whose `data` is a ref.
    class Member extends Model {
      static override entity = 'members'
      static override piniaOptions = () => ({ label: ref('members') })
      static override fields() {
        return { id: this.attr(null), name: this.string(''), email: this.string('') }
      }
    }
    const pinia = appPinia({ pinia: { storeType: 'setupStore' } })
    const users = useRepo(Member, pinia)
    users.save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }])
    expect(isRef(toRaw(pinia.state.value).members?.data)).toBe(true)
    const counted = computed(() => users.count())
    expect([users.count(), users.exists(), counted.value]).toEqual([2, true, 2])
    users.piniaStore().data = { 3: { id: 3, name: 'Cid', email: '' } }
    expect([users.count(), users.exists(), counted.value]).toEqual([1, true, 1])
    users.save({ id: 4 })
    expect([users.count(), counted.value]).toEqual([2, 2])
    users.piniaStore().$patch((state) => {
      state.data = {}
    })
    expect([users.count(), users.exists(), counted.value]).toEqual([0, false, 0])
  })

  it('warn in dev when a store type arrives after entity stores were made', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    useRepo(User, pinia)
    pinia.use(createORM({ pinia: { storeType: 'setupStore' } }))
    defineStore('other', { state: () => ({}) })(pinia)
    expect(vi.mocked(console.warn)).toHaveBeenCalledWith(expect.stringContaining('reached this Pinia after its entity stores (users'))
    vi.mocked(console.warn).mockClear()
  })
})

describe('createORM() installed after the entity stores were made', () => {
  // As an app's own Nuxt plugin does (pinia-orm's guide adds its axios plugin that way), after the
  // module's plugin made every entity store: Pinia would run it only for a store made later.
  it('applies its plugins and model defaults at the next useRepo(), with no other store made', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    useRepo(User, pinia).save({ id: 1, name: 'Ada', email: 'ada@example.com' })
    pinia.use(createORM({
      model: { hidden: ['email'] },
      plugins: [definePiniaOrmPlugin((context) => {
        context.config.apiBase = '/api'
        return context
      })],
    }))
    const users = useRepo(User, pinia)
    expect(users.config.apiBase).toBe('/api')
    expect(users.find(1)!.$toJson()).toEqual({ id: 1, name: 'Ada' })
  })

  it('registers its models at the next useRepo()', () => {
    class Tag extends Model {
      static override entity = 'lateTags'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = createPinia()
    createApp({}).use(pinia)
    useRepo(User, pinia)
    pinia.use(createORM({ models: [Tag] }))
    expect(pinia.state.value.lateTags).toBeUndefined()
    useRepo(User, pinia)
    expect(pinia.state.value.lateTags).toEqual({ data: {} })
  })
})

describe('pinia-orm plugins', () => {
  it('run for every repository with model, repository and config, and may extend the config', () => {
    const seen: unknown[] = []
    const plugin = definePiniaOrmPlugin((context) => {
      seen.push([context.model.constructor, context.repository.use])
      context.config.apiConfig = 'test'
      return context
    })
    const pinia = appPinia({ plugins: [plugin] })
    expect(useRepo(User, pinia).config.apiConfig).toBe('test')
    expect(seen).toEqual([[User, User]])
  })

  it('can add methods to the repository', () => {
    const pinia = appPinia({
      plugins: [definePiniaOrmPlugin((context) => {
        Object.assign(context.repository, { total: () => context.repository.count() })
        return context
      })],
    })
    useRepo(User, pinia).save({ id: 1 })
    expect((useRepo(User, pinia) as unknown as { total: () => number }).total()).toBe(1)
  })

  it('apply to their Pinia only', () => {
    const calls: string[] = []
    const withPlugin = appPinia({ plugins: [definePiniaOrmPlugin((context) => {
      calls.push(context.repository.use.entity)
      return context
    })] })
    useRepo(User, appPinia({}))
    useRepo(User, createPinia())
    expect(calls).toEqual([])
    useRepo(User, withPlugin)
    expect(calls).toEqual(['users'])
  })

  it('a plugin that throws is named in the error, with the original as cause', () => {
    const original = new Error('no base URL')
    function axiosPlugin(): never {
      throw original
    }
    const pinia = appPinia({ plugins: [definePiniaOrmPlugin(axiosPlugin)] })
    const error = (() => {
      try {
        useRepo(User, pinia)
      }
      catch (caught) {
        return caught as Error
      }
    })()
    expect(error?.message).toMatch(/The pinia-orm plugin 'axiosPlugin' \(createORM\(\{ plugins \}\)\) threw for User: no base URL/)
    expect(error?.cause).toBe(original)
  })

  it('a plugin that is not a function is refused, naming its place', () => {
    expect(() => useRepo(User, appPinia({ plugins: [{} as never] }))).toThrow(/plugin #1 is object, not a function/)
  })
})

describe('models option', () => {
  class Setting extends Model {
    static override entity = 'settings'
    static override fields() {
      return { id: this.attr(null) }
    }
  }

  it('registers the models with the Pinia, so their stores exist', () => {
    const pinia = appPinia({ models: [Setting] })
    useRepo(User, pinia)
    expect(Object.keys(pinia.state.value)).toContain('settings')
  })
})

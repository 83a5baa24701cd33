// pinia-orm's "Lifecycle Hooks" guide: repository actions (`save`, `insert`, `update`, `delete`,
// `destroy`, `flush`, `fresh`) can be listened to with Pinia, through the repository's store
// (`useRepo(User).piniaStore().$onAction(...)`) or globally (`pinia.use(({ store }) => store.$onAction(...))`).
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { createORM, Model, transaction, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), posts: this.hasMany(Post, 'userId').onDelete('cascade') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }
}

/** A Pinia installed in an app, as plugins added with `pinia.use()` wait for one. */
function installed(plugin?: Parameters<Pinia['use']>[0]): Pinia {
  const pinia = createPinia()
  pinia.use(createORM())
  if (plugin)
    pinia.use(plugin)
  createApp({}).use(pinia)
  return pinia
}

const data = (pinia: Pinia, entity: string) => pinia.state.value[entity]?.data as Record<string, Record<string, unknown>>

describe('the repository pinia hook: piniaStore().$onAction()', () => {
  it('hears each repository write under its name, with after() once the store is written', () => {
    const pinia = installed()
    const repo = useRepo(User, pinia)
    const heard: string[] = []
    repo.piniaStore().$onAction(({ name, after }) => {
      heard.push(`${name}: ${Object.keys(data(pinia, 'users')).join(',')}`)
      after(() => heard.push(`after ${name}: ${Object.keys(data(pinia, 'users')).join(',')}`))
    })

    repo.save({ id: 1, name: 'John' })
    repo.insert({ id: 2, name: 'Jane' })
    repo.where('id', 1).update({ name: 'Johnny' })
    repo.destroy(2)
    repo.where('id', 1).delete()
    repo.fresh([{ id: 3 }, { id: 4 }])
    repo.flush()

    expect(heard).toEqual([
      'save: ', 'after save: 1',
      'insert: 1', 'after insert: 1,2',
      'update: 1,2', 'after update: 1,2',
      'destroy: 1,2', 'after destroy: 1',
      'delete: 1', 'after delete: ',
      'fresh: ', 'after fresh: 3,4',
      'flush: 3,4', 'after flush: ',
    ])
  })

  it('gives the records by key, or the keys, as pinia-orm\'s repositories pass them', () => {
    const pinia = installed()
    const repo = useRepo(User, pinia)
    const args: unknown[] = []
    repo.piniaStore().$onAction(({ name, args: given }) => {
      args.push([name, ...given])
    })

    repo.save([{ id: 1, name: 'John' }, { id: 2, name: 'Jane' }])
    repo.destroy([1, 2])
    repo.flush()

    expect(args).toEqual([
      ['save', { 1: { id: 1, name: 'John' }, 2: { id: 2, name: 'Jane' } }, false],
      ['destroy', ['1', '2'], false],
      ['flush', undefined, false],
    ])
  })
})

describe('the global lifecycle hook: a Pinia plugin calling store.$onAction()', () => {
  it('hears every store a write reaches: nested records, and the records a cascade deletes', () => {
    const heard: string[] = []
    const pinia = installed(({ store }) => {
      store.$onAction(({ name, args }) => {
        heard.push(`${store.$id}:${name} ${JSON.stringify(args[0])}`)
      })
    })

    useRepo(User, pinia).save({ id: 1, name: 'John', posts: [{ id: 10, title: 'a' }] })
    useRepo(User, pinia).destroy(1)

    expect(heard).toEqual([
      'users:save {"1":{"id":1,"name":"John"}}',
      'posts:save {"10":{"id":10,"userId":1,"title":"a"}}',
      'users:destroy ["1"]',
      'posts:destroy ["10"]',
    ])
  })

  it('hears a delete rule\'s `set null` as an update, as pinia-orm makes it', () => {
    class Owner extends Model {
      static override entity = 'owners'
      static override fields() {
        return { id: this.attr(null), pets: this.hasMany(Pet, 'ownerId').onDelete('set null') }
      }
    }
    class Pet extends Model {
      static override entity = 'pets'
      static override fields() {
        return { id: this.attr(null), ownerId: this.attr(null) }
      }
    }
    const heard: string[] = []
    const pinia = installed(({ store }) => {
      store.$onAction(({ name, args }) => {
        heard.push(`${store.$id}:${name} ${JSON.stringify(args[0])}`)
      })
    })
    useRepo(Owner, pinia).save({ id: 1, pets: [{ id: 5 }] })
    heard.length = 0

    useRepo(Owner, pinia).destroy(1)

    expect(heard).toEqual(['owners:destroy ["1"]', 'pets:update {"5":{"id":5,"ownerId":null}}'])
  })
})

describe('a listener that throws', () => {
  it('does not stop the write: every store is written, then its error is thrown', () => {
    const pinia = installed(({ store }) => {
      store.$onAction(({ name }) => {
        if (store.$id === 'users' && name === 'save')
          throw new Error('listener failed')
      })
    })

    expect(() => useRepo(User, pinia).save({ id: 1, name: 'John', posts: [{ id: 10 }] })).toThrow('listener failed')

    expect(data(pinia, 'users')).toEqual({ 1: { id: 1, name: 'John' } })
    expect(data(pinia, 'posts')).toEqual({ 10: { id: 10, userId: 1, title: '' } })
    expect(useRepo(User, pinia).with('posts').find(1)?.posts).toHaveLength(1)
  })

  it('in after() leaves the write made too', () => {
    const pinia = installed()
    useRepo(User, pinia).piniaStore().$onAction(({ after }) => {
      after(() => {
        throw new Error('after failed')
      })
    })

    expect(() => useRepo(User, pinia).save({ id: 1, name: 'John' })).toThrow('after failed')
    expect(useRepo(User, pinia).find(1)?.name).toBe('John')
  })
})

describe('store actions', () => {
  it('are not heard when a transaction puts records back', () => {
    const pinia = installed()
    useRepo(User, pinia).save({ id: 1, name: 'John' })
    const heard: string[] = []
    useRepo(User, pinia).piniaStore().$onAction(({ name }) => {
      heard.push(name)
    })

    expect(() => transaction(() => {
      useRepo(User, pinia).save({ id: 1, name: 'Johnny' })
      throw new Error('undo')
    }, pinia)).toThrow('undo')

    expect(heard).toEqual(['save'])
    expect(useRepo(User, pinia).find(1)?.name).toBe('John')
  })

  it('called by the app write nothing and say to write through the repository', () => {
    const pinia = installed()
    const store = useRepo(User, pinia).piniaStore() as unknown as { save: (records: unknown) => void }

    expect(() => store.save({ 1: { id: 1, name: 'John' } })).toThrow(/\[nuxt-pinia-orm\].*'users'.*useRepo\(Model\)\.save\(/)
    expect(data(pinia, 'users')).toEqual({})
  })

  it('stay the ORM\'s own when piniaOptions gives other actions', () => {
    class Note extends Model {
      static override entity = 'notes'
      static override piniaOptions = {
        actions: {
          touch(this: { touched: boolean }) {
            this.touched = true
          },
        },
      }

      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = installed()
    const heard: string[] = []
    const store = useRepo(Note, pinia).piniaStore() as unknown as { $onAction: (fn: (context: { name: string }) => void) => void, touch: () => void }
    store.$onAction(({ name }) => {
      heard.push(name)
    })

    store.touch()
    useRepo(Note, pinia).save({ id: 1 })

    expect(heard).toEqual(['touch', 'save'])
    expect(data(pinia, 'notes')).toEqual({ 1: { id: 1 } })
  })
})

describe('store actions and the rest of a write', () => {
  it('hear a query delete\'s and a flush\'s cascades as destroy, with the keys', () => {
    const heard: string[] = []
    const pinia = installed(({ store }) => {
      store.$onAction(({ name, args }) => {
        heard.push(`${store.$id}:${name} ${JSON.stringify(args[0]) ?? ''}`)
      })
    })
    useRepo(User, pinia).save([{ id: 1, posts: [{ id: 10 }] }, { id: 2, posts: [{ id: 20 }] }])
    heard.length = 0

    useRepo(User, pinia).where('id', 1).delete()
    useRepo(User, pinia).flush()

    expect(heard).toEqual(['users:delete ["1"]', 'posts:destroy ["10"]', 'users:flush ', 'posts:destroy ["20"]'])
  })

  it('hear fresh() once, also inside a transaction', () => {
    const pinia = installed()
    useRepo(Post, pinia).save([{ id: 1 }, { id: 2 }])
    const heard: string[] = []
    useRepo(Post, pinia).piniaStore().$onAction(({ name, args }) => {
      heard.push(`${name} ${Object.keys(args[0] as object).join(',')}`)
    })

    transaction(() => useRepo(Post, pinia).fresh([{ id: 3 }]), pinia)
    transaction(() => useRepo(Post, pinia).fresh([]), pinia)

    expect(heard).toEqual(['fresh 3', 'fresh '])
    expect(data(pinia, 'posts')).toEqual({})
  })

  it('write when a plugin calls them on a proxy of the store, as Pinia\'s devtools do in dev', () => {
    const pinia = installed(({ store }) => {
      const save = store.save as ((...args: unknown[]) => unknown) | undefined
      if (typeof save === 'function') {
        const tracked = new Proxy(store, {})
        store.save = (...args: unknown[]) => save.apply(tracked, args)
      }
    })

    useRepo(User, pinia).save({ id: 1, name: 'John', posts: [{ id: 10 }] })

    expect(data(pinia, 'users')).toEqual({ 1: { id: 1, name: 'John' } })
    expect(data(pinia, 'posts')).toEqual({ 10: { id: 10, userId: 1, title: '' } })
  })

  it('hear fresh() once for a model with hooks, which runs them record by record', () => {
    class Tag extends Model {
      static override entity = 'hookedTags'
      static override fields() {
        return { id: this.attr(null) }
      }

      static override saving() {}
    }
    const pinia = installed()
    useRepo(Tag, pinia).save([{ id: 1 }, { id: 2 }])
    const heard: string[] = []
    useRepo(Tag, pinia).piniaStore().$onAction(({ name, args }) => {
      heard.push(`${name} ${Object.keys(args[0] as object).join(',')}`)
    })

    useRepo(Tag, pinia).fresh([{ id: 3 }])
    transaction(() => useRepo(Tag, pinia).fresh([{ id: 4 }]), pinia)
    useRepo(Tag, pinia).fresh([])

    expect(heard).toEqual(['fresh 3', 'fresh 4', 'fresh '])
    expect(data(pinia, 'hookedTags')).toEqual({})
  })

  it('give the write only to the call made for it, not to one a listener makes', () => {
    class Audit extends Model {
      static override entity = 'audits'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = installed()
    const audits = useRepo(Audit, pinia).piniaStore() as unknown as { save: (records: unknown, trigger: boolean) => void }
    const errors: unknown[] = []
    useRepo(User, pinia).piniaStore().$onAction(() => {
      try {
        audits.save({ 99: { id: 99 } }, false)
      }
      catch (error) {
        errors.push(error)
      }
    })

    useRepo(User, pinia).save({ id: 1 })

    expect(errors).toHaveLength(1)
    expect(String(errors[0])).toContain('the store \'audits\' has save()')
    expect(data(pinia, 'users')).toEqual({ 1: { id: 1, name: '' } })
    expect(data(pinia, 'audits')).toEqual({})
  })

  it('keep what a hook wrote when a listener of that write throws: the error is thrown once, at the end', () => {
    class Audit extends Model {
      static override entity = 'hookAudits'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class Member extends Model {
      static override entity = 'members'
      static override fields() {
        return { id: this.attr(null) }
      }

      static override saved(member: Member) {
        useRepo(Audit, pinia).save({ id: (member as unknown as { id: number }).id })
      }
    }
    const pinia = installed(({ store }) => {
      store.$onAction(() => {
        if (store.$id === 'hookAudits')
          throw new Error('audit listener failed')
      })
    })

    expect(() => useRepo(Member, pinia).save({ id: 1 })).toThrow('audit listener failed')

    expect(data(pinia, 'members')).toEqual({ 1: { id: 1 } })
    expect(data(pinia, 'hookAudits')).toEqual({ 1: { id: 1 } })
  })
})

// createORM({ model: { withMeta, hidden, visible } }): defaults for every model of one Pinia, as
// pinia-orm's configuration page documents them, with a model's own statics winning.
import { createPinia, defineStore } from 'pinia'
import type { Pinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { Model, createORM, packState, unpackState, useRepo } from '../../src/runtime/orm'
import type { CreateOrmOptions } from '../../src/runtime/orm'
import { expectWarning } from './expectWarning'

/** A Pinia installed in an app, with the ORM's options, as pinia-orm's setup writes it. */
function appPinia(options: CreateOrmOptions = {}): Pinia {
  const pinia = createPinia()
  createApp({}).use(pinia)
  return pinia.use(createORM(options))
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(0), name: this.string(''), username: this.string(''), posts: this.hasMany(Post, 'userId') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(0), userId: this.attr(null), title: this.string(''), author: this.belongsTo(User, 'userId') }
  }
}

const john = { id: 1, name: 'John', username: 'JD' }

afterEach(() => {
  vi.useRealTimers()
})

describe('createORM({ model: { withMeta: true } })', () => {
  it('keeps _meta on the records of every model, hidden unless the query asks withMeta()', () => {
    vi.useFakeTimers({ now: 1_000 })
    const pinia = appPinia({ model: { withMeta: true } })
    const users = useRepo(User, pinia)
    users.save(john)
    vi.setSystemTime(4_000)
    users.save({ id: 1, name: 'Johnny' })

    expect(pinia.state.value.users!.data[1]).toEqual({ id: 1, name: 'Johnny', username: 'JD', _meta: { createdAt: 1, updatedAt: 4 } })
    expect(users.find(1)!._meta).toBeUndefined()
    expect(users.find(1)!.$toJson()).toEqual({ id: 1, name: 'Johnny', username: 'JD' })
    const withMeta = users.withMeta().find(1)!
    expect(withMeta._meta).toEqual({ createdAt: 1, updatedAt: 4 })
    expect(withMeta.$toJson()).toEqual({ id: 1, name: 'Johnny', username: 'JD', _meta: { createdAt: 1, updatedAt: 4 } })
  })

  it('keeps _meta through update(), fresh() and related records saved with their parent', () => {
    vi.useFakeTimers({ now: 1_000 })
    const pinia = appPinia({ model: { withMeta: true } })
    useRepo(User, pinia).save({ ...john, posts: [{ id: 10, title: 'Hi' }] })
    vi.setSystemTime(2_000)
    useRepo(User, pinia).where('id', 1).update({ name: 'Jo' })
    useRepo(Post, pinia).fresh([{ id: 11, title: 'New' }])

    expect(pinia.state.value.users!.data[1]._meta).toEqual({ createdAt: 1, updatedAt: 2 })
    expect(pinia.state.value.posts!.data).toEqual({ 11: { id: 11, userId: null, title: 'New', _meta: { createdAt: 2, updatedAt: 2 } } })
  })

  it('gives way to a model\'s own static config = { withMeta: false }', () => {
    class Setting extends Model {
      static override entity = 'settings'
      static override config = { withMeta: false }
      static override fields() {
        return { id: this.attr(null), value: this.string('') }
      }
    }
    const pinia = appPinia({ model: { withMeta: true } })
    useRepo(Setting, pinia).save({ id: 1, value: 'dark' })

    expect(pinia.state.value.settings!.data[1]).toEqual({ id: 1, value: 'dark' })
    expect(useRepo(Setting, pinia).withMeta().find(1)!.$toJson()).toEqual({ id: 1, value: 'dark' })
  })
})

describe('createORM({ model: { hidden } })', () => {
  it('leaves the fields out of every model\'s query results, $toJson() and JSON, and keeps them in the store', () => {
    const pinia = appPinia({ model: { hidden: ['username'] } })
    useRepo(User, pinia).save(john)
    const user = useRepo(User, pinia).find(1)!

    expect(user.username).toBeUndefined()
    expect(user.name).toBe('John')
    expect(user.$toJson()).toEqual({ id: 1, name: 'John' })
    expect(JSON.parse(JSON.stringify(useRepo(User, pinia).all()))).toEqual([{ id: 1, name: 'John' }])
    expect(pinia.state.value.users!.data[1]).toEqual(john)
  })

  it('groups by a hidden field\'s stored value, as where() reads it', () => {
    const pinia = appPinia({ model: { hidden: ['username'] } })
    useRepo(User, pinia).save([john, { id: 2, username: 'X' }, { id: 3, username: 'JD' }])
    const groups = useRepo(User, pinia).groupBy('username').get()
    expect(Object.keys(groups)).toEqual(['JD', 'X'])
    expect(groups.JD!.map(user => user.id)).toEqual([1, 3])
    expect(useRepo(User, pinia).where('username', 'JD').get().map(user => user.id)).toEqual([1, 3])
  })

  it('hides the fields of related models loaded with with(), and of the records a save returns', () => {
    const pinia = appPinia({ model: { hidden: ['username'] } })
    const saved = useRepo(Post, pinia).save({ id: 10, title: 'Hi', author: john })

    expect(saved.author!.$toJson()).toEqual({ id: 1, name: 'John' })
    expect(JSON.stringify(useRepo(Post, pinia).with('author').get())).not.toContain('JD')
    expect(JSON.stringify(useRepo(User, pinia).with('posts').get())).toBe('[{"id":1,"name":"John","posts":[{"id":10,"userId":1,"title":"Hi"}]}]')
  })

  it('yield to makeVisible() for one query, and add to makeHidden()', () => {
    const pinia = appPinia({ model: { hidden: ['username'] } })
    useRepo(User, pinia).save(john)

    expect(useRepo(User, pinia).makeVisible(['username']).first()!.$toJson()).toEqual(john)
    expect(useRepo(User, pinia).makeHidden(['name']).first()!.$toJson()).toEqual({ id: 1 })
  })

  it('stay off an instance through $refresh(), and a save of the instance keeps the stored value', () => {
    const pinia = appPinia({ model: { hidden: ['username'] } })
    useRepo(User, pinia).save(john)
    const user = useRepo(User, pinia).find(1)!
    user.name = 'Johnny'
    useRepo(User, pinia).save(user as unknown as Record<string, unknown>)

    expect(pinia.state.value.users!.data[1]).toEqual({ id: 1, name: 'Johnny', username: 'JD' })
    expect(user.$refresh().$toJson()).toEqual({ id: 1, name: 'Johnny' })
    expect(user.$isDirty()).toBe(false)
  })

  it('give way to a model\'s own static hidden, as pinia-orm reads them', () => {
    class Account extends Model {
      static override entity = 'accounts'
      static override hidden = ['token']
      static override fields() {
        return { id: this.attr(null), username: this.string(''), token: this.string('') }
      }
    }
    const pinia = appPinia({ model: { hidden: ['username'] } })
    useRepo(Account, pinia).save({ id: 1, username: 'ada', token: 't' })

    expect(useRepo(Account, pinia).find(1)!.$toJson()).toEqual({ id: 1, username: 'ada' })
  })
})

describe('model defaults and single-table inheritance', () => {
  class Person extends Model {
    static override entity = 'people'
    static override types() {
      return { ADULT: Adult }
    }

    static override fields() {
      return { id: this.attr(null), type: this.attr('PERSON'), name: this.string(''), username: this.string('') }
    }
  }
  class Adult extends Person {
    static override entity = 'adults'
    static override baseEntity = 'people'
    static override fields() {
      return { ...super.fields(), job: this.string('') }
    }
  }

  it('apply to each record as an instance of its type, and _meta is kept for both', () => {
    vi.useFakeTimers({ now: 5_000 })
    const pinia = appPinia({ model: { withMeta: true, hidden: ['username'] } })
    useRepo(Person, pinia).save([{ id: 1, name: 'Kid', username: 'k' }, { id: 2, type: 'ADULT', name: 'Jane', username: 'j', job: 'Engineer' }])

    expect(useRepo(Person, pinia).all().map(person => [person.constructor, person.$toJson()])).toEqual([
      [Person, { id: 1, type: 'PERSON', name: 'Kid' }],
      [Adult, { id: 2, type: 'ADULT', name: 'Jane', job: 'Engineer' }],
    ])
    expect(useRepo(Person, pinia).all().map(person => 'username' in person)).toEqual([false, false])
    expect(useRepo(Adult, pinia).withMeta().first()!._meta).toEqual({ createdAt: 5, updatedAt: 5 })
    expect(pinia.state.value.people!.data[1]._meta).toEqual({ createdAt: 5, updatedAt: 5 })
  })
})

describe('createORM({ model: { visible } })', () => {
  it('shows only these fields (and the primary key) of every model', () => {
    const pinia = appPinia({ model: { visible: ['name'] } })
    useRepo(User, pinia).save(john)
    const user = useRepo(User, pinia).find(1)!

    expect(user.username).toBeUndefined()
    expect(user.name).toBe('John')
    expect(user.$toJson()).toEqual({ id: 1, name: 'John' })
  })

  it('gives way to a model\'s own static visible', () => {
    class Card extends Model {
      static override entity = 'cards'
      static override visible = ['title']
      static override fields() {
        return { id: this.attr(null), name: this.string(''), title: this.string('') }
      }
    }
    const pinia = appPinia({ model: { visible: ['name'] } })
    useRepo(Card, pinia).save({ id: 1, name: 'Visa', title: 'Gold' })

    expect(useRepo(Card, pinia).find(1)!.$toJson()).toEqual({ id: 1, title: 'Gold' })
  })

  it('[\'*\'], pinia-orm\'s default, shows every field', () => {
    const pinia = appPinia({ model: { visible: ['*'] } })
    useRepo(User, pinia).save(john)

    expect(useRepo(User, pinia).find(1)!.$toJson()).toEqual(john)
    expect(useRepo(User, pinia)._db._defaults).toBeUndefined()
  })
})

describe('model defaults belong to one Pinia', () => {
  it('two Pinias with different defaults, used in turn, each see their own', () => {
    vi.useFakeTimers({ now: 7_000 })
    const hiding = appPinia({ model: { hidden: ['username'] } })
    const meta = appPinia({ model: { withMeta: true } })
    const plain = appPinia()
    for (const pinia of [hiding, meta, plain])
      useRepo(User, pinia).save(john)

    expect(useRepo(User, hiding).find(1)!.$toJson()).toEqual({ id: 1, name: 'John' })
    expect(useRepo(User, meta).find(1)!.$toJson()).toEqual(john)
    expect(useRepo(User, plain).find(1)!.$toJson()).toEqual(john)
    expect(useRepo(User, hiding).find(1)!.$toJson()).toEqual({ id: 1, name: 'John' })
    expect([hiding, meta, plain].map(pinia => 'username' in useRepo(User, pinia).find(1)!)).toEqual([false, true, true])
    const stored = (pinia: Pinia) => pinia.state.value.users!.data[1]
    expect(stored(meta)).toEqual({ ...john, _meta: { createdAt: 7, updatedAt: 7 } })
    expect(stored(hiding)).toEqual(john)
    expect(stored(plain)).toEqual(john)
  })

  it('a Pinia without model defaults keeps nothing for them', () => {
    expect(useRepo(User, appPinia())._db._defaults).toBeUndefined()
    expect(useRepo(User, createPinia())._db._defaults).toBeUndefined()
  })

  it('an instance made with new belongs to no Pinia: only the model\'s own statics apply to it', () => {
    const pinia = appPinia({ model: { hidden: ['username'] } })
    useRepo(User, pinia)

    // A relation the attributes leave out is [] on a new instance, as in pinia-orm.
    expect(new User(john).$toJson()).toEqual({ ...john, posts: [] })
  })

  it('defaults that reach a Pinia after its first repository apply to later reads', () => {
    const pinia = appPinia()
    useRepo(User, pinia).save(john)
    pinia.use(createORM({ model: { hidden: ['username'] } }))
    useRepo(Post, pinia).save({ id: 10 })

    expect(useRepo(User, pinia).find(1)!.$toJson()).toEqual({ id: 1, name: 'John' })
  })
})

describe('createORM({ model: { namespace } })', () => {
  it('prefixes the id of every entity store, and the ORM reads and writes it', () => {
    const pinia = appPinia({ model: { namespace: 'app' } })
    const users = useRepo(User, pinia)
    users.save({ ...john, posts: [{ id: 10, title: 'Hi' }] })

    expect(users.piniaStore().$id).toBe('app/users')
    expect(Object.keys(pinia.state.value).sort()).toEqual(['app/posts', 'app/users'])
    expect(users.with('posts').find(1)!.$toJson()).toEqual({ ...john, posts: [{ id: 10, userId: 1, title: 'Hi' }] })
  })

  it('gives way to a model\'s own static namespace, even an empty one', () => {
    class Token extends Model {
      static override entity = 'tokens'
      static override namespace = 'auth'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class Log extends Model {
      static override entity = 'logs'
      static override namespace = ''
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = appPinia({ model: { namespace: 'app' } })

    expect([useRepo(Token, pinia).piniaStore().$id, useRepo(Log, pinia).piniaStore().$id]).toEqual(['auth/tokens', 'logs'])
  })

  it('belongs to one Pinia: another keeps its own store ids, and the payload packs the namespaced stores', () => {
    const server = appPinia({ model: { namespace: 'app' } })
    useRepo(User, server).save(john)
    useRepo(User, appPinia()).save({ id: 2 })
    const payload = JSON.parse(JSON.stringify(packState(server)))
    expect(payload['app/users']).toEqual({ __nuxtPiniaOrm: { key: ['id'], fields: ['id', 'name', 'username'], rows: [[1, 'John', 'JD']] } })
    const client = appPinia({ model: { namespace: 'app' } })
    client.state.value = unpackState(payload)

    expect(useRepo(User, appPinia()).piniaStore().$id).toBe('users')
    expect(useRepo(User, client).find(1)!.$toJson()).toEqual(john)
  })

  it('that reaches a Pinia after its stores were made leaves their ids, and says so in dev', () => {
    const pinia = appPinia()
    useRepo(User, pinia)
    pinia.use(createORM({ model: { namespace: 'app' } }))
    // Pinia runs a plugin for the stores made after it: this one hands the options to the ORM.
    defineStore('other', { state: () => ({}) })(pinia)

    expectWarning('createORM({ model: { namespace: \'app\' } }) reached this Pinia after its entity stores (users', 'keep the namespace they had')
    expect(useRepo(User, pinia).piniaStore().$id).toBe('users')
    expect(useRepo(Post, pinia).piniaStore().$id).toBe('app/posts')
  })
})

describe('model defaults across SSR', () => {
  it('leave the payload complete, and the client, with the same options, hides as the server does', () => {
    vi.useFakeTimers({ now: 3_000 })
    const options: CreateOrmOptions = { model: { withMeta: true, hidden: ['username'] } }
    const server = appPinia(options)
    useRepo(User, server).save(john)
    const payload = JSON.parse(JSON.stringify(packState(server)))

    expect(payload.users).toEqual({ __nuxtPiniaOrm: { key: ['id'], fields: ['id', 'name', 'username', '_meta'], rows: [[1, 'John', 'JD', { createdAt: 3, updatedAt: 3 }]] } })

    const client = appPinia(options)
    client.state.value = unpackState(payload)
    const user = useRepo(User, client).find(1)!
    expect(user.$toJson()).toEqual(useRepo(User, server).find(1)!.$toJson())
    expect(user.$toJson()).toEqual({ id: 1, name: 'John' })
    expect(user.$isDirty()).toBe(false)
    expect(useRepo(User, client).withMeta().find(1)!._meta).toEqual({ createdAt: 3, updatedAt: 3 })
  })
})

describe('createORM({ model }) checks its values', () => {
  it('refuses a withMeta that is not a boolean, naming it', () => {
    expect(() => useRepo(User, appPinia({ model: { withMeta: 'yes' as never } }))).toThrow(/createORM\(\{ model: \{ withMeta \} \}\) takes true or false, not "yes"/)
  })

  it('refuses hidden or visible that are not lists of field names', () => {
    expect(() => useRepo(User, appPinia({ model: { hidden: 'password' as never } }))).toThrow(/createORM\(\{ model: \{ hidden \} \}\) takes a list of field names/)
    expect(() => useRepo(User, appPinia({ model: { visible: [1] as never } }))).toThrow(/createORM\(\{ model: \{ visible \} \}\) takes a list of field names/)
  })

  it('refuses hidden: [\'*\'], saying what to do instead', () => {
    expect(() => useRepo(User, appPinia({ model: { hidden: ['*'] } }))).toThrow(/hidden: \['\*'\] \} \}\) is not supported: name the fields to hide/)
  })

  it('refuses a namespace that is not a string', () => {
    expect(() => useRepo(User, appPinia({ model: { namespace: 1 as never } }))).toThrow(/createORM\(\{ model: \{ namespace \} \}\) takes a string/)
  })
})

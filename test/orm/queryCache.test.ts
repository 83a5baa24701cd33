// useCache(): results cached per Pinia instance, dropped on a write to an entity the query read.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { computed, createApp } from 'vue'
import { Model, createORM, useRepo } from '../../src/runtime/orm'
import type { Query } from '../../src/runtime/orm'
import { Post, User } from './models'

describe('useCache()', () => {
  it('returns the same result until a write to the entity', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    users.save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }])
    const first = users.useCache('all').get()
    expect(users.useCache('all').get()).toBe(first)
    users.save({ id: 3, name: 'Cid' })
    const after = users.useCache('all').get()
    expect(after).not.toBe(first)
    expect(after.map(user => user.id)).toEqual([1, 2, 3])
  })

  it('drops a result when the store\'s records are replaced by assignment', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    users.save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }])
    expect(users.useCache('all').get().map(user => user.id)).toEqual([1, 2])
    users.piniaStore().data = { 3: { id: 3, name: 'Cid', email: '' } }
    expect(users.useCache('all').get().map(user => user.id)).toEqual([3])
  })

  it('keys by the key and params, or by the query itself without a key', () => {
    const users = useRepo(User, createPinia())
    users.save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }])
    expect(users.useCache('byId', { id: 1 }).where('id', 1).get().map(user => user.id)).toEqual([1])
    expect(users.useCache('byId', { id: 2 }).where('id', 2).get().map(user => user.id)).toEqual([2])
    const a = users.useCache().where('name', 'Bob').get()
    expect(users.useCache().where('name', 'Bob').get()).toBe(a)
    expect(users.useCache().where('name', 'Ann').get()).not.toBe(a)
  })

  it('drops a result when a related entity it loaded is written', () => {
    const users = useRepo(User, createPinia())
    users.save({ id: 1, posts: [{ id: 10, title: 'a' }] })
    const first = users.useCache('withPosts').with('posts').get()
    useRepo(Post, users._db.pinia).save({ id: 10, title: 'changed' })
    expect(users.useCache('withPosts').with('posts').get()[0]!.posts![0]!.title).toBe('changed')
    expect(first[0]!.posts![0]!.title).toBe('a')
  })

  it('never shares a result between two Pinia instances, even interleaved', () => {
    const a = createPinia()
    const b = createPinia()
    useRepo(User, a).save({ id: 1, name: 'from a' })
    useRepo(User, b).save({ id: 1, name: 'from b' })
    expect(useRepo(User, a).useCache('one').get()[0]!.name).toBe('from a')
    expect(useRepo(User, b).useCache('one').get()[0]!.name).toBe('from b')
    useRepo(User, b).save({ id: 1, name: 'b again' })
    expect(useRepo(User, a).useCache('one').get()[0]!.name).toBe('from a')
    expect(useRepo(User, b).useCache('one').get()[0]!.name).toBe('b again')
    expect(useRepo(User, a).cache()!.size).toBe(1)
  })

  it('keeps a computed reactive when it gets a cached result', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    users.save({ id: 1, name: 'Ann' })
    users.useCache('names').get()
    const names = computed(() => useRepo(User, pinia).useCache('names').get().map(user => user.name))
    expect(names.value).toEqual(['Ann'])
    users.save({ id: 2, name: 'Bob' })
    expect(names.value).toEqual(['Ann', 'Bob'])
  })

  it('is off with createORM({ cache: false })', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ cache: false }))
    const users = useRepo(User, pinia)
    users.save({ id: 1 })
    expect(users.useCache('k').get()).not.toBe(users.useCache('k').get())
    // No cache to show, as in pinia-orm: code that counts on one reads cache()?.size.
    expect(users.cache()).toBeUndefined()
    expect(users.queryCache).toBeUndefined()
  })
})

describe('useCache() without a key', () => {
  class Account extends Model {
    static override entity = 'accounts'
    static override hidden = ['password']
    static override config = { withMeta: true }
    static override fields() {
      return { id: this.attr(null), name: this.string(''), password: this.string('') }
    }
  }

  it('keys by the fields a query makes hidden or visible: a hidden field never comes from another query\'s result', () => {
    const accounts = useRepo(Account, createPinia())
    accounts.save({ id: 1, name: 'Ann', password: 'secret' })

    expect(Object.keys(accounts.makeVisible(['password']).useCache().get()[0]!)).toEqual(['id', 'name', 'password'])
    expect(Object.keys(accounts.useCache().get()[0]!)).toEqual(['id', 'name'])
    expect(Object.keys(accounts.makeHidden(['name']).useCache().get()[0]!)).toEqual(['id'])
    expect(Object.keys(accounts.withMeta().useCache().get()[0]!)).toEqual(['id', 'name', '_meta'])
    // The same again: each from its own cached result.
    expect(accounts.cache()!.size).toBe(4)
    expect(Object.keys(accounts.useCache().get()[0]!)).toEqual(['id', 'name'])
    expect(Object.keys(accounts.makeVisible(['password']).useCache().get()[0]!)).toEqual(['id', 'name', 'password'])
    expect(accounts.cache()!.size).toBe(4)
  })

  it('finds the result of the same relation query, null test, not-in list or pattern made again', () => {
    const users = useRepo(User, createPinia())
    users.save([{ id: 1, name: 'Ann', email: null, posts: [{ id: 10 }] }, { id: 2, name: 'Bob', email: 'b@x' }])
    const untitled = (query: Query) => {
      query.where('title', '')
    }
    const queries = [
      () => users.has('posts'),
      () => users.has('posts', '>', 1),
      () => users.doesntHave('posts'),
      () => users.whereHas('posts', untitled),
      () => users.where('name', 'Bob').orHas('posts'),
      () => users.whereNull('email'),
      () => users.whereNotNull('email'),
      () => users.whereNotIn('name', ['Ann']),
      () => users.orWhereNotIn('name', ['Bob']),
      () => users.whereLike('name', 'a%'),
      () => users.where('name', 'Cid').orWhere(['id'], [2]),
    ]
    const first = queries.map(query => query().useCache().get())
    expect(first.map(result => result.map(user => user.id))).toEqual([[1], [], [2], [1], [1, 2], [1], [2], [2], [1], [1], [2]])
    expect(users.cache()!.size).toBe(queries.length)
    queries.forEach((query, i) => expect(query().useCache().get()).toBe(first[i]))
    expect(users.cache()!.size).toBe(queries.length)
  })

  it('keys a bigint, which JSON has no form for, apart from the number and the string', () => {
    class Ledger extends Model {
      static override entity = 'ledgers'
      static override fields() {
        return { id: this.attr(null), amount: this.attr(null) }
      }
    }
    const ledgers = useRepo(Ledger, createPinia())
    ledgers.save([{ id: 1, amount: 2n }, { id: 2, amount: 2 }, { id: 3, amount: '2' }])
    expect(ledgers.where('amount', 2n).useCache().get().map(ledger => ledger.id)).toEqual([1])
    expect(ledgers.where('amount', 2).useCache().get().map(ledger => ledger.id)).toEqual([2])
    expect(ledgers.where('amount', '2').useCache().get().map(ledger => ledger.id)).toEqual([3])
    expect(ledgers.whereNotIn('amount', [2n]).useCache().get().map(ledger => ledger.id)).toEqual([2, 3])
    expect(ledgers.whereIn('amount', [2n]).useCache().get().map(ledger => ledger.id)).toEqual([1])
    expect(ledgers.useCache('byAmount', { amount: 2n }).where('amount', 2n).get().map(ledger => ledger.id)).toEqual([1])
    expect(ledgers.cache()!.has('byAmount', { amount: 2n })).toBe(true)
    expect(ledgers.cache()!.has('byAmount', { amount: 2 })).toBe(false)
  })

  it('tells the same call with other arguments apart', () => {
    const users = useRepo(User, createPinia())
    users.save([{ id: 1, name: 'Ann', posts: [{ id: 10 }, { id: 11 }] }, { id: 2, name: 'Bob', posts: [{ id: 12 }] }])
    expect(users.has('posts', 2).useCache().get().map(user => user.id)).toEqual([1])
    expect(users.has('posts', 1).useCache().get().map(user => user.id)).toEqual([1, 2])
    expect(users.doesntHave('posts').useCache().get()).toEqual([])
    expect(users.whereNotIn('name', ['Ann']).useCache().get().map(user => user.id)).toEqual([2])
    expect(users.whereNotIn('name', ['Bob']).useCache().get().map(user => user.id)).toEqual([1])
    expect(users.whereLike('name', 'a%').useCache().get().map(user => user.id)).toEqual([1])
    expect(users.whereLike('name', 'a%', true).useCache().get()).toEqual([])
    expect(users.whereNull('name').useCache().get()).toEqual([])
    expect(users.whereNotNull('name').useCache().get().map(user => user.id)).toEqual([1, 2])
    // A constraint is a function: the same one finds the result, another is another query.
    const published = (query: Query) => {
      query.where('published', true)
    }
    const result = users.whereHas('posts', published).useCache().get()
    expect(users.whereHas('posts', published).useCache().get()).toBe(result)
    expect(users.whereHas('posts', q => q.where('published', true)).useCache().get()).not.toBe(result)
  })
})

describe('the cache instance: cache()', () => {
  it('has(), get() and delete() a result by the key and params given to useCache()', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    users.save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }])
    expect(users.cache()!.has('all')).toBe(false)
    const all = users.useCache('all').get()
    const bob = users.useCache('byId', { id: 2 }).where('id', 2).get()

    expect(users.cache()!.has('all')).toBe(true)
    expect(users.cache()!.get('all')).toBe(all)
    expect(users.cache()!.has('byId', { id: 2 })).toBe(true)
    expect(users.cache()!.get('byId', { id: 2 })).toBe(bob)
    expect(users.cache()!.has('byId', { id: 1 })).toBe(false)
    expect(users.cache()!.has('byId')).toBe(false)
    // The cache is the Pinia's: another model's repository sees the same results.
    expect(useRepo(Post, pinia).cache()!.has('all')).toBe(true)

    expect(users.cache()!.delete('all')).toBe(true)
    expect(users.cache()!.has('all')).toBe(false)
    expect(users.cache()!.delete('all')).toBe(false)
    expect(users.useCache('all').get()).not.toBe(all)
  })

  it('has no result that a write made stale', () => {
    const users = useRepo(User, createPinia())
    users.save({ id: 1, name: 'Ann' })
    users.useCache('all').get()
    users.save({ id: 2, name: 'Bob' })
    expect(users.cache()!.has('all')).toBe(false)
    expect(users.cache()!.get('all')).toBeUndefined()
  })
})

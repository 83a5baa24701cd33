// useCache(): results cached per Pinia instance, dropped on a write to an entity the query read.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { computed, createApp } from 'vue'
import { createORM, useRepo } from '../../src/runtime/orm'
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
    expect(useRepo(User, a).cache().size).toBe(1)
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
    expect(users.cache().size).toBe(0)
  })
})

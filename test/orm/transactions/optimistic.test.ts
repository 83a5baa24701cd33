// optimistic(fn): the writes of fn show at once; commit() keeps them, rollback() undoes them and
// only them, field by field, even after later writes to the same records.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { computed, toRaw } from 'vue'
import { Model, optimistic, registerModels, transaction, useRepo } from '../../../src/runtime/orm'
import { getDatabase } from '../../../src/runtime/orm/database'
import { Phone, Post, User } from './models'

let pinia: Pinia
const users = () => useRepo(User, pinia)
const posts = () => useRepo(Post, pinia)
const state = () => structuredClone(toRaw(pinia.state.value))

beforeEach(() => {
  pinia = createPinia()
  registerModels(pinia, [User, Post, Phone])
  users().save([
    { id: 1, name: 'Ann', posts: [{ id: 10, title: 'draft' }, { id: 11, title: 'notes' }], phone: { id: 100, number: '555' } },
    { id: 2, name: 'Bob' },
  ])
})

describe('optimistic()', () => {
  it('applies the writes at once and gives what the function returned', () => {
    const title = computed(() => posts().find(10)?.title)
    expect(title.value).toBe('draft')

    const write = optimistic(() => posts().save({ id: 10, title: 'final' }), pinia)

    expect(title.value).toBe('final')
    expect(write.result).toBeInstanceOf(Post)
    expect(write.result.title).toBe('final')
    expect(write.status).toBe('pending')
  })

  it('keeps the writes on commit()', () => {
    const write = optimistic(() => posts().save({ id: 10, title: 'final' }), pinia)

    write.commit()

    expect(write.status).toBe('committed')
    expect(posts().find(10)?.title).toBe('final')
    expect(() => write.rollback()).toThrow('rollback() of an optimistic write that was already committed')
  })

  it('puts everything back on rollback() when nothing else was written', () => {
    const before = state()
    const write = optimistic(() => {
      posts().save({ id: 10, title: 'final', userId: 2 })
      users().save({ id: 3, name: 'Cy', posts: [{ id: 12 }] })
      users().destroy(1)
    }, pinia)
    expect(users().with('posts').find(3)?.posts).toHaveLength(1)

    write.rollback()

    expect(write.status).toBe('rolledBack')
    expect(state()).toEqual(before)
    expect(users().with('posts').with('phone').find(1)).toMatchObject({ posts: [{ id: 10, title: 'draft' }, { id: 11 }], phone: { id: 100 } })
    expect(users().with('posts').find(2)?.posts).toEqual([])
    expect(users().count()).toBe(2)
  })

  it('keeps a later write to another field of the same record', () => {
    const write = optimistic(() => posts().save({ id: 10, title: 'final' }), pinia)
    posts().save({ id: 10, userId: 2 })

    write.rollback()

    expect(posts().find(10)).toMatchObject({ title: 'draft', userId: 2 })
    expect(users().with('posts').find(2)?.posts.map(post => post.id)).toEqual([10])
  })

  it('keeps a later write to the same field: a failed request never erases a newer edit', () => {
    const write = optimistic(() => posts().save({ id: 10, title: 'sent' }), pinia)
    posts().save({ id: 10, title: 'typed since' })

    write.rollback()

    expect(posts().find(10)?.title).toBe('typed since')
  })

  it('keeps the changes of a later optimistic write, and undoes them when that one is rolled back too', () => {
    const first = optimistic(() => posts().save({ id: 10, title: 'first' }), pinia)
    const second = optimistic(() => posts().save({ id: 10, userId: 2 }), pinia)

    first.rollback()
    expect(posts().find(10)).toMatchObject({ title: 'draft', userId: 2 })

    second.rollback()
    expect(posts().find(10)).toMatchObject({ title: 'draft', userId: 1 })
  })

  it('undoes an earlier write after a later one was committed, keeping the later one', () => {
    const first = optimistic(() => posts().save({ id: 10, title: 'first' }), pinia)
    const second = optimistic(() => posts().save({ id: 10, userId: 2, title: 'second' }), pinia)
    second.commit()

    first.rollback()

    expect(posts().find(10)).toMatchObject({ title: 'second', userId: 2 })
  })

  it('deletes a record it created, with the edits made to it since', () => {
    const write = optimistic(() => posts().save({ id: 12, title: 'new', userId: 1 }), pinia)
    posts().save({ id: 12, title: 'edited' })

    write.rollback()

    expect(posts().find(12)).toBeNull()
    expect(users().with('posts').find(1)?.posts.map(post => post.id)).toEqual([10, 11])
  })

  it('brings back a record it deleted, with what its delete rules changed', () => {
    const write = optimistic(() => users().destroy(1), pinia)
    expect(posts().count()).toBe(0)
    expect(useRepo(Phone, pinia).find(100)?.userId).toBeNull()

    write.rollback()

    expect(users().with('posts').with('phone').find(1)).toMatchObject({ name: 'Ann', posts: [{ id: 10 }, { id: 11 }], phone: { id: 100, userId: 1 } })
  })

  it('leaves a record it deleted as a later write created it anew', () => {
    const write = optimistic(() => posts().destroy(10), pinia)
    posts().save({ id: 10, title: 'recreated' })

    write.rollback()

    expect(posts().find(10)).toMatchObject({ title: 'recreated', userId: null })
  })

  it('runs no lifecycle hook when it rolls back', () => {
    const calls: string[] = []
    class Note extends Model {
      static override entity = 'notes'
      static override fields() {
        return { id: this.attr(null), text: this.string('') }
      }

      static override saving(model: Note) {
        calls.push(`saving ${String(model.$getKey())}`)
      }

      static override deleting(model: Note) {
        calls.push(`deleting ${String(model.$getKey())}`)
      }
    }
    useRepo(Note, pinia).save({ id: 1, text: 'kept' })
    const write = optimistic(() => {
      useRepo(Note, pinia).save({ id: 2, text: 'new' })
      useRepo(Note, pinia).destroy(1)
    }, pinia)
    expect(calls).toEqual(['saving 1', 'saving 2', 'deleting 1'])

    write.rollback()

    expect(calls).toEqual(['saving 1', 'saving 2', 'deleting 1'])
    expect(useRepo(Note, pinia).all().map(note => note.$getKey())).toEqual([1])
  })

  it('puts a record with a key that is not an integer back last in its store', () => {
    posts().save([{ id: 'b' }, { id: 'c' }])
    const write = optimistic(() => posts().destroy('b'), pinia)

    write.rollback()

    expect(Object.keys(toRaw(pinia.state.value).posts!.data)).toEqual(['10', '11', 'c', 'b'])
  })

  it('patches each entity store once on rollback()', () => {
    const write = optimistic(() => {
      users().save({ id: 3, name: 'Cy', posts: [{ id: 12 }, { id: 13 }] })
      posts().save({ id: 10, title: 'x' })
    }, pinia)
    const patches: string[] = []
    for (const model of [User, Post, Phone])
      useRepo(model, pinia).piniaStore().$subscribe(mutation => patches.push(mutation.storeId), { flush: 'sync' })

    write.rollback()

    expect(patches.sort()).toEqual(['posts', 'users'])
  })

  it('applies nothing when its function throws', () => {
    const before = state()

    expect(() => optimistic(() => {
      posts().save({ id: 10, title: 'final' })
      throw new Error('no')
    }, pinia)).toThrow('no')

    expect(state()).toEqual(before)
    expect(getDatabase(pinia)._interceptor).toBeUndefined()
  })

  it('costs nothing once every optimistic write is settled', () => {
    const first = optimistic(() => posts().save({ id: 10, title: 'a' }), pinia)
    const second = optimistic(() => posts().save({ id: 11, title: 'b' }), pinia)
    expect(getDatabase(pinia)._interceptor).toBeDefined()

    first.commit()
    expect(getDatabase(pinia)._interceptor).toBeDefined()
    second.rollback()

    expect(getDatabase(pinia)._interceptor).toBeUndefined()
    expect(posts().all().map(post => post.title)).toEqual(['a', 'notes'])
  })

  describe('settle()', () => {
    it('commits when the promise resolves, and resolves with its value', async () => {
      const write = optimistic(() => posts().save({ id: 10, title: 'final' }), pinia)

      await expect(write.settle(Promise.resolve('saved'))).resolves.toBe('saved')

      expect(write.status).toBe('committed')
      expect(posts().find(10)?.title).toBe('final')
    })

    it('rolls back when the promise rejects, and rejects with its error', async () => {
      const write = optimistic(() => posts().save({ id: 10, title: 'final' }), pinia)

      await expect(write.settle(Promise.reject(new Error('500')))).rejects.toThrow('500')

      expect(write.status).toBe('rolledBack')
      expect(posts().find(10)?.title).toBe('draft')
    })
  })

  it('refuses to run inside a transaction, to be rolled back inside one, or to run an async function', () => {
    expect(() => transaction(() => optimistic(() => posts().save({ id: 10 }), pinia), pinia)).toThrow('optimistic() was called inside transaction()')
    const write = optimistic(() => posts().save({ id: 10, title: 'x' }), pinia)
    expect(() => transaction(() => write.rollback(), pinia)).toThrow('rollback() of an optimistic write was called inside transaction()')
    expect(write.status).toBe('pending')
    expect(() => optimistic(async () => posts().save({ id: 11, title: 'y' }), pinia)).toThrow('optimistic(fn): fn returned a promise')
    expect(posts().find(11)?.title).toBe('notes')
  })

  it('runs transaction() inside its function as part of it', () => {
    const write = optimistic(() => {
      transaction(() => posts().save({ id: 10, title: 'inner' }), pinia)
      posts().save({ id: 11, title: 'outer' })
    }, pinia)

    write.rollback()

    expect(posts().all().map(post => post.title)).toEqual(['draft', 'notes'])
  })
})

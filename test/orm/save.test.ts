import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
})

describe('save', () => {
  it('splits a user with its phone and posts into three stores, linking them by the user\'s id', () => {
    useRepo(User, pinia).save({
      id: 1,
      name: 'John',
      phone: { id: 10, number: '555' },
      posts: [{ id: 100, title: 'A' }, { id: 101, title: 'B', userId: 2 }],
    })

    expect(pinia.state.value).toEqual({
      users: { data: { 1: { id: 1, name: 'John', email: '' } } },
      phones: { data: { 10: { id: 10, userId: 1, number: '555' } } },
      posts: {
        data: {
          100: { id: 100, userId: 1, title: 'A', published: false },
          // The parent decides the foreign key, whatever the nested record said.
          101: { id: 101, userId: 1, title: 'B', published: false },
        },
      },
    })
  })

  it('splits a phone with its user, setting the phone\'s userId from the user', () => {
    useRepo(Phone, pinia).save({ id: 10, number: '555', user: { id: 1, name: 'John' } })

    expect(pinia.state.value).toEqual({
      phones: { data: { 10: { id: 10, userId: 1, number: '555' } } },
      users: { data: { 1: { id: 1, name: 'John', email: '' } } },
    })
  })

  it('returns model instances carrying the nested relations of the input', () => {
    const user = useRepo(User, pinia).save({ id: 1, name: 'John', phone: { id: 10, number: '555' }, posts: [{ id: 100 }] })

    expect(user).toBeInstanceOf(User)
    expect(user.phone).toBeInstanceOf(Phone)
    expect(user.posts![0]).toBeInstanceOf(Post)
    expect(user.$toJson()).toEqual({
      id: 1,
      name: 'John',
      email: '',
      phone: { id: 10, userId: 1, number: '555' },
      posts: [{ id: 100, userId: 1, title: '', published: false }],
    })
  })

  it('returns an array for an array and keeps the input\'s order', () => {
    const users = useRepo(User, pinia).save([{ id: 2, name: 'B' }, { id: 1, name: 'A' }])

    expect(users.map(user => user.$getAttributes())).toEqual([
      { id: 2, name: 'B', email: '' },
      { id: 1, name: 'A', email: '' },
    ])
  })

  it('updates an existing record, keeping the fields the input leaves out', () => {
    const users = useRepo(User, pinia)
    users.save({ id: 1, name: 'John', email: 'john@example.com' })
    const saved = users.save({ id: 1, name: 'Johnny' })

    expect(saved.$getAttributes()).toEqual({ id: 1, name: 'Johnny', email: 'john@example.com' })
    expect(pinia.state.value.users!.data).toEqual({ 1: { id: 1, name: 'Johnny', email: 'john@example.com' } })
  })

  it('does not mutate the input', () => {
    const input = { id: 1, name: 'John', phone: { id: 10, number: '555' } }
    const copy = structuredClone(input)
    useRepo(User, pinia).save(input)

    expect(input).toEqual(copy)
  })

  it('merges two inputs of the same record within one save', () => {
    useRepo(Post, pinia).save([{ id: 1, title: 'First' }, { id: 1, published: true }])

    expect(pinia.state.value.posts!.data).toEqual({ 1: { id: 1, userId: null, title: 'First', published: true } })
  })

  it('writes each store once per save', () => {
    const users = useRepo(User, pinia)
    const writes: string[] = []
    for (const store of [users.piniaStore(), useRepo(Phone, pinia).piniaStore(), useRepo(Post, pinia).piniaStore()])
      store.$subscribe(mutation => writes.push(mutation.storeId), { flush: 'sync' })

    users.save([
      { id: 1, phone: { id: 10 }, posts: [{ id: 100 }, { id: 101 }] },
      { id: 2, phone: { id: 20 }, posts: [{ id: 200 }] },
    ])

    expect(writes.sort()).toEqual(['phones', 'posts', 'users'])
  })

  it('calls a function default once per new record', () => {
    let calls = 0
    class Tagged extends Model {
      static override entity = 'tagged'
      static override fields() {
        return { id: this.attr(null), tags: this.attr<string[]>(() => (calls++, [])) }
      }
    }
    const [a, b] = useRepo(Tagged, pinia).save([{ id: 1 }, { id: 2 }])

    expect(calls).toBe(2)
    expect(a!.tags).not.toBe(b!.tags)
  })

  it('saves nothing for an empty array', () => {
    expect(useRepo(User, pinia).save([])).toEqual([])
    expect(pinia.state.value.users!.data).toEqual({})
  })
})

describe('uid keys', () => {
  class Note extends Model {
    static override entity = 'notes'
    static override fields() {
      return { id: this.uid(), body: this.string('') }
    }
  }

  it('generates an id for a record without a key and keeps a given one', () => {
    const [generated, given] = useRepo(Note, pinia).save([{ body: 'a' }, { id: 'mine', body: 'b' }])

    expect(generated!.id).toMatch(/^[\w-]{21}$/)
    expect(given!.id).toBe('mine')
    expect(Object.keys(pinia.state.value.notes!.data).sort()).toEqual([generated!.id, 'mine'].sort())
  })

  it('new() saves a record of defaults under a generated key', () => {
    const note = useRepo(Note, pinia).new()!

    expect(pinia.state.value.notes!.data).toEqual({ [note.id]: { id: note.id, body: '' } })
  })
})

describe('insert, fresh, make', () => {
  it('insert replaces a record as given and ignores relations', () => {
    const users = useRepo(User, pinia)
    users.save({ id: 1, name: 'John', email: 'john@example.com' })
    const inserted = users.insert({ id: 1, name: 'Johnny', phone: { id: 10 } })

    expect(inserted.$toJson()).toEqual({ id: 1, name: 'Johnny', email: '' })
    expect(pinia.state.value.users!.data).toEqual({ 1: { id: 1, name: 'Johnny', email: '' } })
    expect(useRepo(Phone, pinia).all()).toEqual([])
  })

  it('fresh replaces every record of the model', () => {
    const users = useRepo(User, pinia)
    users.save([{ id: 1, name: 'A' }, { id: 2, name: 'B' }])
    users.fresh([{ id: 3, name: 'C' }])

    expect(pinia.state.value.users!.data).toEqual({ 3: { id: 3, name: 'C', email: '' } })
  })

  it('make builds instances with defaults without saving them', () => {
    const users = useRepo(User, pinia)
    const one = users.make({ name: 'John' })
    const many = users.make([{ id: 1 }, { id: 2 }])

    expect(one).toBeInstanceOf(User)
    expect(one.$getAttributes()).toEqual({ id: null, name: 'John', email: '' })
    expect(many.map(user => user.id)).toEqual([1, 2])
    expect(pinia.state.value.users!.data).toEqual({})
  })
})

describe('destroy, flush, update, delete', () => {
  beforeEach(() => {
    useRepo(User, pinia).save([{ id: 1, name: 'A' }, { id: 2, name: 'B' }, { id: 3, name: 'C' }])
  })

  it('destroy(id) deletes one record and returns it; a missing id returns null', () => {
    const users = useRepo(User, pinia)

    expect(users.destroy(2)!.$getAttributes()).toEqual({ id: 2, name: 'B', email: '' })
    expect(users.destroy(2)).toBeNull()
    expect(Object.keys(pinia.state.value.users!.data)).toEqual(['1', '3'])
  })

  it('destroy(ids) deletes the records found and returns them', () => {
    const deleted = useRepo(User, pinia).destroy([1, 3, 99])

    expect(deleted.map(user => user.id)).toEqual([1, 3])
    expect(Object.keys(pinia.state.value.users!.data)).toEqual(['2'])
  })

  it('flush deletes every record and returns them', () => {
    expect(useRepo(User, pinia).flush().map(user => user.id)).toEqual([1, 2, 3])
    expect(pinia.state.value.users!.data).toEqual({})
  })

  it('query().where().update() changes the matching records only', () => {
    const updated = useRepo(User, pinia).query().where('id', [1, 3]).update({ email: 'x@example.com' })

    expect(updated.map(user => user.id)).toEqual([1, 3])
    expect(pinia.state.value.users!.data).toEqual({
      1: { id: 1, name: 'A', email: 'x@example.com' },
      2: { id: 2, name: 'B', email: '' },
      3: { id: 3, name: 'C', email: 'x@example.com' },
    })
  })

  it('query().where().delete() deletes the matching records only', () => {
    const deleted = useRepo(User, pinia).query().where('name', (name: string) => name !== 'B').delete()

    expect(deleted.map(user => user.id)).toEqual([1, 3])
    expect(Object.keys(pinia.state.value.users!.data)).toEqual(['2'])
  })
})

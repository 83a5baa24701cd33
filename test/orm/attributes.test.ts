import { createPinia } from 'pinia'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { generateUuid, randomString } from '../../src/runtime/orm/uid'
import { expectWarning } from './expectWarning'

describe('uid options', () => {
  it('makes 21 URL-safe random characters without options, as pinia-orm does', () => {
    class A extends Model {
      static override entity = 'a'
      static override fields() {
        return { id: this.uid() }
      }
    }
    expect(useRepo(A, createPinia()).new()!.id).toMatch(/^[\w-]{21}$/)
  })

  it('formats a version 4 UUID from random bytes where crypto.randomUUID is missing (an app on plain http)', () => {
    const { getRandomValues } = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) })
    try {
      expect(globalThis.crypto.randomUUID).toBeUndefined()
      expect(generateUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    finally {
      vi.unstubAllGlobals()
    }
  })

  it('makes an id of the given size and alphabet', () => {
    class B extends Model {
      static override entity = 'b'
      static override fields() {
        return { id: this.uid({ size: 8, alphabet: 'abc' }), code: this.uid(5) }
      }
    }
    const record = useRepo(B, createPinia()).new()!
    expect(record.id).toMatch(/^[abc]{8}$/)
    expect(record.code).toMatch(/^[\w-]{5}$/)
  })

  it('draws only characters of the alphabet, at exactly the size asked, for any alphabet', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789€🙂'), { minLength: 2 }), (size, chars) => {
      const id = randomString(size, chars.join(''))
      expect([...id]).toHaveLength(size)
      expect([...id].every(char => chars.includes(char))).toBe(true)
    }))
  })

  it('throws for a size that is not a positive whole number', () => {
    expect(() => randomString(0, 'ab')).toThrow(/this\.uid\(\{ size \}\) needs a positive whole number/)
  })
})

describe('nullability', () => {
  class User extends Model {
    static override entity = 'users'
    static override fields() {
      return { id: this.attr(null), name: this.string('').notNullable(), nick: this.string(null).nullable() }
    }
  }

  it('warns, naming the model and field, when null is saved to a notNullable field', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: null })
    expect(vi.mocked(console.warn)).toHaveBeenCalledWith(expect.stringContaining('User.name is declared notNullable(), but a save gives it null'))
    vi.mocked(console.warn).mockClear()
  })

  it('warns once per Pinia for a save of many records with null in a notNullable field, as for every input warning', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save([{ id: 1, name: null }, { id: 2, name: null }, { id: 3, name: null }])
    useRepo(User, pinia).save({ id: 4, name: null })
    expectWarning('User.name is declared notNullable(), but a save gives it null')
    useRepo(User, createPinia()).save({ id: 1, name: null })
    expectWarning('User.name is declared notNullable()')
  })

  it('accepts null for a field that is nullable', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'x', nick: null })
    expect(pinia.state.value.users!.data['1']).toEqual({ id: 1, name: 'x', nick: null })
  })
})

describe('fields declared without a default', () => {
  class Ticket extends Model {
    static override entity = 'tickets'
    static override fields() {
      return { id: this.attr(null), note: this.attr(), assignee: this.attr<string>() }
    }
  }

  it('are null in new instances, in saved records and in the store, as in pinia-orm', () => {
    const pinia = createPinia()
    const tickets = useRepo(Ticket, pinia)
    expect(tickets.make().$toJson()).toEqual({ id: null, note: null, assignee: null })
    expect(tickets.make({ id: 3, note: 'later' }).assignee).toBeNull()

    const saved = tickets.save({ id: 1, note: 'urgent' })
    expect(saved.assignee).toBeNull()
    expect(pinia.state.value.tickets!.data).toEqual({ 1: { id: 1, note: 'urgent', assignee: null } })
    expect(Object.keys(pinia.state.value.tickets!.data['1']!)).toContain('assignee')
    expect(tickets.whereNull('assignee').get().map(ticket => ticket.id)).toEqual([1])
  })
})

describe('pinia-orm statics this library does not support', () => {
  it('warns once in development, naming the model and the static', () => {
    class Extended extends Model {
      static override entity = 'extended'
      static piniaExtend = { persist: true }
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = createPinia()
    useRepo(Extended, pinia)
    useRepo(Extended, pinia).save({ id: 1 })
    expect(vi.mocked(console.warn)).toHaveBeenCalledTimes(1)
    expect(vi.mocked(console.warn)).toHaveBeenCalledWith(expect.stringContaining('Extended declares `static piniaExtend`'))
    vi.mocked(console.warn).mockClear()
  })

  it('warns about a fieldsOnDelete declared by hand, pointing at onDelete()', () => {
    class Cascading extends Model {
      static override entity = 'cascading'
      static fieldsOnDelete = { posts: 'cascade' }
    }
    useRepo(Cascading, createPinia())
    expect(vi.mocked(console.warn)).toHaveBeenCalledTimes(1)
    expect(vi.mocked(console.warn)).toHaveBeenCalledWith(expect.stringContaining('Cascading declares `static fieldsOnDelete` (pinia-orm: the delete modes by field; here each relation takes `.onDelete()`'))
    vi.mocked(console.warn).mockClear()
  })
})

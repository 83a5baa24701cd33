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

  it('warns when a new record leaves out a notNullable field whose default is null, as pinia-orm does, and not when an update leaves it out', () => {
    class Account extends Model {
      static override entity = 'nullabilityAccounts'
      static override fields() {
        return { id: this.attr(null), code: this.string(null).notNullable(), label: this.string('') }
      }
    }
    const pinia = createPinia()
    useRepo(Account, pinia).save({ id: 1, code: 'A' })
    useRepo(Account, pinia).save({ id: 1, label: 'kept code' })
    expect(vi.mocked(console.warn)).not.toHaveBeenCalled()
    useRepo(Account, pinia).save({ id: 2, label: 'no code' })
    expectWarning('Account.code is declared notNullable(), but a new Account record leaves it out and its default is null. Give it a value, or the field a default that is not null.')
  })

  it('warns, as pinia-orm does, when new, make() or $fill() are given null for a typed notNullable field, and only then', () => {
    class Account extends Model {
      static override entity = 'nullabilityInstances'
      static override fields() {
        return { id: this.attr(null), code: this.string(null).notNullable(), name: this.string('').notNullable(), raw: this.attr(null).notNullable() }
      }
    }
    const pinia = createPinia()
    const repo = useRepo(Account, pinia)
    // Left out (the default null kept), or an attr() field, which takes any value: no warning.
    const filled = new Account({ id: 1, code: 'A', name: 'x' })
    new Account()
    new Account({ raw: null })
    repo.make({ id: 2 })
    repo.getModel()
    filled.$fill({ name: 'y' })
    expect(vi.mocked(console.warn)).not.toHaveBeenCalled()

    new Account({ code: null })
    expectWarning('Account.code is declared notNullable(), but Account is given null there. Give it a value, or drop .notNullable() if null is valid.')
    repo.make({ id: 3, name: null })
    expectWarning('Account.name is declared notNullable()')
    filled.$fill({ code: null })
    expectWarning('Account.code is declared notNullable()')
  })

  it('does not warn for an attr() field declared notNullable, which pinia-orm never checks', () => {
    class Loose extends Model {
      static override entity = 'nullabilityLoose'
      static override fields() {
        return { id: this.attr(null), raw: this.attr(null).notNullable() }
      }
    }
    useRepo(Loose, createPinia()).save([{ id: 1, raw: null }, { id: 2 }])
    expect(vi.mocked(console.warn)).not.toHaveBeenCalled()
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

describe('an array or object given as a default', () => {
  class Profile extends Model {
    static override entity = 'profiles'
    static override fields() {
      return {
        id: this.attr(null),
        tags: this.attr<string[]>([]),
        settings: this.attr({ theme: 'light', seen: [] as number[], since: new Date(Date.UTC(2020, 0, 1)) }),
      }
    }

    declare tags: string[]
    declare settings: { theme: string, seen: number[], since: Date }
  }

  it('is a copy in each record: changing one record\'s changes no other default', () => {
    const profiles = useRepo(Profile, createPinia())
    profiles.save({ id: 1 })
    const first = profiles.find(1)!
    first.tags.push('x')
    first.settings.theme = 'dark'
    first.settings.seen.push(1)
    first.settings.since.setUTCFullYear(1999)

    profiles.save({ id: 2 })
    const second = profiles.find(2)!
    expect(second.tags).toEqual([])
    expect(second.settings).toEqual({ theme: 'light', seen: [], since: new Date(Date.UTC(2020, 0, 1)) })
    expect(new Profile().tags).toEqual([])
    expect(profiles.make().settings.theme).toBe('light')
  })

  it('is never shared by two Pinia instances (two server requests)', () => {
    const a = createPinia()
    const b = createPinia()
    useRepo(Profile, a).save({ id: 1 })
    useRepo(Profile, a).find(1)!.tags.push('from request a')
    useRepo(Profile, b).save({ id: 1 })
    expect(useRepo(Profile, b).find(1)!.tags).toEqual([])
    expect(b.state.value.profiles!.data['1']!.tags).toEqual([])
  })

  it('as an instance of a class is kept as given: a function gives each record its own', () => {
    class Money {
      constructor(readonly cents: number) {}
    }
    const shared = new Money(0)
    class Price extends Model {
      static override entity = 'prices'
      static override fields() {
        return { id: this.attr(null), amount: this.attr(shared), made: this.attr(() => new Money(0)) }
      }
    }
    const prices = useRepo(Price, createPinia())
    prices.save([{ id: 1 }, { id: 2 }])
    expect(prices.find(1)!.amount).toBe(shared)
    expect(prices.find(1)!.made).not.toBe(prices.find(2)!.made)
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

// What narrows a query, as pinia-orm 1.10.2 does it (each case run side by side with it): the keys
// of find() and of a second whereId(), a query's whereId() in destroy(), the later copy of a record
// inserted twice, and has() on a to-one relation.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class Phone extends Model {
  static override entity = 'phones'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null) }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), age: this.number(0), email: this.attr(null), phone: this.hasOne(Phone, 'userId') }
  }

  declare id: number
}

let pinia: Pinia
const users = () => useRepo(User, pinia)
const ids = (list: User[]) => list.map(user => user.id)

beforeEach(() => {
  pinia = createPinia()
  users().save([{ id: 1, name: 'A', phone: { id: 1 } }, { id: 2, name: 'B' }, { id: 3, name: 'C' }])
})

describe('find() on a query', () => {
  it('gives only the records it names, whatever orWhere() or orHas() lets in', () => {
    expect(users().where('name', 'B').orWhere('name', 'A').find(2)!.id).toBe(2)
    expect(users().where('name', 'B').orWhere('name', 'A').find(3)).toBeNull()
    expect(ids(users().where('name', 'B').orWhere('name', 'A').find([2]))).toEqual([2])
    expect(ids(users().where('name', 'B').orHas('phone').find([2, 1, 3]))).toEqual([2, 1])
  })

  it('finds nothing outside an earlier whereId()', () => {
    expect(users().whereId(1).find(2)).toBeNull()
    expect(users().whereId(1).find(1)!.id).toBe(1)
    expect(ids(users().whereId([1, 2]).find([2, 3]))).toEqual([2])
  })
})

describe('whereId()', () => {
  it('narrows when given again, as two where()s on the key do', () => {
    expect(users().whereId(1).whereId(2).get()).toEqual([])
    expect(ids(users().whereId([1, 2]).whereId([2, 3]).get())).toEqual([2])
  })

  it('limits what a query\'s destroy() deletes', () => {
    expect(users().whereId(1).destroy(2)).toBeNull()
    expect(ids(users().whereId([1, 2]).destroy([2, 3]))).toEqual([2])
    expect(ids(users().all())).toEqual([1, 3])
  })
})

describe('a record given twice to insert() or fresh()', () => {
  const stored = () => useRepo(User, pinia).piniaStore().$state.data

  it('is stored as the later copy gives it, where save() merges the copies', () => {
    users().insert([{ id: 4, name: 'D', age: 30 }, { id: 4, email: 'x' }])
    expect(stored()[4]).toEqual({ id: 4, name: '', age: 0, email: 'x' })
    users().fresh([{ id: 5, name: 'E', age: 30 }, { id: 5, email: 'y' }])
    expect(stored()).toEqual({ 5: { id: 5, name: '', age: 0, email: 'y' } })
    users().save([{ id: 5, name: 'F' }, { id: 5, age: 5 }])
    expect(stored()).toEqual({ 5: { id: 5, name: 'F', age: 5, email: 'y' } })
  })
})

describe('has() on a to-one relation', () => {
  it('counts the one record it loads, however many hold the key', () => {
    useRepo(Phone, pinia).save({ id: 2, userId: 1 })
    expect(ids(users().has('phone', '=', 1).get())).toEqual([1])
    expect(users().has('phone', 2).get()).toEqual([])
    expect(ids(users().whereHas('phone', query => query.where('id', 2)).get())).toEqual([1])
  })
})

describe('find() on any query', () => {
  const name = fc.constantFrom('A', 'B', 'C')
  const id = fc.integer({ min: 1, max: 6 })
  const condition = fc.oneof(
    fc.record({ kind: fc.constant('where' as const), name }),
    fc.record({ kind: fc.constant('orWhere' as const), name }),
    fc.record({ kind: fc.constant('whereId' as const), ids: fc.array(id, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('orHas' as const) }),
  )

  it('gives exactly the records it names that pass the query, in the order named', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ id, name, phone: fc.boolean() }), { maxLength: 6 }),
      fc.array(condition, { maxLength: 4 }),
      fc.array(id, { maxLength: 4 }),
      (records, conditions, wanted) => {
        pinia = createPinia()
        users().save(records.map(record => ({ id: record.id, name: record.name, phone: record.phone ? { id: record.id } : null })))
        const build = () => {
          let query = users().query()
          for (const c of conditions) {
            if (c.kind === 'where')
              query = query.where('name', c.name)
            else if (c.kind === 'orWhere')
              query = query.orWhere('name', c.name)
            else if (c.kind === 'whereId')
              query = query.whereId(c.ids)
            else
              query = query.orHas('phone')
          }
          return query
        }
        // Brute force over the state: the where group (a whereId is one of its conditions, and a
        // second one narrows the first) or any orWhere; no condition at all passes every record.
        const state = (pinia.state.value.users?.data ?? {}) as Record<string, { id: number, name: string }>
        const phones = new Set(Object.values((pinia.state.value.phones?.data ?? {}) as Record<string, { userId: number }>).map(phone => phone.userId))
        const passes = (user: { id: number, name: string }) => {
          let and = true
          let hasAnd = false
          let or = false
          let idsSeen: number[] | undefined
          for (const c of conditions) {
            if (c.kind === 'where') {
              hasAnd = true
              and &&= user.name === c.name
            }
            else if (c.kind === 'whereId') {
              idsSeen = idsSeen === undefined ? c.ids : c.ids.filter(key => idsSeen!.includes(key))
            }
            else if (c.kind === 'orWhere') {
              or ||= user.name === c.name
            }
            else {
              or ||= phones.has(user.id)
            }
          }
          if (idsSeen !== undefined) {
            hasAnd = true
            and &&= idsSeen.includes(user.id)
          }
          return (hasAnd && and) || or || conditions.length === 0
        }
        const expected = [...new Set(wanted)].filter(key => state[key] !== undefined && passes(state[key]!))
        expect(ids(build().find(wanted))).toEqual(expected)
        for (const key of wanted)
          expect(build().find(key)?.id ?? null).toBe(expected.includes(key) ? key : null)
      },
    ), { numRuns: 200 })
  })
})

// The sort keys of a query and the comparison they make (addOrders and compareRecords in
// query/orderBy.ts).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { useRepo } from '../../../src/runtime/orm'
import { addOrders, compareRecords } from '../../../src/runtime/orm/query/orderBy'
import type { Order } from '../../../src/runtime/orm/query/orderBy'
import { User } from '../models'

describe('compareRecords', () => {
  const a = { id: 1, name: 'x', age: 30 }
  const b = { id: 2, name: 'x', age: 20 }

  it('lets the first key that tells two records apart decide', () => {
    expect(compareRecords([{ by: 'name', desc: false }, { by: 'age', desc: false }], a, b)).toBe(1)
    expect(compareRecords([{ by: 'name', desc: false }, { by: 'id', desc: false }], a, b)).toBe(-1)
  })

  it('reverses a descending key only', () => {
    expect(compareRecords([{ by: 'name', desc: true }, { by: 'age', desc: true }], a, b)).toBe(-1)
  })

  it('compares what a function key returns, and gives 0 when no key tells them apart', () => {
    const orders: Order[] = [{ by: item => (item as unknown as { age: number }).age % 10, desc: false }]

    expect(compareRecords(orders, a, b)).toBe(0)
    expect(compareRecords([], a, b)).toBe(0)
  })

  it('compares strings with the key\'s comparison when it has one', () => {
    const strings = new Intl.Collator('en', { sensitivity: 'base' }).compare

    expect(compareRecords([{ by: 'name', desc: false, strings }], { name: 'a' }, { name: 'B' })).toBe(-1)
    expect(compareRecords([{ by: 'name', desc: false }], { name: 'a' }, { name: 'B' })).toBe(1)
  })
})

describe('addOrders', () => {
  it('appends one key per field, in order, each with its own direction or the one given', () => {
    const query = useRepo(User, createPinia()).query()

    addOrders(query, 'name', 'desc', undefined)
    addOrders(query, ['email', ['id', 'asc']], 'desc', undefined)

    expect(query._orders.map(order => [order.by, order.desc])).toEqual([['name', true], ['email', true], ['id', false]])
  })

  it('gives every key of one call the same string comparison, made from the options', () => {
    const query = useRepo(User, createPinia()).query()

    addOrders(query, ['name', 'email'], 'asc', { collator: { sensitivity: 'base' } })

    expect(query._orders[0]!.strings).toBeTypeOf('function')
    expect(query._orders[1]!.strings).toBe(query._orders[0]!.strings)
  })

  it('refuses a direction that is neither asc nor desc, naming the model', () => {
    const query = useRepo(User, createPinia()).query()

    expect(() => addOrders(query, 'name', 'up' as 'asc', undefined)).toThrow(/User/)
    expect(query._orders).toEqual([])
  })
})

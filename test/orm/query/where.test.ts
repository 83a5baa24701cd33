// The conditions of a query and how a record is tested against them (query/where.ts).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getSchema } from '../../../src/runtime/orm/schema'
import { addWhere, hasOr, matchesWheres, testsInstances } from '../../../src/runtime/orm/query/where'
import type { Where } from '../../../src/runtime/orm/query/where'
import { User } from '../models'

const where = (field: Where['field'], value: unknown, or = false): Where => ({ field, value, or })

describe('matchesWheres', () => {
  const record = { id: 1, name: 'Ann', age: 30 }

  it('compares a value by identity, an array or a Set by membership, a function by its answer', () => {
    expect(matchesWheres([where('name', 'Ann')], record, undefined)).toBe(true)
    expect(matchesWheres([where('age', '30')], record, undefined)).toBe(false)
    expect(matchesWheres([where('age', [29, 30])], record, undefined)).toBe(true)
    expect(matchesWheres([where('age', new Set([31]))], record, undefined)).toBe(false)
    expect(matchesWheres([where('age', (age: number) => age > 18)], record, undefined)).toBe(true)
  })

  it('gives a function without a field the whole item', () => {
    const seen: unknown[] = []
    matchesWheres([where(item => seen.push(item) > 0, undefined)], record, undefined)
    expect(seen).toEqual([record])
  })

  it('keeps an item when every where passes, or any orWhere does', () => {
    expect(matchesWheres([where('name', 'Ann'), where('age', 31)], record, undefined)).toBe(false)
    expect(matchesWheres([where('name', 'Ann'), where('age', 31), where('id', 1, true)], record, undefined)).toBe(true)
    expect(matchesWheres([where('name', 'Bob', true), where('id', 1, true)], record, undefined)).toBe(true)
    expect(matchesWheres([where('name', 'Bob', true)], record, undefined)).toBe(false)
  })

  it('keeps every item when there is no condition at all, as a query without where() does', () => {
    expect(matchesWheres([], record, undefined)).toBe(true)
  })

  it('counts the key being among the ids as one more where', () => {
    expect(matchesWheres([], record, true)).toBe(true)
    expect(matchesWheres([where('name', 'Ann')], record, false)).toBe(false)
    expect(matchesWheres([where('id', 1, true)], record, false)).toBe(true)
  })

  it('agrees with (all wheres and the ids) or (any orWhere) for any list of conditions', () => {
    const condition = fc.record({ value: fc.integer({ min: 0, max: 2 }), or: fc.boolean() })
    fc.assert(fc.property(fc.array(condition, { maxLength: 6 }), fc.integer({ min: 0, max: 2 }), fc.option(fc.boolean(), { nil: undefined }), (conditions, value, inIds) => {
      const wheres = conditions.map(c => where('n', c.value, c.or))
      const ands = conditions.filter(c => !c.or)
      const ors = conditions.filter(c => c.or)
      const andGroup = ands.length > 0 || inIds !== undefined
      const unconstrained = conditions.length === 0 && inIds === undefined
      const expected = unconstrained || (andGroup && (inIds ?? true) && ands.every(c => c.value === value)) || ors.some(c => c.value === value)
      expect(matchesWheres(wheres, { n: value }, inIds)).toBe(expected)
    }))
  })
})

describe('addWhere', () => {
  it('returns a new list with the condition last, leaving the given list as it was', () => {
    const first = addWhere(getSchema(User), [], 'name', 'Ann', false)
    const second = addWhere(getSchema(User), first, 'id', 1, true)
    expect(first).toEqual([{ field: 'name', value: 'Ann', or: false }])
    expect(second).toEqual([{ field: 'name', value: 'Ann', or: false }, { field: 'id', value: 1, or: true, keys: new Set(['1']) }])
  })

  it('refuses a name that is not an attribute, naming the model and its attributes', () => {
    expect(() => addWhere(getSchema(User), [], 'nmae', 'Ann', false)).toThrow(/where\(\) on User: 'nmae' is not an attribute of User\..*Its attributes are: id, name, email/)
  })

  it('takes a function of the instance whatever its name', () => {
    const test = () => true
    expect(addWhere(getSchema(User), [], test, undefined, false)).toEqual([{ field: test, value: undefined, or: false }])
  })
})

describe('hasOr and testsInstances', () => {
  it('hasOr tells whether any condition is an orWhere', () => {
    expect(hasOr([where('id', 1)])).toBe(false)
    expect(hasOr([where('id', 1), where('id', 2, true)])).toBe(true)
  })

  it('testsInstances is true for a function given alone, not for one that reads stored records', () => {
    const fn = () => true
    expect(testsInstances([where('id', fn)])).toBe(false)
    expect(testsInstances([where(fn, undefined)])).toBe(true)
    expect(testsInstances([{ field: fn, value: undefined, or: false, raw: true }])).toBe(false)
  })
})

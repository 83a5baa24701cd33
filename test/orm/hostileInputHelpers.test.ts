// The small pure helpers behind issue #8's fixes, each on its own.
import { describe, expect, it } from 'vitest'
import { getSchema } from '../../src/runtime/orm/schema'
import { keyOf, keyOfId } from '../../src/runtime/orm/keys'
import { describeKeyValue, isKeyValue } from '../../src/runtime/orm/keyValues'
import { nestingDepth } from '../../src/runtime/orm/nesting'
import { hasRecord, recordAt, setRecord } from '../../src/runtime/orm/ownRecords'
import { Phone, Post, User } from './models'

describe('ownRecords', () => {
  it('reads own records only, never what Object.prototype holds', () => {
    const data: Record<string, Record<string, unknown>> = { 1: { id: 1 } }
    expect(recordAt(data, '1')).toEqual({ id: 1 })
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(recordAt(data, key)).toBeUndefined()
      expect(hasRecord(data, key)).toBe(false)
    }
  })

  it('stores a record under __proto__ as an own property, leaving the prototype alone', () => {
    const data: Record<string, Record<string, unknown>> = {}
    setRecord(data, '__proto__', { id: '__proto__' })
    setRecord(data, 'constructor', { id: 'constructor' })
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor'])
    expect(recordAt(data, '__proto__')).toEqual({ id: '__proto__' })
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
  })
})

describe('key values', () => {
  it('are strings, finite numbers and bigints only', () => {
    for (const value of ['', 'a', '__proto__', 0, -1.5, 10n])
      expect(isKeyValue(value)).toBe(true)
    for (const value of [null, undefined, true, Number.NaN, Infinity, {}, [], Symbol('s'), new Date(0), () => 1])
      expect(isKeyValue(value)).toBe(false)
  })

  it('are described by what they are, for messages', () => {
    expect([{}, [1], new Date(0), Symbol('s'), false, Number.NaN, Object.create(null)].map(describeKeyValue))
      .toEqual(['an object', 'an array', 'a Date', 'a symbol', 'a boolean', 'the number NaN', 'an object'])
  })

  it('make composite keys with bigint parts, written as the numbers they are', () => {
    expect(keyOf({ a: 1n, b: 'x' }, ['a', 'b'])).toBe('[1,"x"]')
    expect(keyOfId([1n, 'x'], ['a', 'b'])).toBe(keyOf({ a: 1, b: 'x' }, ['a', 'b']))
    expect(keyOfId([12345678901234567890n, 2], ['a', 'b'])).toBe('[12345678901234567890,2]')
  })
})

describe('nestingDepth', () => {
  const related = (owner: ReturnType<typeof getSchema>, field: string) => {
    const target = { phone: Phone, posts: Post, user: User, author: User }[field]!
    return getSchema(target)
  }

  it('counts the records on the longest chain, in every direction, without recursion', () => {
    const input = { id: 1, phone: { id: 2, user: { id: 3, posts: [{ id: 4 }, { id: 5, author: { id: 6 } }] } } }
    expect(nestingDepth(related, getSchema(User), input)).toBe(5)
    expect(nestingDepth(related, getSchema(User), [{ id: 1 }, input])).toBe(5)
    // user.phone.user.phone...: 100,000 records, alternately users and phones.
    let deep: Record<string, unknown> = { id: 0 }
    for (let i = 1; i < 100_000; i++)
      deep = i % 2 === 1 ? { id: i, phone: deep } : { id: i, user: deep }
    expect(nestingDepth(related, getSchema(User), deep)).toBe(100_000)
  })

  it('ends a chain at a record object met again as the same model', () => {
    const user: Record<string, unknown> = { id: 1 }
    user.posts = [{ id: 2, author: user }]
    expect(nestingDepth(related, getSchema(User), user)).toBe(2)
  })
})

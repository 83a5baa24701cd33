// The key a has()/whereHas() count looks a parent up by (query/relatedCounts.ts).
import { describe, expect, it } from 'vitest'
import { _objectKey } from '../../../src/runtime/orm/query/relatedCounts'
import { keyOf } from '../../../src/runtime/orm/keys'

describe('the key a relation count looks a parent up by', () => {
  it('is a single number or string field as it is, which names the same property as its string', () => {
    expect(_objectKey({ id: 7 }, ['id'])).toBe(7)
    expect(_objectKey({ id: 'a' }, ['id'])).toBe('a')
    const counts: Record<string, number> = { 7: 1 }
    expect(counts[_objectKey({ id: 7 }, ['id'])!]).toBe(counts[keyOf({ id: 7 }, ['id'])!])
  })

  it('is the key keyOf makes for any other value and for several fields', () => {
    expect(_objectKey({ id: 3n }, ['id'])).toBe(keyOf({ id: 3n }, ['id']))
    expect(_objectKey({ id: true }, ['id'])).toBe('true')
    expect(_objectKey({ a: 1, b: 'x' }, ['a', 'b'])).toBe(keyOf({ a: 1, b: 'x' }, ['a', 'b']))
  })

  it('is undefined when a field is null or missing', () => {
    expect(_objectKey({ id: null }, ['id'])).toBeUndefined()
    expect(_objectKey({}, ['id'])).toBeUndefined()
    expect(_objectKey({ a: 1, b: null }, ['a', 'b'])).toBeUndefined()
  })
})

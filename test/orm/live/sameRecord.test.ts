import { describe, expect, it } from 'vitest'
import { sameRecord, sameValue } from '../../../src/runtime/orm/reactivity/sameRecord'

describe('sameRecord', () => {
  it('holds for records with the same fields and values, whatever the field order', () => {
    expect(sameRecord({ id: 1, name: 'Ann', tags: ['a'], meta: { x: 1 } }, { name: 'Ann', id: 1, tags: ['a'], meta: { x: 1 } })).toBe(true)
  })

  it('fails for a changed value, an added or a missing field', () => {
    expect(sameRecord({ id: 1, name: 'Ann' }, { id: 1, name: 'Anna' })).toBe(false)
    expect(sameRecord({ id: 1 }, { id: 1, name: 'Ann' })).toBe(false)
    expect(sameRecord({ id: 1, name: 'Ann' }, { id: 1 })).toBe(false)
    expect(sameRecord({ id: 1, name: undefined }, { id: 1, other: undefined })).toBe(false)
  })
})

describe('sameValue', () => {
  it('compares primitives with Object.is and plain arrays and objects by content', () => {
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true)
    expect(sameValue(0, -0)).toBe(false)
    expect(sameValue([1, [2]], [1, [2]])).toBe(true)
    expect(sameValue([1, 2], [1])).toBe(false)
    expect(sameValue({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false)
    expect(sameValue([1], { 0: 1 })).toBe(false)
    expect(sameValue(null, {})).toBe(false)
  })

  it('compares dates and class instances by identity', () => {
    const date = new Date(0)
    expect(sameValue(date, date)).toBe(true)
    expect(sameValue(new Date(0), new Date(0))).toBe(false)
  })
})

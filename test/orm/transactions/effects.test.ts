// The pure pieces under transactions: replaying one write's change, the writes of a replace(),
// and the comparison of records.
import { describe, expect, it } from 'vitest'
import { _applyChanges, _replacementOf, _replayWrite, _sameRecord } from '../../../src/runtime/orm/transactions/effects'

describe('_replayWrite()', () => {
  const before = { id: 1, title: 'a', done: false }

  it('sets the fields an update changed, on top of the record as it is now', () => {
    const now = { id: 1, title: 'a', done: false, rank: 3 }
    expect(_replayWrite(now, before, { id: 1, title: 'b', done: false })).toEqual({ id: 1, title: 'b', done: false, rank: 3 })
  })

  it('keeps the values of fields the update did not change', () => {
    const now = { id: 1, title: 'z', done: true }
    expect(_replayWrite(now, before, { id: 1, title: 'a', done: false })).toBe(now)
  })

  it('removes a field the update removed', () => {
    expect(_replayWrite({ id: 1, title: 'a', done: true }, before, { id: 1, title: 'a' })).toEqual({ id: 1, title: 'a' })
  })

  it('does nothing when the record the update changed is gone', () => {
    expect(_replayWrite(undefined, before, { id: 1, title: 'b', done: false })).toBeUndefined()
  })

  it('sets the whole record a create made, over whatever is there', () => {
    const created = { id: 1, title: 'new', done: false }
    expect(_replayWrite({ id: 1, title: 'old', done: true }, undefined, created)).toBe(created)
    expect(_replayWrite(undefined, undefined, created)).toBe(created)
  })

  it('deletes for a delete', () => {
    expect(_replayWrite({ id: 1 }, before, undefined)).toBeUndefined()
  })

  it('gives the record the update made when nothing changed it since', () => {
    const after = { id: 1, title: 'b', done: false }
    expect(_replayWrite(before, before, after)).toBe(after)
  })

  it('never changes the records it is given', () => {
    const now = Object.freeze({ id: 1, title: 'a', done: true })
    expect(_replayWrite(now, Object.freeze({ ...before }), Object.freeze({ id: 1, title: 'b' }))).toEqual({ id: 1, title: 'b' })
  })
})

describe('_replacementOf()', () => {
  it('deletes the records the new data lacks and sets all of its records', () => {
    const kept = { id: 2 }
    const changes = _replacementOf({ 1: { id: 1 }, 2: { id: 2, old: true } }, { 2: kept, 3: { id: 3 } })
    expect([...changes]).toEqual([['1', undefined], ['2', kept], ['3', { id: 3 }]])
  })
})

describe('_applyChanges()', () => {
  it('sets and deletes by key, own properties only', () => {
    const data: Record<string, Record<string, unknown>> = { 1: { id: 1 } }
    _applyChanges(data, new Map([['1', undefined], ['__proto__', { id: '__proto__' }]]))
    expect(Object.keys(data)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
  })
})

describe('_sameRecord()', () => {
  it('compares the fields of two records with Object.is', () => {
    expect(_sameRecord({ a: 1, b: Number.NaN }, { b: Number.NaN, a: 1 })).toBe(true)
    expect(_sameRecord({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(_sameRecord({ a: [] }, { a: [] })).toBe(false)
    expect(_sameRecord(undefined, undefined)).toBe(true)
    expect(_sameRecord({ a: 1 }, undefined)).toBe(false)
  })
})

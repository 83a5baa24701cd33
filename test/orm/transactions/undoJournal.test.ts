// The undo journal of open transactions: the first value of each record written since a point,
// and the key order to put back when a record whose key is not an integer was deleted.
import { describe, expect, it } from 'vitest'
import { _applyChanges } from '../../../src/runtime/orm/transactions/effects'
import { _restoreKeyOrder, UndoJournal } from '../../../src/runtime/orm/transactions/undoJournal'

type Data = Record<string, Record<string, unknown>>

function write(journal: UndoJournal, data: Data, changes: [string, Record<string, unknown> | undefined][], from = 0) {
  const map = new Map(changes)
  journal.record('users', data, map, from)
  _applyChanges(data, map)
}

describe('UndoJournal', () => {
  it('gives back the record as it was before the first write since the point', () => {
    const journal = new UndoJournal()
    const first = { id: 1, name: 'a' }
    const data: Data = { 1: first }
    write(journal, data, [['1', { id: 1, name: 'b' }], ['2', { id: 2 }]])
    write(journal, data, [['1', { id: 1, name: 'c' }], ['2', undefined]])

    const { changes, orders } = journal.undo(0)

    expect([...changes.get('users')!].sort()).toEqual([['1', first], ['2', undefined]])
    expect(orders.size).toBe(0)
    expect(journal.length).toBe(0)
  })

  it('undoes back to a nested point only', () => {
    const journal = new UndoJournal()
    const data: Data = { 1: { id: 1, name: 'a' } }
    write(journal, data, [['1', { id: 1, name: 'b' }]])
    const point = journal.length
    write(journal, data, [['1', { id: 1, name: 'c' }]], point)

    expect([...journal.undo(point).changes.get('users')!]).toEqual([['1', { id: 1, name: 'b' }]])
    expect(journal.length).toBe(point)
  })

  it('notes the key order before the first delete of a key that is not an integer, once per point', () => {
    const journal = new UndoJournal()
    const data: Data = { b: { id: 'b' }, a: { id: 'a' }, 1: { id: 1 } }
    write(journal, data, [['b', undefined]])
    write(journal, data, [['a', undefined]])
    const point = journal.length
    write(journal, data, [['x', { id: 'x' }]], point)
    write(journal, data, [['x', undefined]], point)

    const inner = journal.undo(point)
    expect(inner.orders.get('users')).toEqual(['1', 'x'])
    const outer = journal.undo(0)
    expect(outer.orders.get('users')).toEqual(['1', 'b', 'a'])
  })

  it('notes nothing for deletes of integer keys', () => {
    const journal = new UndoJournal()
    write(journal, { 1: { id: 1 } }, [['1', undefined]])
    expect(journal.undo(0).orders.size).toBe(0)
  })
})

describe('_restoreKeyOrder()', () => {
  it('puts keys that are not integers back in the given order, skipping those gone', () => {
    const data: Data = { 2: {}, c: {}, a: {}, b: {} }
    _restoreKeyOrder(data, ['b', 'gone', 'a', '2', 'c'])
    expect(Object.keys(data)).toEqual(['2', 'b', 'a', 'c'])
  })
})

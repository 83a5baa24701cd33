// The log kept while optimistic writes are pending: rolling one back replays the others' changes,
// an undone transaction is forgotten, and settled writes fold into the values they start from.
import { describe, expect, it } from 'vitest'
import { _applyChanges } from '../../../src/runtime/orm/transactions/effects'
import { OptimisticLog } from '../../../src/runtime/orm/transactions/optimisticLog'
import type { LogOwner } from '../../../src/runtime/orm/transactions/optimisticLog'

type Data = Record<string, Record<string, unknown>>

function owner(): LogOwner & { committed: boolean } {
  return { committed: false }
}

function write(log: OptimisticLog, data: Data, key: string, record: Record<string, unknown> | undefined, by: LogOwner | null) {
  const changes = new Map([[key, record]])
  log.record('todos', data, changes, by)
  _applyChanges(data, changes)
}

describe('OptimisticLog', () => {
  it('gives the value a record has without the rolled-back write, with later changes replayed', () => {
    const log = new OptimisticLog()
    const data: Data = { 1: { id: 1, title: 'a', done: false } }
    const mine = owner()
    write(log, data, '1', { id: 1, title: 'b', done: false }, mine)
    write(log, data, '1', { id: 1, title: 'b', done: true }, null)

    expect([...log.rollback(mine).get('todos')!]).toEqual([['1', { id: 1, title: 'a', done: true }]])
    expect(log.length).toBe(1)
  })

  it('forgets the writes of an undone transaction', () => {
    const log = new OptimisticLog()
    const data: Data = { 1: { id: 1, title: 'a' } }
    const mine = owner()
    write(log, data, '1', { id: 1, title: 'b' }, mine)
    const mark = log.length
    write(log, data, '2', { id: 2 }, mine)
    log.truncate(mark)

    expect([...log.rollback(mine).get('todos')!]).toEqual([['1', { id: 1, title: 'a' }]])
  })

  it('folds settled writes before the oldest pending one into the base', () => {
    const log = new OptimisticLog()
    const data: Data = { 1: { id: 1, title: 'a', done: false } }
    const first = owner()
    const second = owner()
    write(log, data, '1', { id: 1, title: 'b', done: false }, first)
    write(log, data, '1', { id: 1, title: 'b', done: true }, second)
    first.committed = true
    log.prune()

    expect(log.length).toBe(1)
    expect([...log.rollback(second).get('todos')!]).toEqual([['1', { id: 1, title: 'b', done: false }]])
  })

  it('skips a write that sets the very record already stored', () => {
    const log = new OptimisticLog()
    const record = { id: 1 }
    write(log, { 1: record }, '1', record, null)
    expect(log.length).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import { FkIndex, isIndexKey } from '../../src/runtime/orm/fkIndex'
import type { StoredRecord } from '../../src/runtime/orm/keys'

/** Applies a write to a plain data object and to its index, as the database does. */
function write(data: Record<string, StoredRecord>, index: FkIndex, id: string, record: StoredRecord | undefined): boolean {
  const kept = index.update(id, data[id], record)
  if (record === undefined)
    delete data[id] // eslint-disable-line @typescript-eslint/no-dynamic-delete
  else
    data[id] = record
  return kept
}

/** The buckets of an index built afresh from the data, for comparison. */
function fresh(data: Record<string, StoredRecord>, values: string[]) {
  const index = new FkIndex(data, ['userId'])
  return values.map(value => index.get(value) ?? [])
}

describe('FkIndex', () => {
  it('lists the ids holding each value, and nothing for a null value', () => {
    const index = new FkIndex({ 1: { userId: 7 }, 2: { userId: 8 }, 3: { userId: 7 }, 4: { userId: null } }, ['userId'])

    expect(index.get('7')).toEqual(['1', '3'])
    expect(index.get('8')).toEqual(['2'])
    expect(index.get('null')).toBeUndefined()
  })

  it('keeps each bucket in the order a fresh build gives, whatever the order of writes', () => {
    const data: Record<string, StoredRecord> = { 5: { userId: 1 } }
    const index = new FkIndex(data, ['userId'])
    write(data, index, '30', { userId: 1 })
    write(data, index, '3', { userId: 1 })
    write(data, index, 'b', { userId: 1 })
    write(data, index, 'a', { userId: 1 })
    write(data, index, '10', { userId: 1 })
    write(data, index, '5', { userId: 2 })
    write(data, index, '3', undefined)

    expect([index.get('1'), index.get('2')]).toEqual([['10', '30', 'b', 'a'], ['5']])
    expect(fresh(data, ['1', '2'])).toEqual([['10', '30', 'b', 'a'], ['5']])
  })

  it('asks to be dropped when a record with a non-integer id moves to another value', () => {
    const data: Record<string, StoredRecord> = { a: { userId: 1 }, b: { userId: 2 } }
    const index = new FkIndex(data, ['userId'])

    expect(write(data, index, 'a', { userId: 1 })).toBe(true)
    expect(write(data, index, 'b', { userId: 1 })).toBe(false)
  })

  it('tells array-index keys from other keys', () => {
    expect(['0', '7', '4294967294'].map(isIndexKey)).toEqual([true, true, true])
    expect(['01', '-1', '1.5', 'a', '4294967295', ''].map(isIndexKey)).toEqual([false, false, false, false, false, false])
    expect(['1e3', ' 1', '12345678901', '9999999999'].map(isIndexKey)).toEqual([false, false, false, false])
  })

  it('keeps values named like members of Object.prototype in buckets of their own', () => {
    const data: Record<string, StoredRecord> = { 1: { owner: '__proto__' }, 2: { owner: 'constructor' }, 3: { owner: 'toString' } }
    const index = new FkIndex(data, ['owner'])
    write(data, index, '4', { owner: '__proto__' })

    expect([index.get('__proto__'), index.get('constructor'), index.get('toString'), index.get('hasOwnProperty')])
      .toEqual([['1', '4'], ['2'], ['3'], undefined])
  })
})

import type { StoredRecord } from '../keys'
import { hasRecord, setRecord } from '../ownRecords'

const hasOwn = Object.prototype.hasOwnProperty

/** The writes of one entity: a record for each key to set, `undefined` for each key to delete. */
export type RecordChanges = Map<string, StoredRecord | undefined>

/**
 * Puts `changes` into an entity's raw `data` object, as the store write does, without triggering
 * anything: an open transaction triggers each store once, at its end.
 *
 * @internal
 */
export function _applyChanges(data: Record<string, StoredRecord>, changes: ReadonlyMap<string, StoredRecord | undefined>): void {
  for (const [key, record] of changes) {
    if (record === undefined)
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the store is keyed by record id
      delete data[key]
    else
      setRecord(data, key, record)
  }
}

/**
 * The writes that turn `current` into `next`, record by record: how `replace()` is written while a
 * transaction is open or an optimistic write is pending, so that it can be undone and replayed.
 *
 * @internal
 */
export function _replacementOf(current: Record<string, StoredRecord>, next: Record<string, StoredRecord>): RecordChanges {
  const changes: RecordChanges = new Map()
  for (const key of Object.keys(current)) {
    if (!hasRecord(next, key))
      changes.set(key, undefined)
  }
  for (const key of Object.keys(next))
    changes.set(key, next[key])
  return changes
}

/**
 * What one write did to one record, replayed on `value` (the record as it is now, `undefined` when
 * absent), where the write turned `before` into `after`:
 * - a delete (`after` absent) deletes it;
 * - a create (`before` absent) sets the whole record it created;
 * - an update sets the fields whose value it changed (and removes those it removed), on top of
 *   the other fields of `value`; on a record that is absent it does nothing.
 *
 * A field the write set to the value it already had is not a change: such a write leaves it to
 * whoever else changes it. Records are never changed in place, so an unchanged record is returned
 * as the same object.
 *
 * @internal
 */
export function _replayWrite(value: StoredRecord | undefined, before: StoredRecord | undefined, after: StoredRecord | undefined): StoredRecord | undefined {
  if (after === undefined)
    return undefined
  if (before === undefined)
    return after
  if (value === undefined)
    return undefined
  if (value === before)
    return after
  let next: StoredRecord | undefined
  for (const field of Object.keys(after)) {
    const changed = after[field]
    if (!Object.is(changed, before[field]) && !Object.is(changed, value[field]))
      (next ??= { ...value })[field] = changed
  }
  for (const field of Object.keys(before)) {
    if (!hasOwn.call(after, field) && hasOwn.call(value, field)) {
      next ??= { ...value }
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a field the write removed
      delete next[field]
    }
  }
  return next ?? value
}

/**
 * Whether two records hold the same values in the same fields (compared with `Object.is`).
 *
 * @internal
 */
export function _sameRecord(a: StoredRecord | undefined, b: StoredRecord | undefined): boolean {
  if (a === b)
    return true
  if (a === undefined || b === undefined)
    return false
  const fields = Object.keys(a)
  if (fields.length !== Object.keys(b).length)
    return false
  for (const field of fields) {
    if (!hasOwn.call(b, field) || !Object.is(a[field], b[field]))
      return false
  }
  return true
}

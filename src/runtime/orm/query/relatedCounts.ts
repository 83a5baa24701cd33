import type { Database } from '../database'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { recordAt } from '../ownRecords'
import type { Schema } from '../relations/Relation'
import { sameFields } from '../sameFields'

// has()/whereHas() over the relations matched by equal keys (hasOne, hasMany, belongsTo): a parent's
// related records are one lookup by its key, directly or in the foreign-key index, and a constraint
// tests just those records. No list of related ids is made per parent, and the related store is
// never walked as a whole.

/** The number of related records of one parent record. */
export type RelatedCounter = (parent: StoredRecord) => number

/**
 * A record's key under `fields` as an object key: a number or string of a single field as it is
 * (it names the same property as its string, and makes no string), else as `keyOf` makes it;
 * `undefined` when a field is null or missing.
 *
 * @internal
 */
export function _objectKey(record: StoredRecord, fields: readonly string[]): string | number | undefined {
  if (fields.length !== 1)
    return keyOf(record, fields)
  const value = record[fields[0]!]
  if (value === null || value === undefined)
    return undefined
  return typeof value === 'number' || typeof value === 'string' ? value : String(value)
}

/**
 * Counts the records of `related` whose `keys.related` hold a parent's `keys.parent` (through the
 * primary key or the per-Pinia index), only those `accept` passes when given. Reads the data as
 * it is now: make a new counter after a write.
 *
 * @internal
 */
export function _relatedCounter(db: Database, related: Schema, keys: { readonly parent: readonly string[], readonly related: readonly string[] }, accept: ((record: StoredRecord) => boolean) | undefined): RelatedCounter {
  const parentKeys = keys.parent
  const data = db.data(related.entity)
  if (sameFields(keys.related, related.primaryKey)) {
    return (parent) => {
      const key = _objectKey(parent, parentKeys)
      const record = key === undefined ? undefined : recordAt(data, key)
      return record !== undefined && (accept === undefined || accept(record)) ? 1 : 0
    }
  }
  const index = db.index(related.entity, keys.related, data)
  return (parent) => {
    const key = _objectKey(parent, parentKeys)
    const ids = key === undefined ? undefined : index.get(key)
    if (ids === undefined)
      return 0
    if (accept === undefined)
      return ids.length
    let n = 0
    for (let i = 0; i < ids.length; i++) {
      const record = data[ids[i]!]
      if (record !== undefined && accept(record))
        n++
    }
    return n
  }
}

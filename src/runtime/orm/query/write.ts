import { _deleteRecords, _saveBatches } from '../hooks'
import { warnAboutUpdate } from '../inputWarnings'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import type { Schema } from '../relations/Relation'
import { _schemaForRecord } from '../schema'
import { recordAt } from '../ownRecords'
import { matchingRecords } from './select'
import { checkKeyKept, storedValues, updatedAttributes } from './updateValues'
import type { SelectSource } from './select'

// Writes through a query: `update()` and `delete()` of every record it matches, in one store write.

/**
 * Sets `values` on every record matching the query, in one store write, and returns the updated
 * model instances. Keys that are no attribute are left out (see `updateValues.ts`); a primary key
 * given another value than a record's throws, before anything is written.
 *
 * @internal
 */
export function updateMatching(query: SelectSource, values: Record<string, unknown>): Model[] {
  const schema = query._schema
  const kept = updatedAttributes(query._db, schema, values)
  const changes = new Map<string, StoredRecord>()
  const data = query._db.data(schema.entity)
  const given = storedValues(schema, kept)
  warnAboutUpdate(query._db.pinia, schema, given)
  // Under single-table inheritance each record takes the values its type declares, as its type.
  const byType = schema.features?.inheritance ? new Map<Schema, StoredRecord>([[schema, given]]) : undefined
  for (const item of matchingRecords(query)) {
    const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
    const record = recordAt(data, key)!
    checkKeyKept(schema, record, key, values)
    let recordValues = given
    if (byType) {
      const type = _schemaForRecord(schema, record)
      recordValues = byType.get(type) ?? byType.set(type, storedValues(type, kept)).get(type)!
    }
    changes.set(key, { ...record, ...recordValues })
  }
  _saveBatches(query._db, new Map([[schema, changes]]))
  return [...changes.values()].map(record => schema.hydrate(record, query._db))
}

/**
 * Deletes every record matching the query, in one store write, and returns them.
 *
 * @internal
 */
export function deleteMatching(query: SelectSource): Model[] {
  const schema = query._schema
  // Each record once: the ids of whereId() are distinct (distinctKeys).
  const found = matchingRecords(query)
  const deletions = new Map<string, undefined>()
  for (const item of found)
    deletions.set(keyOf(item as unknown as StoredRecord, schema.primaryKey)!, undefined)
  return _deleteRecords(query._db, schema, deletions, found)
}

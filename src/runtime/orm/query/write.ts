import { createOrmError } from '../errors'
import { _deleteRecords, _saveBatches } from '../hooks'
import { warnAboutUpdate } from '../inputWarnings'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import { recordAt } from '../ownRecords'
import { matchingRecords } from './select'
import type { SelectSource } from './select'

// Writes through a query: `update()` and `delete()` of every record it matches, in one store write.

/**
 * Sets `values` on every record matching the query, in one store write, and returns the updated
 * model instances. Throws, before writing anything, for a field that is not an attribute or is
 * part of the primary key.
 *
 * @internal
 */
export function updateMatching(query: SelectSource, values: Record<string, unknown>): Model[] {
  const schema = query._schema
  if (values === null || typeof values !== 'object' || Array.isArray(values))
    throw createOrmError(`update() on ${schema.name} takes an object of attributes, e.g. { name: 'New name' }.`)
  for (const field of Object.keys(values)) {
    if (!schema.attributes.has(field))
      throw createOrmError(`update() on ${schema.name}: '${field}' is not an attribute of ${schema.name}. Its attributes are: ${schema.attributeNames.join(', ')}.`)
    if (schema.primaryKey.includes(field))
      throw createOrmError(`update() on ${schema.name} cannot change the primary key '${field}'. Save a record with the new key and destroy the old one instead.`)
  }
  const changes = new Map<string, StoredRecord>()
  const data = query._db.data(schema.entity)
  const given = schema.features?.write ? schema.features.write(values) : values
  warnAboutUpdate(query._db.pinia, schema, given)
  for (const item of matchingRecords(query)) {
    const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
    changes.set(key, { ...recordAt(data, key), ...given })
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

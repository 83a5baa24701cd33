import { createOrmError } from '../errors'
import { _deleteRecords, _saveBatches } from '../hooks'
import { _hooksByClass, _ownValues, _subclassSchemas } from '../subclassDispatch'
import { warnAboutUpdate } from '../inputWarnings'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import { recordAt } from '../ownRecords'
import type { EntityData } from '../database'
import type { Schema } from '../relations/Relation'
import { _schemaForRecord } from '../schema'
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
  const subclasses = _subclassSchemas(schema)
  for (const field of Object.keys(values)) {
    if (!schema.attributes.has(field) && !subclasses.some(sub => sub.attributes.has(field)))
      throw createOrmError(`update() on ${schema.name}: '${field}' is not an attribute of ${schema.name}. Its attributes are: ${schema.attributeNames.join(', ')}.`)
    if (schema.primaryKey.includes(field))
      throw createOrmError(`update() on ${schema.name} cannot change the primary key '${field}'. Save a record with the new key and destroy the old one instead.`)
  }
  const data = query._db.data(schema.entity)
  if (subclasses.length > 0)
    return updateByType(query, schema, subclasses, values, data)
  const changes = new Map<string, StoredRecord>()
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
 * `update()` through a model whose `types()` lists subclasses: each record takes the values its
 * type declares, converted and hooked by its type's schema, as pinia-orm hydrates each record as
 * its type. Still one write per store.
 */
function updateByType(query: SelectSource, schema: Schema, subclasses: readonly Schema[], values: Record<string, unknown>, data: EntityData): Model[] {
  const batches = new Map<Schema, Map<string, StoredRecord>>()
  const givenBy = new Map<Schema, StoredRecord>()
  const updated: StoredRecord[] = []
  for (const item of matchingRecords(query)) {
    const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
    const stored = recordAt(data, key)!
    const own = _schemaForRecord(schema, stored)
    let given = givenBy.get(own)
    if (!given) {
      givenBy.set(own, given = _ownValues(own, values))
      warnAboutUpdate(query._db.pinia, own, given)
    }
    let batch = batches.get(own)
    if (!batch)
      batches.set(own, batch = new Map())
    const record = { ...stored, ...given }
    batch.set(key, record)
    updated.push(record)
  }
  _saveBatches(query._db, batches)
  return updated.map(record => schema.hydrate(record, query._db))
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
  return _deleteRecords(query._db, schema, deletions, found, _hooksByClass(schema))
}

import { _saveChecked } from '../writeRecords'
import { _deleteRecords } from '../hooks'
import { _hooksByClass, _subclassSchemas } from '../subclassDispatch'
import { devWarner, warnAboutUnknownType, warnAboutUpdate } from '../inputWarnings'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import { recordAt } from '../ownRecords'
import type { EntityData } from '../database'
import type { Schema } from '../relations/Relation'
import { _retyped, _schemaForRecord, _schemaOfType } from '../schema'
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
  const inheritance = schema.features?.inheritance
  const type = inheritance !== undefined && values !== null && typeof values === 'object' ? (values as StoredRecord)[inheritance.typeKey] : undefined
  // Given a type, the values are those of the class it names (a sibling of the query's, maybe).
  const target = type === undefined ? undefined : _schemaOfType(schema, type)
  if (target !== undefined) {
    const warn = devWarner(query._db.pinia)
    if (warn)
      warnAboutUnknownType(schema, type, warn)
  }
  const kept = updatedAttributes(query._db, target ?? schema, values)
  const data = query._db.data(schema.entity)
  if (inheritance && (_subclassSchemas(schema).length > 0 || target !== undefined))
    return updateByType(query, schema, kept, values, data, target)
  const changes = new Map<string, StoredRecord>()
  const given = storedValues(schema, kept)
  warnAboutUpdate(query._db.pinia, schema, given)
  // The hooks' `record` is the values given, as in pinia-orm.
  const inputs = schema.features?.hooks ? new Map<StoredRecord, StoredRecord>() : undefined
  for (const item of matchingRecords(query)) {
    const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
    const record = recordAt(data, key)!
    checkKeyKept(schema, record, key, values)
    const next = { ...record, ...given }
    newIds(schema, values, next)
    changes.set(key, next)
    inputs?.set(next, { ...values })
  }
  const matched = [...changes]
  query._db._as('update', schema.entity, () => _saveChecked(query._db, new Map([[schema, changes]]), inputs, 'specific first'))
  return matched.map(([key, record]) => schema.hydrate(changes.has(key) ? record : recordAt(data, key)!, query._db))
}

/**
 * An id field (this.uid(), an id cast) given `null` gets a new id, one per record, as in pinia-orm.
 */
function newIds(schema: Schema, values: Record<string, unknown>, record: StoredRecord): void {
  for (const field in values) {
    if (values[field] !== null)
      continue
    const attribute = schema.attributes.get(field)
    if (attribute?._generated)
      record[field] = attribute._makeDefault()
  }
}

/**
 * `update()` through a model whose `types()` lists subclasses: each record takes the values its
 * type declares, converted and hooked by its type's schema, as pinia-orm hydrates each record as
 * its type. Still one write per store.
 * With `target`, the class the values' type names, each record given that type is rebuilt as one.
 */
function updateByType(query: SelectSource, schema: Schema, kept: StoredRecord, values: Record<string, unknown>, data: EntityData, target: Schema | undefined): Model[] {
  const batches = new Map<Schema, Map<string, StoredRecord>>()
  const givenBy = new Map<Schema, StoredRecord>()
  const matched: { batch: Map<string, StoredRecord>, key: string, record: StoredRecord, stored: StoredRecord }[] = []
  const inputs = new Map<StoredRecord, StoredRecord>()
  for (const item of matchingRecords(query)) {
    const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
    const stored = recordAt(data, key)!
    checkKeyKept(schema, stored, key, values)
    // Given a new type, the record is rebuilt as one of `target`, the class it names (see normalize.ts).
    const retyped = target !== undefined && _retyped(schema, stored, values)
    const own = retyped ? target : _schemaForRecord(schema, stored)
    let given = givenBy.get(own)
    if (!given) {
      givenBy.set(own, given = storedValues(own, kept))
      warnAboutUpdate(query._db.pinia, own, given)
    }
    let batch = batches.get(own)
    if (!batch)
      batches.set(own, batch = new Map())
    const record = retyped ? Object.assign(own.withDefaults(stored), given) : { ...stored, ...given }
    newIds(own, values, record)
    batch.set(key, record)
    inputs.set(record, { ...values })
    matched.push({ batch, key, record, stored })
  }
  query._db._as('update', schema.entity, () => _saveChecked(query._db, batches, inputs, 'specific first'))
  return matched.map(({ batch, key, record, stored }) => schema.hydrate(batch.has(key) ? record : stored, query._db))
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
  return query._db._as('delete', schema.entity, () => _deleteRecords(query._db, schema, deletions, found, _hooksByClass))
}

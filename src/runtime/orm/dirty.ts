import { getActivePinia } from 'pinia'
import { getDatabase } from './database'
import type { Database } from './database'
import { createOrmError } from './errors'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import type { Schema } from './relations/Relation'
import { recordAt } from './ownRecords'

/**
 * Dirty tracking without a copy of any record: the original of an instance is the record stored
 * under its key in the Pinia it was read from. So the originals belong to that Pinia (they cross
 * SSR in its state): right after hydration nothing is dirty, an edit makes an instance dirty, and
 * saving the same values (through any repository call) makes it clean again.
 */

/**
 * The stored record an instance stands for, or `undefined` when the store has none under its key.
 *
 * @internal
 */
export function _storedOf(schema: Schema, instance: object, db: Database | undefined): StoredRecord | undefined {
  const database = db ?? activeDatabase(schema)
  const key = keyOf(instance as StoredRecord, schema.primaryKey)
  return key === undefined ? undefined : recordAt(database.data(schema.entity), key)
}

/**
 * The stored record's attributes as instances see them (casts and mutators applied).
 *
 * @internal
 */
export function _readRecord(schema: Schema, record: StoredRecord): StoredRecord {
  const read = schema.features?.conversions?.read
  const values: StoredRecord = {}
  for (const field of schema.attributeNames) {
    const convert = read?.get(field)
    values[field] = convert ? convert(record[field]) : record[field]
  }
  return values
}

/**
 * Whether an instance differs from its stored record, in one field or in any attribute it holds.
 * An instance with no stored record is dirty.
 *
 * @internal
 */
export function _isDirty(schema: Schema, instance: object, db: Database | undefined, field?: string): boolean {
  if (field !== undefined && !schema.attributes.has(field))
    throw createOrmError(`$isDirty('${field}') on ${schema.name}: '${field}' is not an attribute of ${schema.name}. Its attributes are: ${schema.attributeNames.join(', ')}.`)
  const stored = _storedOf(schema, instance, db)
  if (!stored)
    return true
  const original = _readRecord(schema, stored)
  const self = instance as StoredRecord
  const fields = field === undefined ? schema.attributeNames : [field]
  for (const name of fields) {
    // A field a query hid is not on the instance: nothing of it can have changed.
    if (Object.prototype.hasOwnProperty.call(self, name) && !sameValue(self[name], original[name]))
      return true
  }
  return false
}

/**
 * Equal as stored values: the same value, dates at the same time, or plain data with the same JSON.
 *
 * @internal
 */
export function _sameValue(a: unknown, b: unknown): boolean {
  return sameValue(a, b)
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b))
    return true
  if (a instanceof Date && b instanceof Date)
    return a.getTime() === b.getTime()
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return false
  try {
    return JSON.stringify(a) === JSON.stringify(b)
  }
  catch {
    return false
  }
}

function activeDatabase(schema: Schema): Database {
  const pinia = getActivePinia()
  if (!pinia)
    throw createOrmError(`This ${schema.name} instance was not read through a repository and no Pinia is active, so its stored record cannot be found. Read it with useRepo(${schema.name}), or call setActivePinia(pinia) first.`)
  return getDatabase(pinia)
}

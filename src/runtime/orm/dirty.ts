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
    if (Object.prototype.hasOwnProperty.call(self, name) && !sameValue(self[name], original[name], undefined))
      return true
  }
  return false
}

/**
 * Equal as stored values: the same value, dates at the same time, or the same data, compared deeply
 * (arrays, objects by their own keys whose values are defined, as JSON sees them, and Maps and Sets
 * by their entries, which JSON does not see).
 *
 * @internal
 */
export function _sameValue(a: unknown, b: unknown): boolean {
  return sameValue(a, b, undefined)
}

const hasOwn = Object.prototype.hasOwnProperty

function sameValue(a: unknown, b: unknown, seen: Map<object, unknown> | undefined): boolean {
  // 0 and -0 are the same, as JSON writes both; NaN is itself.
  if (a === b || (a !== a && b !== b))
    return true
  // Functions are no data: JSON leaves them out.
  if (typeof a === 'function' && typeof b === 'function')
    return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return false
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  // A value that holds itself is compared once.
  seen ??= new Map()
  if (seen.get(a) === b)
    return true
  seen.set(a, b)
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => sameValue(value, b[i], seen))
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size)
      return false
    for (const [key, value] of a) {
      if (!b.has(key) || !sameValue(value, b.get(key), seen))
        return false
    }
    return true
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size)
      return false
    for (const value of a) {
      if (!b.has(value) && ![...b].some(other => sameValue(value, other, new Map(seen))))
        return false
    }
    return true
  }
  const keys = definedKeys(a as Record<string, unknown>)
  const other = definedKeys(b as Record<string, unknown>)
  return keys.length === other.length
    && keys.every(key => hasOwn.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen))
}

/** The own keys whose values are data (not undefined, not a function), as JSON writes an object. */
function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter(key => value[key] !== undefined && typeof value[key] !== 'function')
}

function activeDatabase(schema: Schema): Database {
  const pinia = getActivePinia()
  if (!pinia)
    throw createOrmError(`This ${schema.name} instance was not read through a repository and no Pinia is active, so its stored record cannot be found. Read it with useRepo(${schema.name}), or call setActivePinia(pinia) first.`)
  return getDatabase(pinia)
}

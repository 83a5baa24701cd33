import { createOrmError } from '../errors'
import { devWarner } from '../inputWarnings'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { Database } from '../database'
import type { Schema } from '../relations/Relation'
import { _isSubclassField } from './instanceFields'

// What `update(values)` writes of its values. pinia-orm fills each matching instance with them, so
// a key that is no attribute (a relation, a typo, an API field the model does not declare) is left
// out, and a primary key given with the value the record has changes nothing: an app passing a whole
// record (`update(user.$toJson())`) works. Here that is the same, with a dev warning for what is
// left out; only a primary key given a different value throws, since that would move the record.

/**
 * The attribute values of `values` that `update()` writes (those of a subclass under single-table
 * inheritance too), the primary key's fields and `undefined` values left out; dev warnings (once
 * per Pinia) name the keys that are no attribute. Throws for `values` that is not an object.
 *
 * @internal
 */
export function updatedAttributes(db: Database, schema: Schema, values: unknown): StoredRecord {
  if (values === null || typeof values !== 'object' || Array.isArray(values))
    throw createOrmError(`update() on ${schema.name} takes an object of attributes, e.g. { name: 'New name' }.`)
  const kept: StoredRecord = {}
  const warn = devWarner(db.pinia)
  for (const [field, value] of Object.entries(values)) {
    if (schema.attributes.has(field) || _isSubclassField(schema, field)) {
      // `undefined` changes nothing, as in save() (a form's untouched optional field).
      if (value !== undefined && !schema.primaryKey.includes(field))
        kept[field] = value
    }
    else if (schema.relations.has(field)) {
      warn?.(`update relation ${schema.name}.${field}`, `update() on ${schema.name} does not write the relation '${field}': it is left out, as in pinia-orm. Save nested data with save().`)
    }
    else {
      warn?.(`unknown ${schema.name}.${field}`, `${schema.name}.${field}: '${field}' is not a field of ${schema.name}, so update() leaves it out. Its attributes are: ${schema.attributeNames.join(', ')}. Correct the key, or declare it in ${schema.name}.fields().`)
    }
  }
  return kept
}

/**
 * Throws when `values` gives the primary key of `record` (stored under `key`) another value:
 * `update()` does not move records.
 *
 * @internal
 */
export function checkKeyKept(schema: Schema, record: StoredRecord, key: string, values: object): void {
  if (!schema.primaryKey.some(field => Object.prototype.hasOwnProperty.call(values, field)))
    return
  if (keyOf(record, schema.primaryKey, values as StoredRecord) !== key)
    throw createOrmError(`update() on ${schema.name} cannot change the primary key ${schema.primaryKey.map(field => `'${field}'`).join(', ')} of the record ${key}. Save a record with the new key and destroy the old one instead.`)
}

/**
 * What `update()` writes into a record of `schema`'s model (its type's schema under single-table
 * inheritance): the values of its own attributes, in stored form (its casts' and mutators' `set`).
 *
 * @internal
 */
export function storedValues(schema: Schema, kept: StoredRecord): StoredRecord {
  let own = kept
  for (const field in kept) {
    if (!schema.attributes.has(field)) {
      own = {}
      for (const name in kept) {
        if (schema.attributes.has(name))
          own[name] = kept[name]
      }
      break
    }
  }
  return schema.features?.write ? schema.features.write(own) : own
}

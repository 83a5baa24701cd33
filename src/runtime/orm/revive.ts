import type { Database } from './database'
import { createOrmError } from './errors'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import type { Model } from './Model'
import type { Schema } from './relations/Relation'
import { recordAt } from './ownRecords'

/**
 * Model instances rebuilt from a nested structure of keys, as pinia-orm's `revive` does: each
 * object names a record by its primary key; its relation fields, objects or arrays of the same
 * form, name the related records to load into it. Records that are not in the store are left out
 * (`null` for a single object).
 *
 * @internal
 */
export function revive(db: Database, schema: Schema, input: unknown): Model | Model[] | null {
  if (Array.isArray(input)) {
    const found: Model[] = []
    for (const item of input) {
      const model = reviveObject(db, schema, item)
      if (model)
        found.push(model)
    }
    return found
  }
  return reviveObject(db, schema, input)
}

function reviveObject(db: Database, schema: Schema, input: unknown): Model | null {
  if (input === null || typeof input !== 'object')
    throw createOrmError(`revive() on ${schema.name} takes objects naming records by their key, e.g. { id: 1, posts: [{ id: 2 }] }, not ${input === null ? 'null' : typeof input}.`)
  const key = keyOf(input as StoredRecord, schema.primaryKey)
  const record = key === undefined ? undefined : recordAt(db.data(schema.entity), key)
  if (record === undefined)
    return null
  const model = schema.hydrate(record, db) as unknown as Record<string, unknown>
  for (const [field, relation] of schema.relations) {
    const nested = (input as Record<string, unknown>)[field]
    if (nested === undefined)
      continue
    const related = db.related(relation, schema, field)
    model[field] = nested === null ? null : revive(db, related, nested)
  }
  return model as unknown as Model
}

/**
 * The model instance of one object of keys (see {@link revive}), or `null` when its record is not
 * in the store.
 *
 * @internal
 */
export function reviveOne(db: Database, schema: Schema, input: unknown): Model | null {
  if (Array.isArray(input))
    throw createOrmError(`reviveOne() on ${schema.name} takes one object naming a record by its key, e.g. { id: 1, posts: [{ id: 2 }] }, not an array: use reviveMany() for a list.`)
  return reviveObject(db, schema, input)
}

/**
 * The model instances of a list of objects of keys (see {@link revive}); records not in the store
 * are left out.
 *
 * @internal
 */
export function reviveMany(db: Database, schema: Schema, input: unknown): Model[] {
  if (!Array.isArray(input))
    throw createOrmError(`reviveMany() on ${schema.name} takes an array of objects naming records by their key, e.g. [{ id: 1 }, { id: 2 }]: use reviveOne() for one object.`)
  return revive(db, schema, input) as Model[]
}

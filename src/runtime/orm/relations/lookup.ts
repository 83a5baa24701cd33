import { createOrmError } from '../errors'
import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'
import type { RelationHost, Schema } from './Relation'

// Pieces every relation type binds with: key checks and lookups by key through the indexes.

const NONE: readonly string[] = Object.freeze([])

/**
 * Throws unless every field in `keys` is an attribute of `schema`.
 *
 * @internal
 */
export function checkKeys(keys: readonly string[], schema: Schema, relation: string): void {
  // A key left out of the relation's call (`this.hasMany(Post)` in plain JavaScript).
  if (!Array.isArray(keys) || keys.length === 0 || keys.some(key => typeof key !== 'string' || key === ''))
    throw createOrmError(`${relation} is given no key field of ${schema.name} to link records by (got ${String(keys)}). Name it in the relation's call, e.g. this.hasMany(Post, 'userId') or this.belongsTo(User, 'userId').`)
  for (const key of keys) {
    if (!schema.attributes.has(key))
      throw createOrmError(`${relation} links records by '${key}', which is not an attribute of ${schema.name}. Declare it in ${schema.name}.fields(), e.g. \`${key}: this.attr(null)\`.`)
  }
}

/**
 * Throws unless both sides of a link have the same number of key fields.
 *
 * @internal
 */
export function checkSameLength(from: readonly string[], fromSchema: Schema, to: readonly string[], toSchema: Schema, relation: string): void {
  if (from.length !== to.length)
    throw createOrmError(`${relation} links ${fromSchema.name} (${from.join(', ')}) to ${toSchema.name} (${to.join(', ')}): both sides need the same number of key fields. For a composite primary key, give the foreign key as an array, e.g. ['userId', 'userTeamId'].`)
}

/**
 * The ids of `schema`'s records whose `fields` hold a key (as made by `keyOf`), over the data as it
 * is now: a direct lookup for the primary key, else the per-Pinia index.
 *
 * @internal
 */
export function finder(host: RelationHost, schema: Schema, fields: readonly string[]): (key: string) => readonly string[] {
  const data = host.data(schema.entity)
  if (fields.length === schema.primaryKey.length && fields.every((field, i) => field === schema.primaryKey[i]))
    return key => hasRecord(data, key) ? [key] : NONE
  const index = host.index(schema.entity, fields, data)
  return key => index.get(key) ?? NONE
}

/**
 * The key of `fields` of a record followed by fixed values (a morph type), as `keyOf` makes it for
 * the same fields and values; `undefined` when a field is null or missing.
 *
 * @internal
 */
export function keyWith(record: StoredRecord, fields: readonly string[], fixed: readonly unknown[]): string | undefined {
  const values: unknown[] = []
  for (const field of fields) {
    const value = record[field]
    if (value === null || value === undefined)
      return undefined
    values.push(value)
  }
  return JSON.stringify(values.concat(fixed))
}

/**
 * The values of `fields` of `record` to copy onto a linked record, or a failure naming the field.
 *
 * @internal
 */
export function keyValues(record: StoredRecord, fields: readonly string[], targets: readonly string[], fail: (field: string) => never): StoredRecord {
  const values: StoredRecord = {}
  for (let i = 0; i < fields.length; i++) {
    const value = record[fields[i]!]
    if (value === null || value === undefined)
      fail(fields[i]!)
    values[targets[i]!] = value
  }
  return values
}

/**
 * An object with `fields` set to `null` in this order, as a relation builds the keys it forces onto
 * nested records (`keyValues`, a pivot's link fields). A relation keeps one for as long as its model
 * lives, so that V8 keeps the hidden classes of such objects, and the code optimized for them,
 * through a GC that finds none of a save's own alive (see `getSchema`).
 *
 * @internal
 */
export function blankKeys(fields: readonly string[]): StoredRecord {
  const blank: StoredRecord = {}
  for (const field of fields)
    blank[field] = null
  return blank
}

/** @internal */
export { NONE as _NONE }

/**
 * Throws when a type column could not tell `schema`'s records from those of a model of the same
 * entity in another namespace: it holds the bare entity, as pinia-orm writes it, so morph relations
 * would read and delete each other's records. The owner of a morphOne, morphMany or morphToMany
 * (`side: 'owner'`) may have twins as long as none of them has such a relation too; the model a
 * morphTo or morphedByMany points to (`'related'`) may have none, since any other relation could
 * write its entity into that column for the twin.
 */
export function checkTypeColumn(host: RelationHost, schema: Schema, relation: string, side: 'owner' | 'related'): void {
  for (const twin of host.twinsOf(schema)) {
    if (side === 'related' || twin.relationList.some(other => other._typesOwner()))
      throw createOrmError(`${relation}: ${schema.name} ('${schema.entity}') and ${twin.name} ('${twin.entity}') share the entity '${schema.type}' in different namespaces, and a polymorphic relation's type column holds the entity only (as in pinia-orm): their records could not be told apart. Keep polymorphic relations away from one of them, or give one its own entity.`)
  }
}

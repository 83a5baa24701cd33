// The relation lookups of the ORM, recomputed the slow and obvious way: by scanning the records in
// `pinia.state.value`, with none of the ORM's indexes or key encodings. Property tests compare the
// two. A new relation type adds its case to `relatedRecords` (and nothing else).
import type { Pinia } from 'pinia'
import { BelongsTo, HasMany, HasOne } from '../../../src/runtime/orm'
import type { ModelClass, Relation } from '../../../src/runtime/orm'

/** A record as the store keeps it. */
export type Row = Record<string, unknown>

/** The records of an entity, in the order the store holds them (own keys only). */
export function rowsOf(pinia: Pinia, entity: string): Row[] {
  const state = (pinia.state.value as Record<string, { data?: Record<string, Row> } | undefined>)[entity]
  const data = state?.data ?? {}
  return Object.keys(data).map(key => Object.getOwnPropertyDescriptor(data, key)!.value as Row)
}

function primaryKeyOf(model: ModelClass): string[] {
  return typeof model.primaryKey === 'string' ? [model.primaryKey] : [...model.primaryKey]
}

/** Whether two key values name the same record: as object keys do, `1`, `1n` and `'1'` are one. */
function sameKeyValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined)
    return false
  return String(a) === String(b)
}

/** Whether `row`'s `fields` hold the values of `other`'s `otherFields`, each of them non-null. */
function matches(row: Row, fields: readonly string[], other: Row, otherFields: readonly string[]): boolean {
  return fields.every((field, i) => sameKeyValue(row[field], other[otherFields[i]!]))
}

/**
 * The related model of a relation, resolved as a user would read the definition: a class, a
 * function returning one, or an entity name looked up among `models`.
 */
export function relatedModel(relation: Relation, models: readonly ModelClass[]): ModelClass {
  const ref = (relation as unknown as { _related: unknown })._related
  if (typeof ref === 'string')
    return models.find(model => model.entity === ref)!
  if (typeof ref === 'function' && 'entity' in ref)
    return ref as ModelClass
  return (ref as () => ModelClass)()
}

/**
 * What `with(field)` must give one parent record: the list (many) or the single record (or null)
 * found by scanning the related entity's records in store order.
 */
export function relatedRecords(pinia: Pinia, parent: Row, model: ModelClass, relation: Relation, models: readonly ModelClass[]): Row[] | Row | null {
  const found = linkedRecords(pinia, parent, model, relation, models)
  return relation instanceof HasMany ? found : found[0] ?? null
}

/**
 * Every record of the related entity, in store order, that the relation links `parent` to (for a
 * hasOne, all of them, not only the first): what `has()` and `whereHas()` count.
 */
export function linkedRecords(pinia: Pinia, parent: Row, model: ModelClass, relation: Relation, models: readonly ModelClass[]): Row[] {
  const related = relatedModel(relation, models)
  const rows = rowsOf(pinia, related.entity)
  if (relation instanceof HasOne || relation instanceof HasMany) {
    const localKey = relation._localKey ?? primaryKeyOf(model)
    return rows.filter(row => matches(row, relation._foreignKey, parent, localKey))
  }
  if (relation instanceof BelongsTo) {
    const ownerKey = relation._ownerKey ?? primaryKeyOf(related)
    return rows.filter(row => matches(row, ownerKey, parent, relation._foreignKey))
  }
  throw new Error(`bruteForce: no brute-force join for ${relation.constructor.name} yet; add it to linkedRecords().`)
}

/**
 * For every record of `model` in store order: its attributes and, under `field`, what the
 * relation must load for it.
 */
export function bruteForceWith(pinia: Pinia, model: ModelClass, field: string, models: readonly ModelClass[]): { record: Row, related: Row[] | Row | null }[] {
  const relation = model.fields()[field] as Relation
  return rowsOf(pinia, model.entity).map(record => ({ record, related: relatedRecords(pinia, record, model, relation, models) }))
}

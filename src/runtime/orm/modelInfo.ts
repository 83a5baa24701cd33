import type { OrmConfig } from './config'
import { createOrmError } from './errors'
import type { Relation, Schema } from './relations/Relation'
import { entityStoreId } from './storeOptions'
import type { StoreStatics } from './storeOptions'
import type { Fields } from './types'
import { _declaredVisibility } from './visibility'
import type { VisibilityStatics } from './visibility'

// pinia-orm's views of a model's definition (`$namespace()`, `$storeName()`, `$hidden()`, ...):
// plain reads of the statics and the schema, for Model's instance methods and statics of the same
// names. Where a Pinia's `createORM({ model })` defaults decide the answer, an instance read from
// that Pinia passes its database; a model (or an instance made with `new`) sees its own statics.

/** What these reads use of a model class. @internal */
export type InfoModel = StoreStatics & VisibilityStatics & { readonly entity: string, baseEntity?: string }

/** What they use of a Pinia's database: its resolved config. @internal */
export interface InfoDatabase {
  readonly config: OrmConfig
}

/**
 * The namespace of the model's store id: its `static namespace`, else the Pinia's default (`''`).
 *
 * @internal
 */
export function _namespaceOf(model: InfoModel, db?: InfoDatabase): string {
  const own = model.namespace
  return typeof own === 'string' ? own : db?.config.model.namespace ?? ''
}

/**
 * `namespace/entity` of the model's own entity, or the entity without a namespace.
 *
 * @internal
 */
export function _modelEntityOf(model: InfoModel, db?: InfoDatabase): string {
  const namespace = _namespaceOf(model, db)
  return namespace === '' ? model.entity : `${namespace}/${model.entity}`
}

/**
 * The model whose store keeps the records: the base model under single-table inheritance.
 *
 * @internal
 */
export function _storeModelOf(schema: Schema): InfoModel {
  return (schema.features?.inheritance?.root ?? schema.model) as unknown as InfoModel
}

/**
 * The id of the Pinia store that keeps the model's records (the base model's under single-table
 * inheritance), as `useRepo(Model).piniaStore().$id` gives it.
 *
 * @internal
 */
export function _storeNameOf(schema: Schema, db?: InfoDatabase): string {
  const owner = _storeModelOf(schema)
  return entityStoreId(schema.type, owner, _namespaceOf(owner, db))
}

/**
 * The fields the model hides: its own (`static hidden`, `config.hidden`, `@Hidden()`), else the
 * Pinia's default.
 *
 * @internal
 */
export function _hiddenOf(model: InfoModel, db?: InfoDatabase): string[] {
  const own = _declaredVisibility(model).hidden
  return own.length > 0 ? own : [...db?.config.model.hidden ?? []]
}

/**
 * The fields the model shows when it lists them: its own (`static visible`, `config.visible`),
 * else the Pinia's default.
 *
 * @internal
 */
export function _visibleOf(model: InfoModel, db?: InfoDatabase): string[] {
  const own = _declaredVisibility(model).visible
  return own.length > 0 ? own : [...db?.config.model.visible ?? []]
}

/**
 * The model's fields as its schema holds them: the attributes (the primary key and the foreign
 * keys its relations keep, even when `fields()` leaves them out), then the relations.
 *
 * @internal
 */
export function _fieldsOf(schema: Schema): Fields {
  const fields: Fields = {}
  for (const [field, attribute] of schema.attributes)
    fields[field] = attribute
  for (const [field, relation] of schema.relations)
    fields[field] = relation
  return fields
}

/**
 * The relation declared as `field`; throws, listing the relations, when the field is none.
 *
 * @internal
 */
export function _relationOf(schema: Schema, field: string): Relation {
  const relation = schema.relations.get(field)
  if (!relation)
    throw createOrmError(`${schema.name} has no relation '${field}'. Its relations are: ${schema.relationNames.join(', ') || 'none'}.`)
  return relation
}

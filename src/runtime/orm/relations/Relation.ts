import type { Schema } from '../schema'
import type { Item, RelatedModel, RelatedRef } from '../types'
import type { NormalizeVisitor, SavedLink, SavedNode } from '../normalize'

/**
 * The contract every relation type fulfils. A relation links records of a parent model to records
 * of a related model by equal key values: `_parentKeys` on the parent, `_relatedKeys` on the related
 * side. Loading, indexing and matching are the same for every relation and live in the query; a
 * relation type only says which fields hold the keys, whether it holds one record or many, and how
 * nested input is split into records.
 */
export abstract class Relation<R extends RelatedModel = RelatedModel> {
  /** @internal */
  readonly _related: RelatedRef<R>

  /** Whether the relation holds a list (`true`) or a single record or `null` (`false`). */
  abstract readonly many: boolean

  constructor(related: RelatedRef<R>) {
    this._related = related
  }

  /**
   * The fields of the parent record whose values select the related records.
   *
   * @internal
   */
  abstract _parentKeys(parent: Schema, related: Schema): readonly string[]

  /**
   * The fields of the related records that hold those values.
   *
   * @internal
   */
  abstract _relatedKeys(parent: Schema, related: Schema): readonly string[]

  /**
   * Splits the nested input `value` found under this relation's field of a parent record into
   * records, through the visitor, filling in the keys that link them; returns the nested nodes.
   *
   * @internal
   */
  abstract _normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown, related: Schema, field: string): SavedLink
}

/** The value a loaded relation gives its model instances. */
export type RelationValue<T> = T extends Relation<infer R>
  ? T extends { readonly many: true } ? Item<R>[] : Item<R> | null
  : never

/**
 * `'userId'` or `['userId', 'teamId']` as a list of field names.
 *
 * @internal
 */
export function toFieldList(key: string | readonly string[]): readonly string[] {
  return typeof key === 'string' ? [key] : key
}

/**
 * The shared part of relations whose related records hold the key (hasOne, hasMany): the related
 * records' `foreignKey` holds this record's `localKey`, by default this model's primary key.
 */
export abstract class ForeignKeyRelation<R extends RelatedModel = RelatedModel> extends Relation<R> {
  /** @internal */
  readonly _foreignKey: readonly string[]
  /** @internal */
  readonly _localKey: readonly string[] | undefined

  constructor(related: RelatedRef<R>, foreignKey: string | readonly string[], localKey?: string | readonly string[]) {
    super(related)
    this._foreignKey = toFieldList(foreignKey)
    this._localKey = localKey === undefined ? undefined : toFieldList(localKey)
  }

  _parentKeys(parent: Schema): readonly string[] {
    return this._localKey ?? parent.primaryKey
  }

  _relatedKeys(): readonly string[] {
    return this._foreignKey
  }
}

/**
 * For relations whose related records hold the key (hasOne, hasMany): the values the child's
 * `relatedKeys` must take, read from the parent's `parentKeys`.
 *
 * @internal
 */
export function childKeyValues(
  visitor: NormalizeVisitor,
  parent: SavedNode,
  relation: Relation,
  related: Schema,
  field: string,
): Record<string, unknown> {
  const parentKeys = relation._parentKeys(parent.schema, related)
  const relatedKeys = relation._relatedKeys(parent.schema, related)
  const values: Record<string, unknown> = {}
  for (let i = 0; i < parentKeys.length; i++) {
    const value = parent.attributes[parentKeys[i]!]
    if (value === null || value === undefined) {
      visitor.fail(`${parent.schema.name}.${field} cannot link its ${related.entity}: the ${parent.schema.name} record ${parent.key} has no value in '${parentKeys[i]}'. Include '${parentKeys[i]}' in the saved record.`)
    }
    values[relatedKeys[i]!] = value
  }
  return values
}

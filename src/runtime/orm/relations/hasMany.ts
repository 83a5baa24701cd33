import type { StoredRecord } from '../keys'
import { ChildrenRelation, manyChildren } from './children'
import type { NormalizeVisitor, RelatedModel, SavedNode, Schema } from './Relation'

/**
 * Related records whose `foreignKey` holds this record's `localKey` (by default this model's
 * primary key): a user has many posts, each post's `userId` holding the user's `id`.
 */
export class HasMany<R extends RelatedModel = RelatedModel> extends ChildrenRelation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** The related records' field(s) holding this record's key. */
  declare readonly foreignKey: string | string[]
  /** This record's field(s) they hold (default: the primary key). */
  declare readonly localKey: string | string[]

  readonly many = true as const
  /** @internal */
  readonly _kind = 'hasMany'

  /** @internal */
  _children(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, field: string): SavedNode[] {
    return manyChildren(visitor, value, related, keys, name, this._kind, field)
  }
}

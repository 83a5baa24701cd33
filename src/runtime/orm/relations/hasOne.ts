import type { StoredRecord } from '../keys'
import { ChildrenRelation, oneChild } from './children'
import type { NormalizeVisitor, RelatedModel, SavedNode, Schema } from './Relation'

/**
 * One related record whose `foreignKey` holds this record's `localKey` (by default this model's
 * primary key): a user has one phone, the phone's `userId` holding the user's `id`.
 */
export class HasOne<R extends RelatedModel = RelatedModel> extends ChildrenRelation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** The related records' field(s) holding this record's key. */
  declare readonly foreignKey: string | string[]
  /** This record's field(s) they hold (default: the primary key). */
  declare readonly localKey: string | string[]

  readonly many = false as const
  /** @internal */
  readonly _kind = 'hasOne'

  /** @internal */
  _children(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, field: string): SavedNode | null {
    return oneChild(visitor, value, related, keys, name, this._kind, field)
  }
}

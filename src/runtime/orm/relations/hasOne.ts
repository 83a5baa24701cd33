import type { StoredRecord } from '../keys'
import { ChildrenRelation, oneChild } from './children'
import type { NormalizeVisitor, RelatedModel, SavedNode, Schema } from './Relation'

/**
 * One related record whose `foreignKey` holds this record's `localKey` (by default this model's
 * primary key): a user has one phone, the phone's `userId` holding the user's `id`.
 */
export class HasOne<R extends RelatedModel = RelatedModel> extends ChildrenRelation<R> {
  readonly many = false as const
  /** @internal */
  readonly _kind = 'hasOne'

  /** @internal */
  _children(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, field: string): SavedNode | null {
    return oneChild(visitor, value, related, keys, name, this._kind, field)
  }
}

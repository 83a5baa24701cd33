import type { StoredRecord } from '../keys'
import { ChildrenRelation, manyChildren } from './children'
import type { NormalizeVisitor, RelatedModel, SavedNode, Schema } from './Relation'

/**
 * Related records whose `foreignKey` holds this record's `localKey` (by default this model's
 * primary key): a user has many posts, each post's `userId` holding the user's `id`.
 */
export class HasMany<R extends RelatedModel = RelatedModel> extends ChildrenRelation<R> {
  readonly many = true as const
  /** @internal */
  readonly _kind = 'hasMany'

  /** @internal */
  _children(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, field: string): SavedNode[] {
    return manyChildren(visitor, value, related, keys, name, this._kind, field)
  }
}

import type { StoredRecord } from '../keys'
import { ChildrenRelation, manyChildren } from './children'
import type { NormalizeVisitor, RelatedModel, RelatedRef, SavedNode, Schema } from './Relation'

/**
 * Related records of a polymorphic model whose `id` field holds this record's `localKey` (by
 * default its primary key) and whose `type` field holds this model's entity: a post has many
 * comments, each comment's `commentableId` holding the post's id and `commentableType` `'posts'`.
 */
export class MorphMany<R extends RelatedModel = RelatedModel> extends ChildrenRelation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** The related records' field holding this record's key. */
  declare readonly morphId: string
  /** The related records' field holding this model's entity. */
  declare readonly morphType: string
  /** This record's field they hold (default: the primary key). */
  declare readonly localKey: string | string[]

  readonly many = true as const
  /** @internal */
  readonly _kind = 'morphMany'

  constructor(related: RelatedRef<R>, id: string, type: string, localKey?: string) {
    super(related, id, localKey, type)
  }

  /** @internal */
  _children(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, field: string): SavedNode[] {
    return manyChildren(visitor, value, related, keys, name, this._kind, field)
  }
}

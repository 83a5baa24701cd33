import type { StoredRecord } from '../keys'
import { ChildrenRelation, oneChild } from './children'
import type { NormalizeVisitor, RelatedModel, RelatedRef, SavedNode, Schema } from './Relation'

/**
 * One related record of a polymorphic model whose `id` field holds this record's `localKey` (by
 * default its primary key) and whose `type` field holds this model's entity: a user has one image,
 * the image's `imageableId` holding the user's id and `imageableType` holding `'users'`.
 */
export class MorphOne<R extends RelatedModel = RelatedModel> extends ChildrenRelation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** The related records' field holding this record's key. */
  declare readonly morphId: string
  /** The related records' field holding this model's entity. */
  declare readonly morphType: string
  /** This record's field they hold (default: the primary key). */
  declare readonly localKey: string | string[]

  readonly many = false as const
  /** @internal */
  readonly _kind = 'morphOne'

  constructor(related: RelatedRef<R>, id: string, type: string, localKey?: string) {
    super(related, id, localKey, type)
  }

  /** @internal */
  _children(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, field: string): SavedNode | null {
    return oneChild(visitor, value, related, keys, name, this._kind, field)
  }
}

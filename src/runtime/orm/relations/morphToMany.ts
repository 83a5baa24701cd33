import { PivotRelation } from './pivot'
import type { PivotFields, PivotRef } from './pivot'
import type { RelatedModel, RelatedRef } from './Relation'

/**
 * Related records linked through a polymorphic pivot: a user (or a post) has many images through
 * `Imageable` records holding the image's key in `relatedId`, the user's key in `id` and
 * `'users'` in `type`.
 */
export class MorphToMany<R extends RelatedModel = RelatedModel, P extends RelatedModel = RelatedModel, A extends string = 'pivot'> extends PivotRelation<R, P, A> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** The pivot's field named `relatedId` in the relation's arguments. */
  declare readonly relatedId: string
  /** The pivot's field named `id` in the relation's arguments. */
  declare readonly morphId: string
  /** The pivot's type field. */
  declare readonly morphType: string

  /** @internal */
  readonly _kind = 'morphToMany'
  /** @internal */
  readonly _fields: PivotFields

  constructor(related: RelatedRef<R>, pivot: PivotRef<P, A>, relatedId: string, id: string, type: string, parentKey?: string, relatedKey?: string) {
    super(related, pivot, parentKey, relatedKey)
    this._fields = { parent: [id], related: relatedId, type: { field: type, side: 'owner' } }
  }

  /** Loads each related record's pivot record under `name` instead of `pivot`. */
  override as<N extends string>(name: N): MorphToMany<R, P, N> {
    return super.as(name) as MorphToMany<R, P, N>
  }
}

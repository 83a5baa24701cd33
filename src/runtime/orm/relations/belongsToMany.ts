import { PivotRelation } from './pivot'
import type { PivotFields, PivotRef } from './pivot'
import type { RelatedModel, RelatedRef } from './Relation'

/**
 * Related records linked through a pivot model: a user belongs to many roles through `RoleUser`
 * records, each holding the user's key in `foreignPivotKey` and the role's in `relatedPivotKey`.
 */
export class BelongsToMany<R extends RelatedModel = RelatedModel, P extends RelatedModel = RelatedModel, A extends string = 'pivot'> extends PivotRelation<R, P, A> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** The pivot's field holding this record's key. */
  declare readonly foreignPivotKey: string
  /** The pivot's field holding the related record's key. */
  declare readonly relatedPivotKey: string

  /** @internal */
  readonly _kind = 'belongsToMany'
  /** @internal */
  readonly _fields: PivotFields

  constructor(related: RelatedRef<R>, pivot: PivotRef<P, A>, foreignPivotKey: string, relatedPivotKey: string, parentKey?: string, relatedKey?: string) {
    super(related, pivot, parentKey, relatedKey)
    this._fields = { parent: [foreignPivotKey], related: relatedPivotKey }
  }

  /** Loads each related record's pivot record under `name` instead of `pivot`. */
  override as<N extends string>(name: N): BelongsToMany<R, P, N> {
    return super.as(name) as BelongsToMany<R, P, N>
  }
}

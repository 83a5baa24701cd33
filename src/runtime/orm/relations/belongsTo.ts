import type { Schema } from '../schema'
import type { RelatedModel, RelatedRef } from '../types'
import type { NormalizeVisitor, SavedLink, SavedNode } from '../normalize'
import { Relation, toFieldList } from './Relation'

/**
 * The record this record's `foreignKey` points to, by the related model's `ownerKey` (by default its
 * primary key): a phone belongs to a user, the phone's `userId` holding the user's `id`.
 */
export class BelongsTo<R extends RelatedModel = RelatedModel> extends Relation<R> {
  readonly many = false as const
  /** @internal */
  readonly _foreignKey: readonly string[]
  /** @internal */
  readonly _ownerKey: readonly string[] | undefined

  constructor(related: RelatedRef<R>, foreignKey: string | readonly string[], ownerKey?: string | readonly string[]) {
    super(related)
    this._foreignKey = toFieldList(foreignKey)
    this._ownerKey = ownerKey === undefined ? undefined : toFieldList(ownerKey)
  }

  _parentKeys(): readonly string[] {
    return this._foreignKey
  }

  _relatedKeys(_parent: Schema, related: Schema): readonly string[] {
    return this._ownerKey ?? related.primaryKey
  }

  _normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown, related: Schema, field: string): SavedLink {
    if (value === null)
      return null
    if (typeof value !== 'object' || Array.isArray(value))
      visitor.fail(`${parent.schema.name}.${field} is a belongsTo relation: save an object or null under '${field}', not ${Array.isArray(value) ? 'an array' : typeof value}.`)
    const owner = visitor.visit(related, value, undefined, `.${field}`)
    const ownerKeys = this._relatedKeys(parent.schema, related)
    for (let i = 0; i < ownerKeys.length; i++) {
      const ownerValue = owner.attributes[ownerKeys[i]!]
      if (ownerValue === null || ownerValue === undefined)
        visitor.fail(`${parent.schema.name}.${field} cannot link its ${related.entity}: the ${related.name} record ${owner.key} has no value in '${ownerKeys[i]}'. Include '${ownerKeys[i]}' in the saved record.`)
      parent.attributes[this._foreignKey[i]!] = ownerValue
    }
    return owner
  }
}

import type { Schema } from '../schema'
import type { RelatedModel } from '../types'
import type { NormalizeVisitor, SavedLink, SavedNode } from '../normalize'
import { ForeignKeyRelation, childKeyValues } from './Relation'

/**
 * One related record whose `foreignKey` holds this record's `localKey` (by default this model's
 * primary key): a user has one phone, the phone's `userId` holding the user's `id`.
 */
export class HasOne<R extends RelatedModel = RelatedModel> extends ForeignKeyRelation<R> {
  readonly many = false as const

  _normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown, related: Schema, field: string): SavedLink {
    if (value === null)
      return null
    if (typeof value !== 'object' || Array.isArray(value))
      visitor.fail(`${parent.schema.name}.${field} is a hasOne relation: save an object or null under '${field}', not ${Array.isArray(value) ? 'an array' : typeof value}.`)
    const keys = childKeyValues(visitor, parent, this, related, field)
    return visitor.visit(related, value, keys, `.${field}`)
  }
}

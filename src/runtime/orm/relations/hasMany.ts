import type { Schema } from '../schema'
import type { RelatedModel } from '../types'
import type { NormalizeVisitor, SavedLink, SavedNode } from '../normalize'
import { ForeignKeyRelation, childKeyValues } from './Relation'

/**
 * Related records whose `foreignKey` holds this record's `localKey` (by default this model's
 * primary key): a user has many posts, each post's `userId` holding the user's `id`.
 */
export class HasMany<R extends RelatedModel = RelatedModel> extends ForeignKeyRelation<R> {
  readonly many = true as const

  _normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown, related: Schema, field: string): SavedLink {
    if (!Array.isArray(value))
      visitor.fail(`${parent.schema.name}.${field} is a hasMany relation: save an array under '${field}', not ${value === null ? 'null' : typeof value}.`)
    const keys = childKeyValues(visitor, parent, this, related, field)
    const children: SavedNode[] = []
    for (let i = 0; i < value.length; i++)
      children.push(visitor.visit(related, value[i], keys, `.${field}[${i}]`))
    return children
  }
}

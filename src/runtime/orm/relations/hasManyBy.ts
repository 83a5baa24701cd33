import { checkKeys, finder } from './lookup'
import { Relation } from './Relation'
import type { LinkReader, NormalizeVisitor, RelatedModel, RelatedRef, RelationHost, RelationLink, SavedNode, Schema, ModelInstance } from './Relation'

/**
 * Related records whose `ownerKey` (by default their primary key) is one of the values of this
 * record's `foreignKey`, an array: a cluster has many nodes by `nodeIds: [1, 2]`.
 */
export class HasManyBy<R extends RelatedModel = RelatedModel> extends Relation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** A blank instance of the related model, as `related` (pinia-orm's name here). */
  declare readonly child: ModelInstance | undefined
  /** This record's field holding the array of related keys. */
  declare readonly foreignKey: string
  /** The related records' field those keys name (default: their primary key). */
  declare readonly ownerKey: string

  readonly many = true as const
  /** @internal */
  readonly _foreignKey: string
  /** @internal */
  readonly _ownerKey: string | undefined

  constructor(related: RelatedRef<R>, foreignKey: string, ownerKey?: string) {
    super(related)
    this._foreignKey = foreignKey
    this._ownerKey = ownerKey
  }

  /** @internal */
  override _ownFields(): readonly string[] {
    return [this._foreignKey]
  }

  _bind(host: RelationHost, owner: Schema, field: string): RelationLink {
    const related = host.schemaOf(this._related as RelatedRef, owner, field)
    const name = `${owner.name}.${field}`
    const foreignKey = this._foreignKey
    const ownerKeys = this._ownerKey === undefined ? related.primaryKey : [this._ownerKey]
    const foreignKeys = [foreignKey]
    checkKeys(foreignKeys, owner, name)
    checkKeys(ownerKeys, related, name)
    const notArray = (value: unknown) => `${name} is a hasManyBy relation: ${owner.name}.${foreignKey} must hold an array of ${related.name} keys, not ${typeof value}. Save it as an array, e.g. \`${foreignKey}: [1, 2]\`.`
    const reader = (): LinkReader => {
      const find = finder(host, related, ownerKeys)
      return (parent) => {
        const values = parent[foreignKey]
        if (!Array.isArray(values))
          return undefined
        const ids: string[] = []
        for (const value of values) {
          if (value !== null && value !== undefined)
            ids.push(...find(String(value)))
        }
        return { schema: related, ids }
      }
    }
    return {
      owner,
      field,
      many: true,
      related,
      targets: [related],
      setsOnParent: [foreignKey],
      reader,
      normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown) {
        const current = parent.attributes[foreignKey]
        if (current !== null && current !== undefined && !Array.isArray(current))
          visitor.fail(notArray(current))
        if (!Array.isArray(value))
          visitor.fail(`${name} is a hasManyBy relation: save an array under '${field}', not ${typeof value}.`)
        const children: SavedNode[] = []
        // As pinia-orm, the nested records' keys are added to those the saved record gives itself
        // (not to the stored ones, when it gives none), each once. An instance read back gives the
        // stored array itself, maybe pushed onto in place.
        const given = Array.isArray(current) && visitor.gives(foreignKeys) ? current : undefined
        const keys: unknown[] = given === undefined ? [] : [...given]
        const listed = keys.length + value.length > 1 ? new Set<unknown>(keys) : undefined
        for (let i = 0; i < value.length; i++) {
          const child = visitor.visit(related, value[i], undefined, `.${field}`, i)
          const key = child.attributes[ownerKeys[0]!]
          if (key === null || key === undefined)
            visitor.fail(`${name} cannot link its ${related.entity}: the ${related.name} record ${child.key} has no value in '${ownerKeys[0]}'. Include it in the saved record.`)
          children.push(child)
          if (listed?.has(key))
            continue
          listed?.add(key)
          keys.push(key)
        }
        parent.attributes[foreignKey] = keys
        return children
      },
      deleted(parent, rule, plan, read) {
        // The keys live on the deleted record: only a cascade reaches the related records.
        if (rule !== 'cascade')
          return
        for (const id of read(parent)?.ids ?? [])
          plan.remove(related, id)
      },
    }
  }
}

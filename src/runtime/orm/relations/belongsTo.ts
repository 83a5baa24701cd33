import { keyOf } from '../keys'
import { checkKeys, checkSameLength, finder } from './lookup'
import { Relation, toFieldList } from './Relation'
import type { LinkReader, NormalizeVisitor, RelatedModel, RelatedRef, RelationHost, RelationLink, SavedNode, Schema, ModelInstance } from './Relation'

/**
 * The record this record's `foreignKey` points to, by the related model's `ownerKey` (by default its
 * primary key): a phone belongs to a user, the phone's `userId` holding the user's `id`.
 */
export class BelongsTo<R extends RelatedModel = RelatedModel> extends Relation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** A blank instance of the related model, as `related` (pinia-orm's name here). */
  declare readonly child: ModelInstance | undefined
  /** This record's field(s) holding the owner's key. */
  declare readonly foreignKey: string | string[]
  /** The owner's field(s) they hold (default: its primary key). */
  declare readonly ownerKey: string | string[]

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

  /** @internal */
  override _ownFields(): readonly string[] {
    return this._foreignKey
  }

  _bind(host: RelationHost, owner: Schema, field: string): RelationLink {
    const related = host.schemaOf(this._related as RelatedRef, owner, field)
    const name = `${owner.name}.${field}`
    const foreignKey = this._foreignKey
    const ownerKeys = this._ownerKey ?? related.primaryKey
    checkKeys(foreignKey, owner, name)
    checkKeys(ownerKeys, related, name)
    checkSameLength(foreignKey, owner, ownerKeys, related, name)
    // A foreign key that is (part of) this model's primary key: the link may not change it, or the
    // record would stay under a key it no longer holds.
    const keyFields = foreignKey.some(key => owner.primaryKey.includes(key)) ? owner.primaryKey : undefined
    const keepsKey = (visitor: NormalizeVisitor, parent: SavedNode, key: string, value: unknown, how: string) => {
      const current = parent.attributes[key]
      if (keyFields !== undefined && keyFields.includes(key) && current !== null && current !== undefined && String(current) !== String(value))
        visitor.fail(`${how} would change ${owner.name}'s primary key '${key}' from ${JSON.stringify(current)} to ${JSON.stringify(value)}: a save cannot change a record's key. Give the ${owner.name} the key of the ${related.name} it links to, or delete it and save it anew.`)
    }
    const reader = (): LinkReader => {
      const find = finder(host, related, ownerKeys)
      return (parent) => {
        const key = keyOf(parent, foreignKey)
        return key === undefined ? undefined : { schema: related, ids: find(key) }
      }
    }
    return {
      owner,
      field,
      many: false,
      related,
      targets: [related],
      keys: { parent: foreignKey, related: ownerKeys },
      setsOnParent: foreignKey,
      reader,
      normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown) {
        if (value === null) {
          // Unlinking by saving null: the foreign key goes, but the fields of it the record gives
          // (as an instance read back does, its relation loaded as null when the owner is not
          // stored; or one part of a composite key), as pinia-orm keeps them.
          for (const key of foreignKey) {
            if (visitor.gives([key]))
              continue
            keepsKey(visitor, parent, key, null, `Saving null under ${name}`)
            parent.attributes[key] = null
          }
          return null
        }
        if (typeof value !== 'object' || Array.isArray(value))
          visitor.fail(`${name} is a belongsTo relation: save an object or null under '${field}', not ${Array.isArray(value) ? 'an array' : typeof value}.`)
        const ownerNode = visitor.visit(related, value, undefined, `.${field}`)
        for (let i = 0; i < ownerKeys.length; i++) {
          const ownerValue = ownerNode.attributes[ownerKeys[i]!]
          if (ownerValue === null || ownerValue === undefined)
            visitor.fail(`${name} cannot link its ${related.entity}: the ${related.name} record ${ownerNode.key} has no value in '${ownerKeys[i]}'. Include '${ownerKeys[i]}' in the saved record.`)
          if (keyFields !== undefined)
            keepsKey(visitor, parent, foreignKey[i]!, ownerValue, `Linking ${related.name} ${ownerNode.key} under ${name}`)
          parent.attributes[foreignKey[i]!] = ownerValue
        }
        return ownerNode
      },
      deleted(parent, rule, plan, read) {
        // The key lives on the deleted record: only a cascade reaches the owner.
        if (rule !== 'cascade')
          return
        for (const id of read(parent)?.ids ?? [])
          plan.remove(related, id)
      },
    }
  }
}

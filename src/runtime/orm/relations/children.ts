import { createOrmError } from '../errors'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { blankKeys, checkKeys, checkSameLength, checkTypeColumn, finder, keyValues, keyWith } from './lookup'
import { Relation, toFieldList } from './Relation'
import type { LinkReader, NormalizeVisitor, RelatedModel, RelatedRef, RelationHost, RelationLink, SavedNode, Schema } from './Relation'

/**
 * The shared part of relations whose related records hold the key (hasOne, hasMany, morphOne,
 * morphMany): the related records' `foreignKey` holds this record's `localKey` (by default this
 * model's primary key) and, for the polymorphic ones, their `type` field holds this model's entity.
 */
export abstract class ChildrenRelation<R extends RelatedModel = RelatedModel> extends Relation<R> {
  /** @internal */
  readonly _foreignKey: readonly string[]
  /** @internal */
  readonly _localKey: readonly string[] | undefined
  /** @internal */
  readonly _type: string | undefined
  /** The relation's name in messages. @internal */
  abstract readonly _kind: string
  /** The shape of the keys it forces onto a nested record, kept alive (see `blankKeys`). @internal */
  _keysShape: StoredRecord | undefined

  constructor(related: RelatedRef<R>, foreignKey: string | readonly string[], localKey?: string | readonly string[], type?: string) {
    super(related)
    this._foreignKey = toFieldList(foreignKey)
    this._localKey = localKey === undefined || localKey === '' ? undefined : toFieldList(localKey)
    this._type = type
  }

  override _typesOwner(): boolean {
    return this._type !== undefined
  }

  /**
   * Splits the nested value into child records, `keys` forced onto each.
   *
   * @internal
   */
  abstract _children(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, field: string): SavedNode | SavedNode[] | null

  _bind(host: RelationHost, owner: Schema, field: string): RelationLink {
    const related = host.schemaOf(this._related as RelatedRef, owner, field)
    const name = `${owner.name}.${field}`
    const parentKeys = this._localKey ?? owner.primaryKey
    const type = this._type
    const relatedKeys = type === undefined ? this._foreignKey : [...this._foreignKey, type]
    checkKeys(parentKeys, owner, name)
    checkKeys(relatedKeys, related, name)
    checkSameLength(parentKeys, owner, this._foreignKey, related, name)
    if (type !== undefined)
      checkTypeColumn(host, owner, name, 'owner')
    // A foreign key that is (part of) the related model's primary key cannot be set to null: the
    // record would stay under a key it no longer holds.
    const keyField = relatedKeys.find(key => related.primaryKey.includes(key))
    const cannotNull = keyField === undefined
      ? undefined
      : (how: string) => `${how} would set '${keyField}' of the linked ${related.name} records to null, but '${keyField}' is part of ${related.name}'s primary key: a record cannot lose its key.`
    if (cannotNull !== undefined && this._onDelete === 'set null')
      throw createOrmError(`${cannotNull(`${name} has onDelete('set null'), which`)} Declare ${name} with onDelete('cascade') to delete them instead, or leave onDelete() out to keep them.`)
    // The keys forced onto a nested record are the foreign key and then the type, as `keys` below.
    this._keysShape ??= blankKeys(relatedKeys)
    const fixed = [owner.type]
    const keyOfParent = type === undefined
      ? (parent: StoredRecord) => keyOf(parent, parentKeys)
      : (parent: StoredRecord) => keyWith(parent, parentKeys, fixed)
    const foreignKey = this._foreignKey
    const reader = (): LinkReader => {
      const find = finder(host, related, relatedKeys)
      return (parent) => {
        const key = keyOfParent(parent)
        return key === undefined ? undefined : { schema: related, ids: find(key) }
      }
    }
    const link: RelationLink = {
      owner,
      field,
      many: this.many,
      related,
      targets: [related],
      keys: type === undefined ? { parent: parentKeys, related: foreignKey } : undefined,
      reader,
      normalize: (visitor, parent, value) => {
        const keys = () => {
          const values = keyValues(parent.attributes, parentKeys, foreignKey, key => visitor.fail(`${name} cannot link its ${related.entity}: the ${owner.name} record ${parent.key} has no value in '${key}'. Include '${key}' in the saved record.`))
          if (type !== undefined)
            values[type] = owner.type
          return values
        }
        if (value === null || (Array.isArray(value) && value.length === 0)) {
          // Unlinking by saving null / []: the records linked now lose their key, or go with a cascade.
          const linked = reader()(parent.attributes)
          for (const id of linked?.ids ?? []) {
            // Such a record cannot be unlinked but by deleting it: without a cascade it stays
            // linked, as pinia-orm leaves every record saving null or [] would unlink.
            if (this._onDelete !== 'cascade' && cannotNull !== undefined) {
              if (process.env.NODE_ENV !== 'production')
                visitor.warn(`unlink ${name}`, `${cannotNull(`Saving ${JSON.stringify(value)} under ${name} unlinks ${related.name} ${id}, which`)} It stays linked, as in pinia-orm. Declare ${name} with onDelete('cascade') to delete such records when unlinked, or delete them through useRepo(${related.name}). (Warned once per relation, in dev only.)`)
              continue
            }
            visitor.unlink(related, id, this._onDelete === 'cascade' ? 'delete' : relatedKeys)
          }
        }
        return this._children(visitor, value, related, keys, name, field)
      },
      deleted: (parent, rule, plan, read) => {
        for (const id of read(parent)?.ids ?? []) {
          if (rule === 'cascade')
            plan.remove(related, id)
          else
            plan.nullify(related, id, relatedKeys)
        }
      },
    }
    return link
  }
}

/**
 * One child record, or `null`; for hasOne and morphOne.
 *
 * @internal
 */
export function oneChild(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord, name: string, kind: string, field: string): SavedNode | null {
  if (value === null)
    return null
  if (typeof value !== 'object' || Array.isArray(value))
    visitor.fail(`${name} is a ${kind} relation: save an object or null under '${field}', not ${Array.isArray(value) ? 'an array' : typeof value}.`)
  return visitor.visit(related, value, keys(), `.${field}`)
}

/**
 * A list of child records; for hasMany and morphMany.
 *
 * @internal
 */
export function manyChildren(visitor: NormalizeVisitor, value: unknown, related: Schema, keys: () => StoredRecord | undefined, name: string, kind: string, field: string): SavedNode[] {
  if (!Array.isArray(value))
    visitor.fail(`${name} is a ${kind} relation: save an array under '${field}', not ${value === null ? 'null' : typeof value}.`)
  if (value.length === 0)
    return []
  const forced = keys()
  const segment = `.${field}`
  // Made to its size (a push onto [] would reserve room for 16), every slot then set.
  // eslint-disable-next-line unicorn/no-new-array -- a length, filled below
  const children: SavedNode[] = new Array(value.length)
  for (let i = 0; i < value.length; i++)
    children[i] = visitor.visit(related, value[i], forced, segment, i)
  return children
}

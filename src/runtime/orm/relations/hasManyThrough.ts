import { keyOf } from '../keys'
import { manyChildren } from './children'
import { checkKeys, finder } from './lookup'
import { Relation, toFieldList } from './Relation'
import type { LinkReader, RelatedModel, RelatedRef, RelationHost, RelationLink, Schema, ModelInstance } from './Relation'

/** The keys a nested save through a hasManyThrough sets on the related records: none. */
const noKeys = () => undefined

/**
 * Related records reached through an intermediate model: a country has many posts through users,
 * each user's `firstKey` (`countryId`) holding the country's `localKey` (by default its primary key)
 * and each post's `secondKey` (`userId`) holding the user's `secondLocalKey` (by default its primary
 * key). A nested save stores the related records as given, setting no key: save the intermediate
 * records (with their keys) for the related ones to be reached.
 */
export class HasManyThrough<R extends RelatedModel = RelatedModel> extends Relation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** A blank instance of the intermediate model. */
  declare readonly through: ModelInstance | undefined
  /** The intermediate model's field holding this record's key. */
  declare readonly firstKey: string
  /** The related records' field holding the intermediate record's key. */
  declare readonly secondKey: string
  /** This record's field (default: its primary key). */
  declare readonly localKey: string
  /** The intermediate model's field (default: its primary key). */
  declare readonly secondLocalKey: string

  readonly many = true as const
  /** @internal */
  readonly _through: RelatedRef
  /** @internal */
  readonly _firstKey: string
  /** @internal */
  readonly _secondKey: string
  /** @internal */
  readonly _localKey: string | undefined
  /** @internal */
  readonly _secondLocalKey: string | undefined

  constructor(related: RelatedRef<R>, through: RelatedRef, firstKey: string, secondKey: string, localKey?: string, secondLocalKey?: string) {
    super(related)
    this._through = through
    this._firstKey = firstKey
    this._secondKey = secondKey
    this._localKey = localKey
    this._secondLocalKey = secondLocalKey
  }

  _bind(host: RelationHost, owner: Schema, field: string): RelationLink {
    const related = host.schemaOf(this._related as RelatedRef, owner, field)
    const through = host.schemaOf(this._through, owner, field)
    const name = `${owner.name}.${field}`
    const localKey = this._localKey === undefined ? owner.primaryKey : toFieldList(this._localKey)
    const secondLocalKey = this._secondLocalKey === undefined ? through.primaryKey : toFieldList(this._secondLocalKey)
    const firstKey = [this._firstKey]
    const secondKey = [this._secondKey]
    checkKeys(localKey, owner, name)
    checkKeys(firstKey, through, name)
    checkKeys(secondLocalKey, through, name)
    checkKeys(secondKey, related, name)
    const reader = (): LinkReader => {
      const findThrough = finder(host, through, firstKey)
      const findRelated = finder(host, related, secondKey)
      const throughData = host.data(through.entity)
      return (parent) => {
        const key = keyOf(parent, localKey)
        if (key === undefined)
          return undefined
        const ids: string[] = []
        for (const throughId of findThrough(key)) {
          const throughRecord = throughData[throughId]
          const second = throughRecord === undefined ? undefined : keyOf(throughRecord, secondLocalKey)
          if (second !== undefined)
            ids.push(...findRelated(second))
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
      through,
      reader,
      // As in pinia-orm, nested records are saved as they are given: which intermediate record
      // links each one is not said by the data, so no key is set (and `null` or `[]` unlinks nothing).
      normalize(visitor, _parent, value) {
        return value === null ? [] : manyChildren(visitor, value, related, noKeys, name, 'hasManyThrough', field)
      },
      deleted(parent, rule, plan, read) {
        for (const id of read(parent)?.ids ?? []) {
          if (rule === 'cascade')
            plan.remove(related, id)
          else
            plan.nullify(related, id, secondKey)
        }
      },
    }
  }
}

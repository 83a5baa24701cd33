import { createOrmError } from '../errors'
import type { StoredRecord } from '../keys'
import { keyOf } from '../keys'
import { hasRecord } from '../ownRecords'
import { blankKeys, checkTypeColumn, finder, keyWith } from './lookup'
import { Relation, toFieldList } from './Relation'
import { _inStoreOrder } from './storeOrder'
import type { LinkReader, NormalizeVisitor, RelatedModel, RelatedRef, RelationHost, RelationLink, SavedNode, Schema, ModelInstance } from './Relation'

/** The pivot's input when a related record gives no extra pivot attributes (never written to). */
const NO_EXTRA: StoredRecord = Object.freeze({})

/**
 * Keeps the first pivot of each related record (`ids[i]` is linked by `pivots[i]`): a pivot model
 * whose key is not its link fields (a uid) can hold one link twice, and pinia-orm lists the
 * related record once.
 */
function firstOfEachId(ids: string[], pivots: string[]): void {
  const seen = new Set<string>()
  let n = 0
  for (let i = 0; i < ids.length; i++) {
    if (seen.has(ids[i]!))
      continue
    seen.add(ids[i]!)
    ids[n] = ids[i]!
    pivots[n++] = pivots[i]!
  }
  ids.length = n
  pivots.length = n
}

/** A pivot model given alone, or with the name its records are loaded under. */
export type PivotRef<P extends RelatedModel = RelatedModel, A extends string = string> = RelatedRef<P> | { as: A, model: RelatedRef<P> }

/** Where a pivot relation keeps its keys on the pivot model. @internal */
export interface PivotFields {
  /** The pivot field(s) holding the parent's key. */
  parent: readonly string[]
  /** The pivot field holding the related record's key. */
  related: string
  /** A type field and the entity it must hold (the polymorphic pivots). */
  type?: { field: string, side: 'owner' | 'related' }
}

/**
 * The shared part of relations through a pivot model (belongsToMany, morphToMany, morphedByMany):
 * the parent's key -> the pivot records holding it -> the related records their other key names.
 * Each loaded related record carries its pivot record under `pivot` (or the `.as()` name).
 */
export abstract class PivotRelation<R extends RelatedModel = RelatedModel, P extends RelatedModel = RelatedModel, A extends string = 'pivot'> extends Relation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** A blank instance of the pivot model. */
  declare readonly pivot: ModelInstance | undefined
  /** This record's field the pivot records hold (default: its primary key). */
  declare readonly parentKey: string | string[]
  /** The related records' field the pivot records hold (default: their primary key). */
  declare readonly relatedKey: string | string[]
  /** The name each loaded related record carries its pivot record under (`.as()`, default `'pivot'`). */
  declare readonly pivotKey: string

  readonly many = true as const
  /** @internal */
  readonly _pivot: RelatedRef<P>
  /** @internal */
  _as: A
  /** @internal */
  readonly _parentKey: string | undefined
  /** @internal */
  readonly _relatedKey: string | undefined
  /** @internal */
  abstract readonly _kind: string
  /** @internal */
  abstract readonly _fields: PivotFields
  /** The shape of the link fields a nested save forces onto a pivot record (see `blankKeys`). @internal */
  _forcedShape: StoredRecord | undefined

  override _typesOwner(): boolean {
    return this._fields.type?.side === 'owner'
  }

  /**
   * Whether the owner's record may give, under the `as` name, the pivot's extra attributes of all
   * its links (pinia-orm's morphedByMany reads them there: `{ id: 1, users: [...], pivot: {...} }`).
   * @internal
   */
  readonly _pivotOnOwner: boolean = false

  constructor(related: RelatedRef<R>, pivot: PivotRef<P, A>, parentKey?: string, relatedKey?: string) {
    super(related)
    const named = typeof pivot === 'object' && pivot !== null && 'model' in pivot
    this._pivot = named ? pivot.model : pivot
    this._as = (named ? pivot.as : 'pivot') as A
    this._parentKey = parentKey
    this._relatedKey = relatedKey
  }

  /** Loads each related record's pivot record under `name` instead of `pivot`. */
  as<N extends string>(name: N): PivotRelation<R, P, N> {
    (this as unknown as PivotRelation<R, P, N>)._as = name
    return this as unknown as PivotRelation<R, P, N>
  }

  override _ownInputKeys(): readonly string[] {
    return this._pivotOnOwner ? [this._as] : []
  }

  _bind(host: RelationHost, owner: Schema, field: string): RelationLink {
    const related = host.schemaOf(this._related as RelatedRef, owner, field)
    const pivot = host.schemaOf(this._pivot, owner, field)
    const name = `${owner.name}.${field}`
    const fields = this._fields
    const parentKeys = this._parentKey === undefined ? owner.primaryKey : toFieldList(this._parentKey)
    const relatedKeys = this._relatedKey === undefined ? related.primaryKey : toFieldList(this._relatedKey)
    const typeValue = fields.type === undefined ? undefined : fields.type.side === 'owner' ? owner.type : related.type
    if (fields.type !== undefined)
      checkTypeColumn(host, fields.type.side === 'owner' ? owner : related, name, fields.type.side)
    const parentSide = fields.type === undefined ? fields.parent : [...fields.parent, fields.type.field]
    const linkFields = [...parentSide, fields.related]
    for (const key of linkFields) {
      if (!pivot.attributes.has(key))
        throw createOrmError(`${name} is a ${this._kind} relation whose pivot model ${pivot.name} has no attribute '${key}'. Declare it in ${pivot.name}.fields(), e.g. \`${key}: this.attr(null)\`.`)
    }
    for (const key of parentKeys) {
      if (!owner.attributes.has(key))
        throw createOrmError(`${name} links records by '${key}', which is not an attribute of ${owner.name}. Declare it in ${owner.name}.fields().`)
    }
    for (const key of relatedKeys) {
      if (!related.attributes.has(key))
        throw createOrmError(`${name} links records by '${key}', which is not an attribute of ${related.name}. Declare it in ${related.name}.fields().`)
    }
    // The shape of the link fields forced onto each pivot record (`forced` below), kept alive.
    this._forcedShape ??= blankKeys(linkFields)
    const fixed = typeValue === undefined ? [] : [typeValue]
    const keyOfParent = (parent: StoredRecord) => fixed.length === 0 ? keyOf(parent, parentKeys) : keyWith(parent, parentKeys, fixed)
    const byPrimaryKey = relatedKeys.length === 1 && related.primaryKey.length === 1 && relatedKeys[0] === related.primaryKey[0]
    const reader = (): LinkReader => {
      const findPivots = finder(host, pivot, parentSide)
      const findRelated = finder(host, related, relatedKeys)
      const pivotData = host.data(pivot.entity)
      const relatedData = host.data(related.entity)
      return (parent) => {
        const key = keyOfParent(parent)
        if (key === undefined)
          return undefined
        const found = findPivots(key)
        if (byPrimaryKey) {
          // A direct look per pivot, into lists made to size (a push onto [] reserves room for 16).
          // eslint-disable-next-line unicorn/no-new-array -- a length, filled below, then cut
          const ids: string[] = new Array(found.length)
          // eslint-disable-next-line unicorn/no-new-array -- a length, filled below, then cut
          const pivots: string[] = new Array(found.length)
          let n = 0
          for (let i = 0; i < found.length; i++) {
            const pivotId = found[i]!
            const value = pivotData[pivotId]?.[fields.related]
            if (value === null || value === undefined)
              continue
            const id = String(value)
            if (hasRecord(relatedData, id)) {
              ids[n] = id
              pivots[n++] = pivotId
            }
          }
          ids.length = n
          pivots.length = n
          if (!keyedByLink && n > 1)
            firstOfEachId(ids, pivots)
          _inStoreOrder(ids, pivots)
          return { schema: related, ids, pivots }
        }
        const ids: string[] = []
        const pivots: string[] = []
        for (const pivotId of found) {
          const value = pivotData[pivotId]?.[fields.related]
          if (value === null || value === undefined)
            continue
          for (const id of findRelated(String(value))) {
            ids.push(id)
            pivots.push(pivotId)
          }
        }
        if (!keyedByLink && ids.length > 1)
          firstOfEachId(ids, pivots)
        _inStoreOrder(ids, pivots)
        return { schema: related, ids, pivots }
      }
    }
    // Every pivot record of a parent, also those whose related record is gone (for unlinks and deletes).
    const pivotsOf = (parent: StoredRecord): readonly string[] => {
      const key = keyOfParent(parent)
      return key === undefined ? [] : finder(host, pivot, parentSide)(key)
    }
    // Pivot records made earlier in the same save, by link, so one link saved twice is one record.
    // Not needed when the link's fields hold the pivot's whole primary key: the link then names the
    // record, and the save's batch already keeps one record per key.
    const pending = new WeakMap<NormalizeVisitor, Map<string, StoredRecord>>()
    const keyedByLink = pivot.primaryKey.every(key => linkFields.includes(key))
    const parentFields = fields.parent
    const segment = `.${field}`
    // Where a pivot is in the input, for error messages: one string per position, made once.
    const pivotSegments: string[] = []
    const as = this._as
    const kind = this._kind
    const pivotOnOwner = this._pivotOnOwner
    return {
      owner,
      field,
      many: true,
      related,
      targets: [related],
      pivot: { schema: pivot, as },
      reader,
      normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown) {
        if (!Array.isArray(value))
          visitor.fail(`${name} is a ${kind} relation: save an array under '${field}', not ${typeof value}.`)
        // Lists made to their size (a push onto [] would reserve room for 16), every slot then set.
        // eslint-disable-next-line unicorn/no-new-array -- a length, filled below
        const parentValues: unknown[] = new Array(parentKeys.length)
        for (let j = 0; j < parentKeys.length; j++) {
          const key = parentKeys[j]!
          const v = parent.attributes[key]
          if (v === null || v === undefined)
            visitor.fail(`${name} cannot link its ${related.entity}: the ${owner.name} record ${parent.key} has no value in '${key}'. Include it in the saved record.`)
          parentValues[j] = v
        }
        if (value.length === 0) {
          // Unlinking by saving []: the pivot records of this parent go.
          for (const id of pivotsOf(parent.attributes))
            visitor.unlink(pivot, id, 'delete')
          return []
        }
        const ownerExtra = pivotOnOwner ? visitor.input()[as] : undefined
        if (ownerExtra !== undefined && (ownerExtra === null || typeof ownerExtra !== 'object' || Array.isArray(ownerExtra)))
          visitor.fail(`${name}: '${as}' of the ${owner.name} record holds the extra attributes of its pivot records; save an object there.`)
        let made: Map<string, StoredRecord> | undefined
        let existing: ((key: string) => readonly string[]) | undefined
        if (!keyedByLink) {
          made = pending.get(visitor)
          if (!made)
            pending.set(visitor, made = new Map())
          existing = finder(host, pivot, linkFields)
        }
        // eslint-disable-next-line unicorn/no-new-array -- a length, filled below
        const children: SavedNode[] = new Array(value.length)
        for (let i = 0; i < value.length; i++) {
          const input = value[i] as Record<string, unknown> | null
          // `as` holds the pivot's attributes: not a field of the related model, and no typo.
          const child = visitor.visit(related, input, undefined, segment, i, as)
          const relatedValue = child.attributes[relatedKeys[0]!]
          if (relatedValue === null || relatedValue === undefined)
            visitor.fail(`${name} cannot link its ${related.entity}: the ${related.name} record ${child.key} has no value in '${relatedKeys[0]}'. Include it in the saved record.`)
          const forced: StoredRecord = {}
          for (let j = 0; j < parentFields.length; j++)
            forced[parentFields[j]!] = parentValues[j]
          if (fields.type !== undefined)
            forced[fields.type.field] = typeValue
          forced[fields.related] = relatedValue
          // The link's key, as the index of the pivot by its link fields keys it.
          const linkKey = made === undefined ? undefined : keyOf(forced, linkFields)!
          if (linkKey !== undefined) {
            // The pivot record of this link made earlier in this save, else the stored one: its key.
            let record = made!.get(linkKey)
            if (record === undefined) {
              const known = existing!(linkKey)[0]
              record = known === undefined ? undefined : visitor.stored(pivot, known)
            }
            if (record !== undefined) {
              for (const key of pivot.primaryKey)
                forced[key] ??= record[key]
            }
          }
          const extra = input !== null && typeof input === 'object' ? input[as] : undefined
          if (extra !== undefined && (extra === null || typeof extra !== 'object' || Array.isArray(extra)))
            visitor.fail(`${name}: '${as}' of a nested ${related.name} holds the pivot's extra attributes; save an object there.`)
          // The owner's extra attributes apply to each link, a related record's own win over them.
          const pivotInput = extra === undefined && ownerExtra === undefined ? NO_EXTRA : { ...ownerExtra as StoredRecord | undefined, ...extra }
          const pivotRecord = visitor.visitAttributes(pivot, pivotInput, forced, pivotSegments[i] ??= `${segment}[${i}].${as}`)
          if (linkKey !== undefined)
            made!.set(linkKey, pivotRecord)
          children[i] = child
        }
        return children
      },
      // Either rule deletes the pivots (the related records stay), as pinia-orm does: a pivot
      // whose key of this record were null would link nothing, under a store key that no longer
      // matches its fields.
      deleted(parent, _rule, plan) {
        for (const id of pivotsOf(parent))
          plan.remove(pivot, id)
      },
    }
  }
}

import type { Database } from '../database'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'
import type { QueryShape } from '../reactivity/fineRead'
import type { RecordChange } from '../reactivity/signals'
import type { Schema } from '../relations/Relation'
import { sameFields } from '../sameFields'

// Relation queries (`has`, `whereHas`, `doesntHave`, ...) in a live query: whether a record passes
// depends on its related records too. For a relation matched by equal keys, a write to the related
// entity can only change the result for the parents whose keys its records had or have: those are
// tested again, and no other.

/**
 * A relation a live query's relation queries ask about, matched by equal keys.
 *
 * @internal
 */
export interface LiveHas {
  readonly related: Schema
  readonly parentKeys: readonly string[]
  readonly relatedKeys: readonly string[]
  /** Whether the parent's keys are its primary key (a key then names the parent directly). */
  readonly byParentId: boolean
}

/** What a relation query's constraint may do, as far as a live query must know. @internal */
export interface HasProbe {
  _shape: () => { readonly wheres: readonly { readonly raw?: boolean }[] }
}

/**
 * The relations the relation queries of `shape` ask about, or `undefined` when one of them cannot
 * be kept up to date from writes alone: a dotted (nested) name, a relation not matched by equal
 * keys (pivot, morph, hasManyBy, hasManyThrough), or a constraint that is itself a relation query.
 *
 * @internal
 */
export function liveHasOf<Q extends HasProbe>(db: Database, schema: Schema, shape: QueryShape, newQuery: (schema: Schema) => Q): LiveHas[] | undefined {
  const found: LiveHas[] = []
  for (const where of shape.wheres) {
    if (!where.raw)
      continue
    const condition = where.relation
    if (!condition || condition.nested)
      return undefined
    const link = db.link(schema, condition.field)
    if (!link.keys || link.pivot || link.targets.length !== 1)
      return undefined
    if (condition.constraint) {
      const probe = newQuery(link.related)
      ;(condition.constraint as (query: Q) => void)(probe)
      if (probe._shape().wheres.some(other => other.raw))
        return undefined
    }
    if (!found.some(has => has.related === link.related && sameFields(has.parentKeys, link.keys!.parent)))
      found.push({ related: link.related, parentKeys: link.keys.parent, relatedKeys: link.keys.related, byParentId: sameFields(link.keys.parent, schema.primaryKey) })
  }
  return found
}

/**
 * The records of `schema` to test again after a write of `changes` to `has.related`: the parents
 * whose keys a changed record had or has, with their stored values.
 *
 * @internal
 */
export function parentsToTest(db: Database, schema: Schema, has: LiveHas, changes: readonly RecordChange[], into: Map<string, StoredRecord>): void {
  const data = db.data(schema.entity)
  const add = (key: string | undefined) => {
    if (key === undefined)
      return
    const ids = has.byParentId ? [key] : db.index(schema.entity, has.parentKeys, data).get(key) ?? []
    for (const id of ids) {
      if (hasRecord(data, id))
        into.set(id, data[id]!)
    }
  }
  for (const { before, after } of changes) {
    const from = before && keyOf(before, has.relatedKeys)
    const to = after && keyOf(after, has.relatedKeys)
    add(from)
    if (to !== from)
      add(to)
  }
}

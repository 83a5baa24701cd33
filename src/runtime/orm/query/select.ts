import type { Database } from '../database'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import { recordAt } from '../ownRecords'
import type { Schema } from '../relations/Relation'
import { compareRecords, sortsInstances } from './orderBy'
import type { Order } from './orderBy'
import { hasOr, matches, testsInstances } from './where'
import type { Where } from './where'

// Record selection: which stored records a query reads, and the model instances it makes of those
// that pass its `where`s, in its order, within its page.

/** What selecting records reads of a query. @internal */
export interface SelectSource {
  readonly _db: Database
  readonly _schema: Schema
  readonly _wheres: readonly Where[]
  readonly _orders: readonly Order[]
  readonly _ids: string[] | undefined
  readonly _take: number | undefined
  readonly _skip: number
}

/**
 * The stored records to consider: those named by `whereId` when that decides alone, else all.
 *
 * @internal
 */
export function candidates(query: SelectSource): StoredRecord[] {
  const data = query._db.data(query._schema.entity)
  if (query._ids === undefined || hasOr(query._wheres))
    return Object.values(data)
  const records: StoredRecord[] = []
  for (const id of query._ids) {
    const record = recordAt(data, id)
    if (record !== undefined)
      records.push(record)
  }
  return records
}

/**
 * Filters, sorts and pages `records`, and makes model instances of what is left. `idsApplied`:
 * `records` are already those of `whereId` (see {@link candidates}). `records` is a list the caller
 * made for this call (as {@link candidates} does): it may come back as the result, holding the
 * instances in place of the records, so that reading N records allocates one list, not two.
 *
 * @internal
 */
export function select(query: SelectSource, records: StoredRecord[], idsApplied: boolean): Model[] {
  const schema = query._schema
  const idSet = query._ids !== undefined && !idsApplied ? new Set(query._ids) : undefined
  const needsInstances = testsInstances(query._wheres) || query._orders.some(sortsInstances)
  const db = query._db
  if (!needsInstances && (query._wheres.length > 0 || idSet !== undefined) && query._orders.length === 0 && query._skip === 0 && query._take === undefined) {
    // Filtered only: one pass, an instance made for each record that passes.
    const found: Model[] = []
    for (let i = 0; i < records.length; i++) {
      if (matches(query, records[i]!, idSet))
        found.push(schema.hydrate(records[i]!, db))
    }
    return found
  }
  let items = needsInstances ? hydrateInPlace(schema, db, records) : records
  if (query._wheres.length > 0 || idSet)
    items = items.filter(item => matches(query, item, idSet))
  if (query._orders.length > 0)
    items.sort((a, b) => compareRecords(query._orders, a, b))
  if (query._skip > 0 || query._take !== undefined)
    items = items.slice(query._skip, query._take === undefined ? undefined : query._skip + query._take)
  return (needsInstances ? items : hydrateInPlace(schema, db, items)) as unknown as Model[]
}

/** Replaces each record of `list` (a list this read made) with its model instance. */
function hydrateInPlace(schema: Schema, db: Database, list: StoredRecord[]): StoredRecord[] {
  for (let i = 0; i < list.length; i++)
    list[i] = schema.hydrate(list[i]!, db) as unknown as StoredRecord
  return list
}

/**
 * The model instances the query reads, before relations are loaded: what `get()`, `update()`,
 * `delete()` and the aggregates work on.
 *
 * @internal
 */
export function matchingRecords(query: SelectSource): Model[] {
  return select(query, candidates(query), query._ids !== undefined && !hasOr(query._wheres))
}

import type { StoredRecord } from '../keys'
import { candidates } from './select'
import type { SelectSource } from './select'
import { hasOr, matches, testsInstances } from './where'

// Stored records tested against a query's constraints with no instance made for them unless a
// `where` function needs one: `count()`, and what `whereHas()` asks of its constraint.

/** What testing records reads of a query. @internal */
export interface AcceptSource extends SelectSource {
  /** The relations the query loads (only whether there are any matters here). */
  readonly _eager: readonly unknown[]
}

/**
 * Whether a stored record passes the `where`s and `idSet`, made an instance first when a `where`
 * takes one (`instances`).
 *
 * @internal
 */
export function accepts(query: SelectSource, record: StoredRecord, idSet: Set<string> | undefined, instances: boolean): boolean {
  return matches(query, instances ? query._schema.hydrate(record, query._db) as unknown as StoredRecord : record, idSet)
}

/**
 * The number of records passing the `where`s and `whereId`, whatever the order and paging.
 *
 * @internal
 */
export function countMatching(query: SelectSource): number {
  const schema = query._schema
  if (query._wheres.length === 0 && query._ids === undefined)
    return query._db.count(schema.entity)
  const idsApplied = query._ids !== undefined && !hasOr(query._wheres)
  const idSet = query._ids !== undefined && !idsApplied ? new Set(query._ids) : undefined
  if (query._wheres.length === 0 && idSet === undefined)
    return candidates(query).length
  // A relation condition (`has`) tests the stored record: only a `where` function given alone
  // needs an instance.
  const instances = testsInstances(query._wheres)
  let count = 0
  for (const record of candidates(query)) {
    if (accepts(query, record, idSet, instances))
      count++
  }
  return count
}

/**
 * The stored records among `records` that the query's constraints accept; `undefined` when the
 * query orders, pages or loads relations (its records are then selected as a query).
 *
 * @internal
 */
export function acceptedRecords(query: AcceptSource, records: StoredRecord[]): StoredRecord[] | undefined {
  if (query._orders.length > 0 || query._take !== undefined || query._skip > 0 || query._eager.length > 0)
    return undefined
  const idSet = query._ids !== undefined ? new Set(query._ids) : undefined
  if (query._wheres.length === 0 && idSet === undefined)
    return records
  const instances = testsInstances(query._wheres)
  const accepted: StoredRecord[] = []
  for (const record of records) {
    if (accepts(query, record, idSet, instances))
      accepted.push(record)
  }
  return accepted
}

/**
 * A test of one stored record against the query's constraints (see query/relatedCounts.ts);
 * `undefined` when the query orders, pages or loads relations.
 *
 * @internal
 */
export function recordTest(query: AcceptSource): ((record: StoredRecord) => boolean) | undefined {
  if (query._orders.length > 0 || query._take !== undefined || query._skip > 0 || query._eager.length > 0)
    return undefined
  const idSet = query._ids !== undefined ? new Set(query._ids) : undefined
  const instances = testsInstances(query._wheres)
  return record => accepts(query, record, idSet, instances)
}

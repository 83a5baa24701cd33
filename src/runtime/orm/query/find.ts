import type { Database } from '../database'
import { loadEagerOne } from '../eagerLoad'
import type { EagerList, EagerQuery } from '../eagerLoad'
import { distinctKeys, keyOf, keysOfIds } from '../keys'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import { recordAt } from '../ownRecords'
import type { Schema } from '../relations/Relation'
import { retrieve } from './retrieve'
import type { VisibilitySource } from './retrieve'
import { hasOr, matchesWheres, testsInstances } from './where'
import type { Where } from './where'

// `find()`: records looked up by primary key, directly rather than by scanning the store.

/** What finding by key needs of a query. @internal */
export interface FindSource<Q> extends VisibilitySource {
  readonly _db: Database
  readonly _schema: Schema
  _wheres: readonly Where[]
  readonly _eager: EagerList<Q>
  /** Set while a fine-grained read runs: it depends on the ids looked up. */
  readonly _reading: boolean
  _ids: string[] | undefined
  get: () => unknown
  first: () => unknown
  _loadFresh: (items: readonly Model[]) => void
}

/**
 * Narrows the query to the records of `keys`, whatever its `orWhere`s: its conditions (and the ids
 * of its `whereId()`) become one condition, the keys another, both to pass, as pinia-orm's `find()`
 * on a query with `orWhere` gives only the records it names.
 */
function keepOnly<Q>(query: FindSource<Q>, keys: string[]): void {
  const wheres = query._wheres
  const primaryKey = query._schema.primaryKey
  const ids = query._ids === undefined ? undefined : new Set(query._ids)
  const test = (item: Model): boolean => matchesWheres(wheres, item as unknown as StoredRecord, ids === undefined ? undefined : ids.has(keyOf(item as unknown as StoredRecord, primaryKey) ?? ''))
  query._wheres = [{ field: test, value: undefined, or: false, raw: !testsInstances(wheres) }]
  query._ids = keys
}

/**
 * The record with the key `ids`, or `null`; given a list of keys, the records found (through
 * `get()`). With `where`s, one key is read through `first()`. `newQuery` makes the queries of
 * related models for eager loading.
 *
 * @internal
 */
export function findKeys<Q extends EagerQuery<Q>>(query: FindSource<Q>, ids: unknown, newQuery: (db: Database, schema: Schema) => Q): unknown {
  const schema = query._schema
  let key: string | number | undefined
  if ((typeof ids === 'number' || typeof ids === 'string') && schema.primaryKey.length === 1 && query._wheres.length === 0 && query._ids === undefined) {
    // The common case: one id of a single-field key, looked up directly (no list of keys, and a
    // number as it is: it names the same record as its string).
    key = ids
    if (query._reading)
      // A fine-grained read depends on the ids the query looked up.
      query._ids = [String(ids)]
  }
  else {
    const { keys, many } = keysOfIds(ids, schema.primaryKey)
    const constrained = query._wheres.length > 0 || query._ids !== undefined
    if (hasOr(query._wheres) || query._ids !== undefined)
      keepOnly(query, distinctKeys(keys))
    else
      query._ids = distinctKeys(keys)
    if (many)
      return query.get()
    // One key: a direct lookup, whatever the paging.
    if (constrained)
      return query.first()
    key = keys[0]
  }
  const record = key === undefined ? undefined : recordAt(query._db.data(schema.entity), key)
  if (record === undefined)
    return null
  const item = schema.hydrate(record, query._db)
  if (!schema.features && !query._visibility) {
    if (query._eager.length > 0)
      loadEagerOne(query._db, schema, item, query._eager, newQuery)
  }
  else {
    const items = [item]
    query._loadFresh(items)
    retrieve(query, items)
  }
  return item
}

import type { EagerList } from '../eagerLoad'
import { describeQuery } from './queryCache'
import type { VisibilitySource } from './retrieve'
import type { SelectSource } from './select'

// `useCache()`: a read answered from the per-Pinia query cache, under the query's own key or, without
// one, under its description.

/** What a cached read needs of a query. @internal */
export interface CachedSource<Q> extends SelectSource, VisibilitySource {
  readonly _groups: string[] | undefined
  readonly _eager: EagerList<Q>
  /** `''` for a key made from the description, else the key given to `useCache()`. */
  _cacheKey: string | undefined
  get: () => unknown
}

/**
 * What `get()` returns, from the cache when it holds a result for this query that no write has made
 * stale. The query reads as uncached meanwhile; a Pinia configured without cache just reads.
 *
 * @internal
 */
export function cachedGet<Q>(query: CachedSource<Q>): unknown {
  const db = query._db
  const key = query._cacheKey!
  query._cacheKey = undefined
  try {
    if (!db.config.cache)
      return query.get()
    const full = key !== '' ? `${query._schema.entity}|${key}` : `${query._schema.entity}|auto:${describe(query)}`
    return db._queryCache._run(full, () => query.get())
  }
  finally {
    query._cacheKey = key
  }
}

/**
 * The query's description as a cache key: its constraints, order, paging, groups, loads (with their
 * constraints) and the fields it makes hidden or visible, a function standing for itself through a
 * number.
 *
 * @internal
 */
export function describe<Q>(query: CachedSource<Q>): string {
  const db = query._db
  const eager = (list: EagerList<Q>): unknown => list.map(load => [load.name, load.constraints, eager(load.nested)])
  return describeQuery(
    [query._wheres, query._orders.map(order => [order.by, order.desc, order.strings]), query._ids, query._take, query._skip, query._groups, eager(query._eager), query._visibility],
    fn => db._queryCache._idOf(fn),
  )
}

import { getCurrentInstance, getCurrentScope, inject, onScopeDispose, ssrContextKey } from 'vue'
import { createOrmError } from '../errors'
import type { ModelInstance, Schema } from '../relations/Relation'
import { IncrementalQuery } from './incrementalQuery'
import type { Entry } from './incrementalQuery'
import type { BranchQuery } from './liveBranch'
import { liveHasOf } from './liveHas'
import type { LiveHas } from './liveHas'
import type { LiveBranch } from './liveTypes'
import { liveRelations } from './liveRelation'
import type { LiveRelation } from './liveRelation'
import type { LiveQuery, LiveSource } from './liveSource'
import { RecomputedQuery, StaticResult } from './simpleResults'
import { sortsByRelations } from '../query/orderBy'

export type { LiveQuery, LiveSource } from './liveSource'

/**
 * Makes the live query of `source`; `get` runs it afresh. In a server render it is computed once
 * and holds nothing; made in an effect scope, it stops with it.
 *
 * @internal
 */
export function _createLiveQuery<Q extends BranchQuery<Q>>(source: LiveSource<Q>, get: () => ModelInstance[]): LiveQuery<ModelInstance> {
  if (source._shape().grouped)
    throw createOrmError(`live() on ${source._schema.name}: a grouped query (groupBy()) has no live result. Make the query live without groupBy() and group its items in a computed, e.g. with useGroupBy().`)
  if (getCurrentInstance() && inject(ssrContextKey, null))
    return new StaticResult(get()) as unknown as LiveQuery<ModelInstance>
  const loads = incrementalLoads(source)
  const live = loads ? new IncrementalQuery(source, loads.relations, loads.branches, loads.has) : new RecomputedQuery(get, source as LiveSource<unknown>)
  if (getCurrentScope())
    onScopeDispose(() => live.stop())
  return live as unknown as LiveQuery<ModelInstance>
}

/** The relations to keep loaded and to test, when every part of the query can be kept up to date by writes. */
function incrementalLoads<Q extends BranchQuery<Q>>(source: LiveSource<Q>): { relations: LiveRelation<Entry>[], branches: LiveBranch<Q>[], has: LiveHas[] } | undefined {
  const shape = source._shape()
  // Sorted by a loaded relation's field (see Query.get): re-run, so that it always equals get().
  if (shape.orders.some(order => sortsByRelations(order, false)))
    return undefined
  const newQuery = (schema: Schema) => source._newQuery(schema)
  const has = liveHasOf(source._db, source._schema, shape, newQuery)
  const loads = has && liveRelations<Entry, Q>(source._db, source._schema, source._eager, newQuery)
  return loads && { ...loads, has: has! }
}

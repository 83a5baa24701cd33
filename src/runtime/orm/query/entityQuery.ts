import type { Database } from '../database'
import { createOrmError } from '../errors'
import type { Schema } from '../relations/Relation'
import type { QueryState } from './queryState'

// pinia-orm's `newQuery(entity)` and `newQueryWithConstraints(entity)`: a query of another model
// named by its entity, in the same Pinia.

/**
 * The schema of the model registered under `entity` with this Pinia. A model only reached through
 * relations of `from` (not yet used in this Pinia) is registered by resolving them, as pinia-orm
 * registers a repository's related models.
 *
 * @internal
 */
export function schemaOfEntity(db: Database, from: Schema, entity: string, method: string): Schema {
  if (typeof entity !== 'string')
    throw createOrmError(`${method}() on ${from.name} takes the entity of a model as a string, e.g. ${method}('posts'), not ${entity === null ? 'null' : typeof entity}.`)
  const found = db.schemaNamed(entity, `${method}() on ${from.name}`)
  if (found)
    return found
  // Walk the relations reachable from `from` once, resolving each (which registers its model).
  const seen = new Set<Schema>([from])
  const queue = [from]
  for (let schema = queue.pop(); schema; schema = queue.pop()) {
    for (const field of schema.relations.keys()) {
      const related = relatedOrNothing(db, schema, field)
      if (!related)
        continue
      if (related.entity === entity || related.type === entity)
        return related
      if (!seen.has(related)) {
        seen.add(related)
        queue.push(related)
      }
    }
  }
  throw createOrmError(`${method}('${entity}') on ${from.name}: no model of the entity '${entity}' is registered with this Pinia. Register it (registerModels(pinia, [...]) or useRepo(ThatModel)) or check the name: \`static entity\` of the model.`)
}

/** The related model of a relation, or nothing when it cannot be resolved yet. */
function relatedOrNothing(db: Database, schema: Schema, field: string): Schema | undefined {
  try {
    return db.related(schema.relations.get(field)!, schema, field)
  }
  catch {
    // Named by an entity that is not registered: it cannot be the one looked for (that would have
    // been found), and its own error belongs to the read that uses the relation.
    return undefined
  }
}

/**
 * Gives `to` the conditions, order, paging, loads and cache key of `from`. The lists are shared:
 * a query replaces a list when it adds to it, so the two queries change apart afterwards. Loads
 * name relations of `from`'s model, so they are given only to a query of the same model.
 *
 * @internal
 */
export function copyConstraints<Q>(from: QueryState<Q>, to: QueryState<Q>, method: string): void {
  if (from._eager.length > 0 && from._schema !== to._schema)
    throw createOrmError(`${method}('${to._schema.entity}') on a query of ${from._schema.name} that loads relations: they are relations of ${from._schema.name}, not of ${to._schema.name}. Call it before with(), or make the query of ${to._schema.name} with newQuery('${to._schema.entity}').`)
  to._wheres = from._wheres
  to._orders = from._orders
  to._eager = from._eager
  to._ids = from._ids
  to._take = from._take
  to._skip = from._skip
  to._cacheKey = from._cacheKey
}

import type { Database } from '../database'
import { _subclassOwners } from '../inheritedRelations'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'
import type { QueryShape } from '../reactivity/fineRead'
import type { RecordChange } from '../reactivity/signals'
import type { RelationLink, Schema } from '../relations/Relation'
import { sameFields } from '../sameFields'

// Relation queries (`has`, `whereHas`, `doesntHave`, ...) in a live query: whether a record passes
// depends on its related records too. For a relation matched by equal keys, a write to the related
// entity can only change the result for the parents whose keys its records had or have: those are
// tested again, and no other. For the others (a dotted name, pivot, morph, hasManyBy,
// hasManyThrough), a write to an entity on the way tests every record of the query's model again
// (one lookup each, no instance made), so that only the records whose condition flips change.

/**
 * A relation a live query's relation queries ask about.
 *
 * @internal
 */
export interface LiveHas {
  /** The entities whose writes can change the condition. */
  readonly entities: ReadonlySet<string>
  /** For one relation matched by equal keys: how a related record names its parents. */
  readonly keys: {
    readonly parent: readonly string[]
    readonly related: readonly string[]
    /** Whether the parent's keys are its primary key (a key then names the parent directly). */
    readonly byParentId: boolean
  } | undefined
}

/** What a relation query's constraint may do, as far as a live query must know. @internal */
export interface HasProbe {
  _shape: () => { readonly wheres: readonly { readonly raw?: boolean }[] }
}

/**
 * The relations the relation queries of `shape` ask about, with the entities they read (those of
 * relation queries in their constraints included), or `undefined` when a constraint's shape cannot
 * be read.
 *
 * @internal
 */
export function liveHasOf<Q extends HasProbe>(db: Database, schema: Schema, shape: QueryShape, newQuery: (schema: Schema) => Q): LiveHas[] | undefined {
  const found: LiveHas[] = []
  for (const where of shape.wheres) {
    if (!where.raw)
      continue
    const condition = where.relation
    if (!condition)
      return undefined
    const path = [condition.field, ...(condition.nested ? condition.path : [])]
    const entities = new Set<string>()
    let owners = [schema]
    let link: RelationLink | undefined
    for (const field of path) {
      let declaring: readonly Schema[] = owners.filter(owner => owner.relations.has(field))
      // A relation only subclasses declare, under single-table inheritance.
      if (declaring.length === 0)
        declaring = owners.flatMap(owner => _subclassOwners(db, owner, field))
      const links = declaring.map(owner => db.link(owner, field))
      for (const each of links) {
        each.targets.forEach(target => entities.add(target.entity))
        if (each.pivot)
          entities.add(each.pivot.schema.entity)
        if (each.through)
          entities.add(each.through.entity)
      }
      link = links[0]
      owners = links.flatMap(each => each.targets)
    }
    // A relation query in the constraint reads more entities: a write to any of them tests all.
    let inner = false
    if (condition.constraint) {
      for (const owner of owners) {
        const probe = newQuery(owner)
        ;(condition.constraint as (query: Q) => void)(probe)
        if (!probe._shape().wheres.some(other => other.raw))
          continue
        const asked = liveHasOf(db, owner, probe._shape() as QueryShape, newQuery)
        if (!asked)
          return undefined
        asked.forEach(has => has.entities.forEach(entity => entities.add(entity)))
        inner = true
      }
    }
    const keyed = !inner && !condition.nested && link?.keys !== undefined && !link.pivot && link.targets.length === 1
    found.push({
      entities,
      keys: keyed ? { parent: link!.keys!.parent, related: link!.keys!.related, byParentId: sameFields(link!.keys!.parent, schema.primaryKey) } : undefined,
    })
  }
  return found
}

/**
 * Adds to `into` the records of `schema` to test again after a write of `changes` to one of
 * `has.entities`: the parents whose keys a changed record had or has, or every record.
 *
 * @internal
 */
export function parentsToTest(db: Database, schema: Schema, has: LiveHas, changes: readonly RecordChange[], into: Map<string, StoredRecord>): void {
  const data = db.data(schema.entity)
  const keys = has.keys
  if (!keys) {
    for (const id in data) {
      if (hasRecord(data, id))
        into.set(id, data[id]!)
    }
    return
  }
  const add = (key: string | undefined) => {
    if (key === undefined)
      return
    const ids = keys.byParentId ? [key] : db.index(schema.entity, keys.parent, data).get(key) ?? []
    for (const id of ids) {
      if (hasRecord(data, id))
        into.set(id, data[id]!)
    }
  }
  for (const { before, after } of changes) {
    const from = before && keyOf(before, keys.related)
    const to = after && keyOf(after, keys.related)
    add(from)
    if (to !== from)
      add(to)
  }
}

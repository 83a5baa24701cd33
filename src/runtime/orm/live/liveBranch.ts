import type { Database } from '../database'
import type { EagerList, EagerLoad } from '../eagerLoad'
import type { StoredRecord } from '../keys'
import type { QueryShape } from '../reactivity/fineRead'
import type { RelationLink, Schema } from '../relations/Relation'
import { liveHasOf } from './liveHas'

/**
 * One loaded relation of a live query that is not kept by its keys alone (nested loads, a
 * constraint, pivot, morph, hasManyBy, hasManyThrough): a node of the tree of loads, with the
 * result entries that hold it. A write to one of its `entities` reloads only the entries it names.
 *
 * @internal
 */
export interface BranchNode<E> {
  readonly field: string
  readonly link: RelationLink
  /** The model whose instances hold this relation (several models may share a nested name). */
  readonly owner: Schema
  /** The parent's and the related record's keys when records are matched by equal keys. */
  readonly keys: { readonly parent: readonly string[], readonly related: readonly string[] } | undefined
  /** The entities whose writes can change what the relation holds. */
  readonly entities: ReadonlySet<string>
  /**
   * The entities a relation query in the constraint reads: a write to one of them may change
   * which related records pass, for any parent, so it loads the relation again for every entry.
   */
  readonly everyHolder: ReadonlySet<string>
  readonly nested: readonly BranchNode<E>[]
  /** Entries by the parent key (keyed) or by `entity:id` of each record the reader linked. */
  readonly holders: Map<string, Set<E>>
  /** Linked relations only: each entry's parents here, with what the reader gave each. */
  readonly watched: Map<E, { parent: StoredRecord, linked: string }[]> | undefined
}

/** What building the branches needs of a query: its loads and shape, to run constraints on. @internal */
export interface BranchQuery<Q> {
  readonly _eager: EagerList<Q>
  _shape: () => { readonly wheres: readonly { readonly raw?: boolean }[] }
}

/**
 * The tree of nodes of one `with()` load, or `undefined` when a part of it depends on entities the
 * live query cannot name (a relation query inside the constraint of a relation query inside a
 * constraint): the live query then re-runs.
 *
 * @internal
 */
export function branchOf<E, Q extends BranchQuery<Q>>(db: Database, owner: Schema, load: EagerLoad<Q>, newQuery: (schema: Schema) => Q): BranchNode<E> | undefined {
  const link = db.link(owner, load.name)
  const entities = new Set(link.targets.map(target => target.entity))
  if (link.pivot)
    entities.add(link.pivot.schema.entity)
  if (link.through)
    entities.add(link.through.entity)
  const nested: BranchNode<E>[] = []
  const everyHolder = new Set<string>()
  for (const target of link.targets) {
    let loads: EagerList<Q> = load.nested
    if (load.constraints.length > 0) {
      const query = newQuery(target)
      for (const constraint of load.constraints)
        constraint(query)
      if (query._shape().wheres.some(where => where.raw)) {
        const asked = liveHasOf(db, target, query._shape() as QueryShape, newQuery)
        if (!asked)
          return undefined
        for (const has of asked)
          has.entities.forEach(entity => everyHolder.add(entity))
      }
      loads = [...query._eager, ...load.nested.filter(own => !query._eager.some(other => other.name === own.name))]
    }
    for (const child of loads) {
      if (!target.relations.has(child.name))
        continue
      const node = branchOf<E, Q>(db, target, child, newQuery)
      if (!node)
        return undefined
      nested.push(node)
    }
  }
  const keyed = link.keys !== undefined && !link.pivot && link.targets.length === 1
  return {
    field: load.name,
    link,
    owner,
    keys: keyed ? link.keys : undefined,
    entities,
    everyHolder,
    nested,
    holders: new Map(),
    watched: keyed ? undefined : new Map(),
  }
}

/** Adds the entities whose writes `node` and the nodes below it depend on to `into`. @internal */
export function branchEntities<E>(node: BranchNode<E>, into: Set<string>): void {
  node.entities.forEach(entity => into.add(entity))
  node.everyHolder.forEach(entity => into.add(entity))
  for (const child of node.nested)
    branchEntities(child, into)
}

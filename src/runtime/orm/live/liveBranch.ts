import type { Database } from '../database'
import type { EagerList, EagerLoad } from '../eagerLoad'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { RecordChange } from '../reactivity/signals'
import type { ModelInstance, RelationLink, Schema } from '../relations/Relation'
import { childrenOf, isOf } from './branchItems'

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
 * The tree of nodes of one `with()` load, or `undefined` when a part of it depends on more than its
 * own records (a relation query, `has()`, inside a constraint): the live query then re-runs.
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
  for (const target of link.targets) {
    let loads: EagerList<Q> = load.nested
    if (load.constraints.length > 0) {
      const query = newQuery(target)
      for (const constraint of load.constraints)
        constraint(query)
      if (query._shape().wheres.some(where => where.raw))
        return undefined
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
    nested,
    holders: new Map(),
    watched: keyed ? undefined : new Map(),
  }
}

/** Adds the entities whose writes `node` and the nodes below it depend on to `into`. @internal */
export function branchEntities<E>(node: BranchNode<E>, into: Set<string>): void {
  node.entities.forEach(entity => into.add(entity))
  for (const child of node.nested)
    branchEntities(child, into)
}

/** Where an entry is held in a branch, to forget it. @internal */
export interface BranchMark<E> {
  readonly node: BranchNode<E>
  readonly key: string
}

/**
 * Remembers that `entry` holds `node` for each of `parents` (instances of the node's owner), and
 * the nodes below for what they loaded; `marks` collects where, for {@link forgetBranch}.
 *
 * @internal
 */
export function markBranch<E>(node: BranchNode<E>, entry: E, parents: readonly ModelInstance[], marks: BranchMark<E>[]): void {
  if (parents.length === 0)
    return
  const hold = (key: string) => {
    let set = node.holders.get(key)
    if (!set)
      node.holders.set(key, set = new Set())
    if (!set.has(entry)) {
      set.add(entry)
      marks.push({ node, key })
    }
  }
  if (node.keys) {
    for (const parent of parents) {
      const key = keyOf(parent as unknown as StoredRecord, node.keys.parent)
      if (key !== undefined)
        hold(key)
    }
  }
  else {
    const read = node.link.reader()
    let list = node.watched!.get(entry)
    if (!list) {
      node.watched!.set(entry, list = [])
      marks.push({ node, key: '' })
    }
    for (const parent of parents) {
      const linked = read(parent as unknown as StoredRecord)
      list.push({ parent: parent as unknown as StoredRecord, linked: describeLinked(linked) })
      if (!linked)
        continue
      for (const id of linked.ids)
        hold(`${linked.schema.entity}:${id}`)
      for (const id of linked.pivots ?? [])
        hold(`${node.link.pivot!.schema.entity}:${id}`)
    }
  }
  if (node.nested.length === 0)
    return
  const children = childrenOf(parents, node.field)
  for (const child of node.nested)
    markBranch(child, entry, children.filter(item => isOf(item, child.owner)), marks)
}

/** Forgets what {@link markBranch} remembered of `entry`. @internal */
export function forgetBranch<E>(entry: E, marks: readonly BranchMark<E>[]): void {
  for (const { node, key } of marks) {
    const set = node.holders.get(key)
    set?.delete(entry)
    if (set?.size === 0)
      node.holders.delete(key)
    node.watched?.delete(entry)
  }
}

/**
 * Calls `add` for each entry whose loads below `node` a write of `changes` to `entity` may change:
 * by keys; or, for a relation its reader links, the entries that linked a changed record and
 * those whose parents' links, read again, differ from the last (one indexed lookup per parent).
 *
 * @internal
 */
export function touchedBranch<E>(node: BranchNode<E>, entity: string, changes: readonly RecordChange[], add: (entry: E) => void): void {
  if (node.entities.has(entity)) {
    if (node.keys) {
      for (const { before, after } of changes) {
        const from = before && keyOf(before, node.keys.related)
        const to = after && keyOf(after, node.keys.related)
        if (from !== undefined)
          node.holders.get(from)?.forEach(add)
        if (to !== undefined && to !== from)
          node.holders.get(to)?.forEach(add)
      }
    }
    else {
      for (const { id } of changes)
        node.holders.get(`${entity}:${id}`)?.forEach(add)
      // Which fields a reader follows is its own affair: any record may have entered or left a link.
      const read = node.link.reader()
      for (const [entry, list] of node.watched!) {
        if (list.some(({ parent, linked }) => describeLinked(read(parent)) !== linked))
          add(entry)
      }
    }
  }
  for (const child of node.nested)
    touchedBranch(child, entity, changes, add)
}

function describeLinked(linked: { schema: Schema, ids: readonly string[], pivots?: readonly string[] } | undefined): string {
  return linked === undefined ? '' : `${linked.schema.entity}|${linked.ids.join(',')}|${linked.pivots?.join(',') ?? ''}`
}

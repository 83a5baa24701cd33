import type { Database } from '../database'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { RecordChange } from '../reactivity/signals'
import type { ModelInstance, Schema } from '../relations/Relation'
import { fieldsOf } from './branchItems'
import { _markEmptyLoads } from '../filledRelations'
import { forgetBranch, markBranch } from './branchMarks'
import type { BranchMark } from './branchMarks'
import type { BranchNode } from './liveBranch'
import { addParent, relationValue, removeParent } from './liveRelation'
import type { LiveRelation } from './liveRelation'
import type { LiveSource } from './liveSource'
import { touchedEntries } from './liveTouched'
import type { Entry, LiveBranch, Touched } from './liveTypes'
import { reconcileValue } from './reconcile'
import type { Changed } from './reconcile'

/**
 * The instances of a live query's entries with their loaded relations: made when an entry first
 * shows, and remade after a write only for the entries whose records or loads it touched, keeping
 * every instance whose record and loads did not change.
 *
 * @internal
 */
export class LiveItems<Q> {
  /** The relation fields the loads fill. */
  private readonly loadedFields: readonly string[]

  constructor(
    private readonly db: Database,
    private readonly schema: Schema,
    private readonly source: LiveSource<Q>,
    private readonly relations: readonly LiveRelation<Entry>[],
    private readonly branches: readonly LiveBranch<Q>[],
  ) {
    this.loadedFields = [...relations.map(relation => relation.field), ...branches.map(branch => branch.node.field)]
  }

  /**
   * Makes the instances of `entries`, loading the branches for all of them at once. An entry that
   * replaces another keeps the loads of the last instance that did not change.
   */
  make(entries: readonly Entry[]): void {
    if (entries.length === 0)
      return
    const items: ModelInstance[] = []
    for (const entry of entries) {
      const item = this.schema.hydrate(entry.record, this.db)
      const fields = fieldsOf(item)
      const previous = entry.last && fieldsOf(entry.last)
      for (const relation of this.relations) {
        const key = keyOf(item as unknown as StoredRecord, relation.parentKeys)
        const kept = previous && keyOf(previous as StoredRecord, relation.parentKeys) === key
        fields[relation.field] = kept ? previous[relation.field] : relationValue(this.db, relation, key)
        if (key !== undefined)
          addParent(relation, key, entry)
      }
      items.push(item)
    }
    if (this.branches.length > 0) {
      this.source._load(items, this.branches.map(branch => branch.load))
      entries.forEach((entry, i) => {
        const previous = entry.last && fieldsOf(entry.last)
        if (previous) {
          const changed: Changed = { entity: this.schema.entity, ids: new Set([entry.id]) }
          const fields = fieldsOf(items[i]!)
          for (const { node } of this.branches)
            fields[node.field] = reconcileValue(node, previous[node.field], fields[node.field], changed)
        }
        this.mark(entry, items[i]!)
      })
    }
    this.source._afterRead(items)
    entries.forEach((entry, i) => {
      _markEmptyLoads(items[i]!, this.loadedFields)
      entry.item = items[i]
      entry.last = undefined
    })
  }

  /**
   * Gives `entry` a new instance with the loads in `touched` loaded again (related instances not
   * in `changed` kept) and its other loads as they were. Keeps the instance, and returns `false`,
   * when nothing it holds changed.
   */
  reload(entry: Entry, touched: Touched<Q>, changed: Changed): boolean {
    const previous = fieldsOf(entry.item!)
    const item = this.schema.hydrate(entry.record, this.db)
    const fields = fieldsOf(item)
    let same = true
    for (const relation of this.relations) {
      if (touched.relations.has(relation)) {
        const value = relationValue(this.db, relation, keyOf(item as unknown as StoredRecord, relation.parentKeys), previous[relation.field], changed.ids)
        fields[relation.field] = sameList(value, previous[relation.field]) ? previous[relation.field] : value
        same &&= fields[relation.field] === previous[relation.field]
      }
      else {
        fields[relation.field] = previous[relation.field]
      }
    }
    const loads = this.branches.filter(branch => touched.branches.has(branch))
    if (loads.length > 0)
      this.source._load([item], loads.map(branch => branch.load))
    for (const branch of this.branches) {
      const { node } = branch
      const value = touched.branches.has(branch)
        ? reconcileValue(node, previous[node.field], fields[node.field], changed)
        : previous[node.field]
      fields[node.field] = value
      same &&= value === previous[node.field]
    }
    if (!same) {
      this.source._afterRead([item])
      _markEmptyLoads(item, this.loadedFields)
      entry.item = item
    }
    // Even when nothing shown changed, what the readers link now is what later writes compare to.
    // Only for the loads made again: the others show what they loaded before, and must be marked
    // so. A transaction's writes are heard entity by entity, so the store may already hold a write
    // to them that is yet to be heard; marked from the store, that write would then find nothing.
    if (loads.length > 0)
      this.mark(entry, entry.item!, loads)
    return !same
  }

  /** The entries holding a load that the write of `changes` to `entity` touches, with those loads. */
  touched(entity: string, changes: readonly RecordChange[]): Map<Entry, Touched<Q>> {
    return touchedEntries(this.relations, this.branches, entity, changes)
  }

  /** Drops what the loads remember of an entry that leaves or is replaced. */
  forget(entry: Entry): void {
    if (!entry.item)
      return
    for (const relation of this.relations)
      removeParent(relation, keyOf(entry.item as unknown as StoredRecord, relation.parentKeys), entry)
    if (entry.marks) {
      forgetBranch(entry, entry.marks)
      entry.marks = undefined
    }
  }

  /** Forgets every entry. */
  clear(): void {
    for (const relation of this.relations)
      relation.parents.clear()
    for (const { node } of this.branches)
      clearBranch(node)
  }

  /** Marks what `entry` holds through the loads `only` (every load when not given), anew. */
  private mark(entry: Entry, item: ModelInstance, only: readonly LiveBranch<Q>[] = this.branches): void {
    let marks: BranchMark<Entry>[] = []
    if (entry.marks) {
      if (only === this.branches) {
        forgetBranch(entry, entry.marks)
      }
      else {
        const redone = new Set<BranchNode<Entry>>()
        for (const { node } of only)
          addNodes(node, redone)
        forgetBranch(entry, entry.marks.filter(mark => redone.has(mark.node)))
        marks = entry.marks.filter(mark => !redone.has(mark.node))
      }
    }
    for (const { node } of only)
      markBranch(node, entry, [item], marks)
    entry.marks = marks
  }
}

/** Adds `node` and every node nested below it to `nodes`. */
function addNodes<E>(node: BranchNode<E>, nodes: Set<BranchNode<E>>): void {
  nodes.add(node)
  for (const nested of node.nested)
    addNodes(nested, nodes)
}

/** Whether `value` is the instance `previous` is, or a list of the same instances. */
function sameList(value: unknown, previous: unknown): boolean {
  if (value === previous)
    return true
  if (!Array.isArray(value) || !Array.isArray(previous) || value.length !== previous.length)
    return false
  return value.every((item, i) => item === previous[i])
}

function clearBranch<E>(node: BranchNode<E>): void {
  node.holders.clear()
  node.watched?.clear()
  node.nested.forEach(clearBranch)
}

import type { Database } from '../database'
import type { EagerLoad } from '../eagerLoad'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { RecordChange } from '../reactivity/signals'
import type { ModelInstance, Schema } from '../relations/Relation'
import { fieldsOf } from './branchItems'
import { forgetBranch, markBranch, touchedBranch } from './liveBranch'
import type { BranchMark, BranchNode } from './liveBranch'
import { addParent, forEachParent, relationValue, removeParent } from './liveRelation'
import type { LiveRelation } from './liveRelation'
import type { LiveSource } from './liveSource'
import { reconcileValue } from './reconcile'
import type { Changed } from './reconcile'

/** One record that matches the query: its stored values and, once needed, its instance. @internal */
export interface Entry {
  readonly id: string
  readonly record: StoredRecord
  item: ModelInstance | undefined
  /** Where the entry's branches remember it. */
  marks?: BranchMark<Entry>[]
  /** The instance of the record this entry replaces, whose loads its own instance may keep. */
  last?: ModelInstance
}

/** A `with()` load kept as a tree of nodes (nested, constrained or not matched by keys). @internal */
export interface LiveBranch<Q> {
  readonly load: EagerLoad<Q>
  readonly node: BranchNode<Entry>
}

/** The loads of one write's changes that an entry must reload. */
interface Touched<Q> {
  readonly relations: Set<LiveRelation<Entry>>
  readonly branches: Set<LiveBranch<Q>>
}

/**
 * The instances of a live query's entries with their loaded relations: made when an entry first
 * shows, and remade after a write only for the entries whose records or loads it touched, keeping
 * every instance whose record and loads did not change.
 *
 * @internal
 */
export class LiveItems<Q> {
  constructor(
    private readonly db: Database,
    private readonly schema: Schema,
    private readonly source: LiveSource<Q>,
    private readonly relations: readonly LiveRelation<Entry>[],
    private readonly branches: readonly LiveBranch<Q>[],
  ) {}

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
      entry.item = item
    }
    // Even when nothing shown changed, what the readers link now is what later writes compare to.
    if (loads.length > 0)
      this.mark(entry, entry.item!)
    return !same
  }

  /** The entries holding a load that the write of `changes` to `entity` touches, with those loads. */
  touched(entity: string, changes: readonly RecordChange[]): Map<Entry, Touched<Q>> {
    const found = new Map<Entry, Touched<Q>>()
    const of = (entry: Entry): Touched<Q> => {
      let touched = found.get(entry)
      if (!touched)
        found.set(entry, touched = { relations: new Set(), branches: new Set() })
      return touched
    }
    for (const relation of this.relations) {
      if (relation.related.entity !== entity)
        continue
      const add = (entry: Entry) => of(entry).relations.add(relation)
      for (const { before, after } of changes) {
        const from = before && keyOf(before, relation.relatedKeys)
        const to = after && keyOf(after, relation.relatedKeys)
        forEachParent(relation, from, add)
        if (to !== from)
          forEachParent(relation, to, add)
      }
    }
    for (const branch of this.branches)
      touchedBranch(branch.node, entity, changes, entry => of(entry).branches.add(branch))
    return found
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

  private mark(entry: Entry, item: ModelInstance): void {
    if (entry.marks)
      forgetBranch(entry, entry.marks)
    const marks: BranchMark<Entry>[] = []
    for (const { node } of this.branches)
      markBranch(node, entry, [item], marks)
    entry.marks = marks
  }
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

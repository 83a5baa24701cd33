import type { EagerLoad } from '../eagerLoad'
import type { StoredRecord } from '../keys'
import type { ModelInstance } from '../relations/Relation'
import type { BranchMark } from './branchMarks'
import type { BranchNode } from './liveBranch'
import type { LiveRelation } from './liveRelation'

// The parts of a live query's result that its files share.

/** One record that matches the query: its stored values and, once needed, its instance. @internal */
export interface Entry {
  readonly id: string
  readonly record: StoredRecord
  item: ModelInstance | undefined
  /** Where the entry's branches remember it. */
  marks?: BranchMark<Entry>[]
  /** The instance of the record this entry replaces, whose loads its own instance may keep. */
  last?: ModelInstance
  /** An instance of the record without loads, for an `orderBy()` that takes a function. */
  probe?: StoredRecord
}

/** A `with()` load kept as a tree of nodes (nested, constrained or not matched by keys). @internal */
export interface LiveBranch<Q> {
  readonly load: EagerLoad<Q>
  readonly node: BranchNode<Entry>
}

/** The loads of one write's changes that an entry must load again. @internal */
export interface Touched<Q> {
  readonly relations: Set<LiveRelation<Entry>>
  readonly branches: Set<LiveBranch<Q>>
}

import { shallowRef } from 'vue'
import type { Database } from '../database'
import type { StoredRecord } from '../keys'
import type { RecordChange, WriteListener } from '../reactivity/signals'
import type { ModelInstance, Schema } from '../relations/Relation'
import { branchEntities } from './liveBranch'
import { LiveEntries } from './liveEntries'
import { parentsToTest } from './liveHas'
import type { LiveHas } from './liveHas'
import { LiveItems } from './liveItems'
import type { Entry, LiveBranch } from './liveTypes'
import type { LiveRelation } from './liveRelation'
import { RefLike } from './liveSource'
import type { LiveSource } from './liveSource'

export type { Entry } from './liveTypes'

/**
 * A query kept up to date from each write's changes to the entities it reads: its own records,
 * those of its loaded relations, and those its relation queries ask about.
 *
 * @internal
 */
export class IncrementalQuery<Q> extends RefLike implements WriteListener {
  private readonly signal = shallowRef(0)
  private live = true
  /**
   * The store was replaced behind the ORM since the entries were built: they are built again on the
   * next read, once however many replacements came (a `$reset()` is heard twice: see
   * Database.hearAssignedData), and not at all for a query nobody reads again.
   */
  private stale = false
  private readonly db: Database
  private readonly schema: Schema
  private readonly items: LiveItems<Q>
  private readonly entries: LiveEntries<Q>
  private readonly entities: Set<string>

  constructor(source: LiveSource<Q>, relations: LiveRelation<Entry>[], branches: LiveBranch<Q>[], private readonly has: LiveHas[]) {
    super()
    this.db = source._db
    this.schema = source._schema
    this.items = new LiveItems(this.db, this.schema, source, relations, branches)
    this.entries = new LiveEntries(this.db, this.schema, source, this.items)
    this.entities = new Set([this.schema.entity, ...relations.map(relation => relation.related.entity)])
    for (const { node } of branches)
      branchEntities(node, this.entities)
    for (const { entities } of has)
      entities.forEach(entity => this.entities.add(entity))
    for (const entity of this.entities)
      this.db._signals.listen(entity, this)
    this.quietly(() => this.entries.build())
  }

  get value(): readonly ModelInstance[] {
    void this.signal.value
    if (this.stale)
      this.rebuild()
    return this.entries.out
  }

  stop(): void {
    // A stopped query keeps the result a read would have given before it stopped, or the last it
    // gave when the app's code in the query makes that read throw.
    if (this.stale) {
      try {
        this.rebuild()
      }
      catch {
        // Kept as it was; the query stops all the same.
        this.stale = false
      }
    }
    for (const entity of this.entities)
      this.db._signals.unlisten(entity, this)
    this.live = false
    this.entries.clear()
  }

  /** @internal */
  _changed(entity: string, changes: readonly RecordChange[]): void {
    if (!this.live)
      return
    if (this.stale) {
      // The next read builds the entries from the store, this write included.
      this.signal.value++
      return
    }
    let changed = false
    try {
      changed = this.update(entity, changes)
    }
    catch {
      // The app's own code in the query (a where() or orderBy() function, a hook) threw for this
      // write's records. The write is not the query's to fail: the next read builds the result
      // from the store, so that the error reaches whoever reads it, as a computed's does.
      this.stale = true
      changed = true
    }
    // Only a result that changed notifies: writes to records it does not hold re-run nothing.
    if (changed)
      this.signal.value++
  }

  /** Applies a write's changes to the entries; whether the result changed. */
  private update(entity: string, changes: readonly RecordChange[]): boolean {
    let changed = false
    this.quietly(() => {
      const entries = this.entries
      const shown = entries.paged ? entries.out.slice() : undefined
      if (entity === this.schema.entity)
        changed = entries.apply(changes)
      changed = this.retest(entity, changes) || changed
      changed = this.applyRelated(entity, changes) || changed
      if (shown) {
        entries.cutWindow()
        changed = shown.length !== entries.out.length || shown.some((item, i) => item !== entries.out[i])
      }
      // A replaced instance's loads are current during this write only: later writes do not reach it.
      for (const { id } of changes) {
        const entry = entries.get(id)
        if (entry)
          entry.last = undefined
      }
    })
    return changed
  }

  /** @internal */
  _replaced(): void {
    if (!this.live)
      return
    this.stale = true
    this.signal.value++
  }

  private rebuild(): void {
    // Stale until a build completes: one the app's code makes throw is tried again at the next read.
    this.quietly(() => this.entries.build())
    this.stale = false
  }

  /** Runs `fn` without making a running effect depend on the whole entities it reads. */
  private quietly(fn: () => void): void {
    const outer = this.db._fine
    this.db._fine = true
    try {
      fn()
    }
    finally {
      this.db._fine = outer
    }
  }

  /** Tests again the records whose relation queries a write to a related entity may change. */
  private retest(entity: string, changes: readonly RecordChange[]): boolean {
    if (this.has.length === 0)
      return false
    const parents = new Map<string, StoredRecord>()
    for (const has of this.has) {
      if (has.entities.has(entity))
        parentsToTest(this.db, this.schema, has, changes, parents)
    }
    const flips: RecordChange[] = []
    for (const [id, record] of parents) {
      if ((this.entries.get(id) !== undefined) !== this.entries.passes(record))
        flips.push({ id, before: record, after: record })
    }
    return flips.length > 0 && this.entries.apply(flips)
  }

  private applyRelated(entity: string, changes: readonly RecordChange[]): boolean {
    const touched = this.items.touched(entity, changes)
    if (touched.size === 0)
      return false
    const changed = { entity, ids: new Set(changes.map(change => change.id)) }
    let any = false
    for (const [entry, loads] of touched) {
      if (!this.items.reload(entry, loads, changed))
        continue
      any = true
      this.entries.replaced(entry)
    }
    return any
  }
}

import { shallowRef } from 'vue'
import type { Database } from '../database'
import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'
import type { RecordChange, WriteListener } from '../reactivity/signals'
import type { ModelInstance, Schema } from '../relations/Relation'
import { branchEntities } from './liveBranch'
import { parentsToTest } from './liveHas'
import type { LiveHas } from './liveHas'
import { LiveItems } from './liveItems'
import type { Entry, LiveBranch } from './liveItems'
import type { LiveRelation } from './liveRelation'
import { RefLike } from './liveSource'
import type { LiveSource } from './liveSource'
import { sortedIndex, StorageOrder } from './storageOrder'

export type { Entry } from './liveItems'

/**
 * A query kept up to date from each write's changes: every matching record in query order
 * (`entries`), the window `limit()`/`offset()` cut from it (`out`), and the loaded relations.
 *
 * @internal
 */
export class IncrementalQuery<Q> extends RefLike implements WriteListener {
  private readonly signal = shallowRef(0)
  private source: LiveSource<Q> | undefined
  private readonly db: Database
  private readonly schema: Schema
  private readonly items: LiveItems<Q>
  private readonly entities: Set<string>
  private readonly instanceWheres: boolean
  private readonly sorted: boolean
  private readonly skip: number
  private readonly take: number | undefined
  private readonly paged: boolean
  private entries: Entry[] = []
  private byId = new Map<string, Entry>()
  private order: StorageOrder | undefined
  private out: ModelInstance[] = []

  constructor(source: LiveSource<Q>, relations: LiveRelation<Entry>[], branches: LiveBranch<Q>[], private readonly has: LiveHas[]) {
    super()
    this.source = source
    this.db = source._db
    this.schema = source._schema
    this.items = new LiveItems(this.db, this.schema, source, relations, branches)
    const shape = source._shape()
    this.instanceWheres = shape.wheres.some(where => typeof where.field === 'function')
    this.sorted = shape.orders.length > 0
    this.skip = shape.skip
    this.take = shape.take
    this.paged = shape.skip > 0 || shape.take !== undefined
    this.entities = new Set([this.schema.entity, ...relations.map(relation => relation.related.entity)])
    for (const { node } of branches)
      branchEntities(node, this.entities)
    for (const { related } of has)
      this.entities.add(related.entity)
    for (const entity of this.entities)
      this.db._signals.listen(entity, this)
    this.quietly(() => this.build())
  }

  get value(): readonly ModelInstance[] {
    void this.signal.value
    return this.out
  }

  stop(): void {
    for (const entity of this.entities)
      this.db._signals.unlisten(entity, this)
    this.source = undefined
    this.entries = []
    this.byId = new Map()
    this.order = undefined
    this.items.clear()
  }

  /** @internal */
  _changed(entity: string, changes: readonly RecordChange[]): void {
    if (!this.source)
      return
    let changed = false
    this.quietly(() => {
      const shown = this.paged ? this.out.slice() : undefined
      if (entity === this.schema.entity)
        changed = this.applyOwn(changes)
      changed = this.retest(entity, changes) || changed
      changed = this.applyRelated(entity, changes) || changed
      if (shown) {
        this.cutWindow()
        changed = shown.length !== this.out.length || shown.some((item, i) => item !== this.out[i])
      }
      // A replaced instance's loads are current during this write only: later writes do not reach it.
      for (const { id } of changes) {
        const entry = this.byId.get(id)
        if (entry)
          entry.last = undefined
      }
    })
    // Only a result that changed notifies: writes to records it does not hold re-run nothing.
    if (changed)
      this.signal.value++
  }

  /** @internal */
  _replaced(): void {
    if (!this.source)
      return
    this.quietly(() => this.build())
    this.signal.value++
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

  private build(): void {
    this.items.clear()
    const data = this.db.data(this.schema.entity)
    this.order = new StorageOrder(data)
    const entries: Entry[] = []
    for (const id in data) {
      if (hasRecord(data, id) && this.passes(data[id]!))
        entries.push({ id, record: data[id]!, item: undefined })
    }
    if (this.sorted)
      entries.sort((a, b) => this.source!._compare(a.record, b.record))
    this.entries = entries
    this.byId = new Map(entries.map(entry => [entry.id, entry]))
    this.out = []
    this.cutWindow()
  }

  private passes(record: StoredRecord): boolean {
    return this.source!._passes(record, this.instanceWheres)
  }

  private compare = (a: Entry, b: Entry): number => {
    const result = this.sorted ? this.source!._compare(a.record, b.record) : 0
    return result !== 0 ? result : this.order!.compare(a.id, b.id)
  }

  /** The `limit()`/`offset()` window of the entries, as instances (made when first in it). */
  private cutWindow(): void {
    const end = this.take === undefined ? this.entries.length : Math.min(this.entries.length, this.skip + this.take)
    const fresh: Entry[] = []
    for (let i = this.skip; i < end; i++) {
      if (!this.entries[i]!.item)
        fresh.push(this.entries[i]!)
    }
    this.items.make(fresh)
    const out = this.out
    out.length = 0
    for (let i = this.skip; i < end; i++)
      out.push(this.entries[i]!.item!)
  }

  private itemOf(entry: Entry): ModelInstance {
    if (!entry.item)
      this.items.make([entry])
    return entry.item!
  }

  private applyOwn(changes: readonly RecordChange[]): boolean {
    const { entries, byId, order } = this
    let changed = false
    for (const { id, before, after } of changes) {
      const old = byId.get(id)
      const now = after !== undefined && this.passes(after)
      changed ||= old !== undefined || now
      let at = -1
      if (old) {
        at = sortedIndex(entries, old, this.compare)
        byId.delete(id)
        this.forget(old)
      }
      if (!before && after)
        order!.add(id)
      else if (before && !after)
        order!.remove(id)
      if (!now) {
        if (at !== -1) {
          entries.splice(at, 1)
          if (!this.paged)
            this.out.splice(at, 1)
        }
        continue
      }
      const entry: Entry = { id, record: after, item: undefined, last: old?.item ?? old?.last }
      byId.set(id, entry)
      if (at !== -1 && (at === 0 || this.compare(entries[at - 1]!, entry) < 0) && (at === entries.length - 1 || this.compare(entry, entries[at + 1]!) < 0)) {
        // Still in the same place: replace it there.
        entries[at] = entry
        if (!this.paged)
          this.out[at] = this.itemOf(entry)
        continue
      }
      if (at !== -1) {
        entries.splice(at, 1)
        if (!this.paged)
          this.out.splice(at, 1)
      }
      const to = sortedIndex(entries, entry, this.compare)
      entries.splice(to, 0, entry)
      if (!this.paged)
        this.out.splice(to, 0, this.itemOf(entry))
    }
    return changed
  }

  /** Tests again the records whose relation queries a write to a related entity may change. */
  private retest(entity: string, changes: readonly RecordChange[]): boolean {
    if (this.has.length === 0)
      return false
    const parents = new Map<string, StoredRecord>()
    for (const has of this.has) {
      if (has.related.entity === entity)
        parentsToTest(this.db, this.schema, has, changes, parents)
    }
    const flips: RecordChange[] = []
    for (const [id, record] of parents) {
      if (this.byId.has(id) !== this.passes(record))
        flips.push({ id, before: record, after: record })
    }
    return flips.length > 0 && this.applyOwn(flips)
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
      if (!this.paged)
        this.out[sortedIndex(this.entries, entry, this.compare)] = entry.item!
    }
    return any
  }

  /** Drops what the relations remember of an entry that leaves or is replaced. */
  private forget(entry: Entry): void {
    this.items.forget(entry)
  }
}

import { shallowRef } from 'vue'
import type { Database } from '../database'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'
import type { RecordChange, WriteListener } from '../reactivity/signals'
import type { ModelInstance, Schema } from '../relations/Relation'
import { addParent, forEachParent, relationValue, removeParent } from './liveRelation'
import type { LiveRelation } from './liveRelation'
import { RefLike } from './liveSource'
import type { LiveSource } from './liveSource'
import { sortedIndex, StorageOrder } from './storageOrder'

/** One record that matches the query: its stored values and, once needed, its instance. @internal */
export interface Entry {
  readonly id: string
  readonly record: StoredRecord
  item: ModelInstance | undefined
}

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
  private readonly relations: LiveRelation<Entry>[]
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

  constructor(source: LiveSource<Q>, relations: LiveRelation<Entry>[]) {
    super()
    this.source = source
    this.db = source._db
    this.schema = source._schema
    this.relations = relations
    const shape = source._shape()
    this.instanceWheres = shape.wheres.some(where => typeof where.field === 'function')
    this.sorted = shape.orders.length > 0
    this.skip = shape.skip
    this.take = shape.take
    this.paged = shape.skip > 0 || shape.take !== undefined
    this.entities = new Set([this.schema.entity, ...relations.map(relation => relation.related.entity)])
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
    for (const relation of this.relations)
      relation.parents.clear()
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
      for (const relation of this.relations) {
        if (relation.related.entity === entity)
          changed = this.applyRelated(relation, changes) || changed
      }
      if (shown) {
        this.cutWindow()
        changed = shown.length !== this.out.length || shown.some((item, i) => item !== this.out[i])
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
    for (const relation of this.relations)
      relation.parents.clear()
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
    const out = this.out
    out.length = 0
    for (let i = this.skip; i < end; i++)
      out.push(this.itemOf(this.entries[i]!))
  }

  private itemOf(entry: Entry, previous?: ModelInstance): ModelInstance {
    if (entry.item)
      return entry.item
    const item = this.schema.hydrate(entry.record, this.db)
    const fields = item as unknown as Record<string, unknown>
    for (const relation of this.relations) {
      const key = keyOf(item as unknown as StoredRecord, relation.parentKeys)
      const kept = previous && keyOf(previous as unknown as StoredRecord, relation.parentKeys) === key
      fields[relation.field] = kept ? (previous as unknown as Record<string, unknown>)[relation.field] : relationValue(this.db, relation, key)
      if (key !== undefined)
        addParent(relation, key, entry)
    }
    this.source!._afterRead([item])
    entry.item = item
    return item
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
      const entry: Entry = { id, record: after, item: undefined }
      byId.set(id, entry)
      if (at !== -1 && (at === 0 || this.compare(entries[at - 1]!, entry) < 0) && (at === entries.length - 1 || this.compare(entry, entries[at + 1]!) < 0)) {
        // Still in the same place: replace it there.
        entries[at] = entry
        if (!this.paged)
          this.out[at] = this.itemOf(entry, old!.item)
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
        this.out.splice(to, 0, this.itemOf(entry, old?.item))
    }
    return changed
  }

  private applyRelated(relation: LiveRelation<Entry>, changes: readonly RecordChange[]): boolean {
    const touched = new Set<Entry>()
    const changed = new Set<string>()
    const add = (entry: Entry) => touched.add(entry)
    for (const { id, before, after } of changes) {
      changed.add(id)
      const from = before && keyOf(before, relation.relatedKeys)
      const to = after && keyOf(after, relation.relatedKeys)
      forEachParent(relation, from, add)
      if (to !== from)
        forEachParent(relation, to, add)
    }
    for (const entry of touched)
      this.reload(entry, relation, changed)
    return touched.size > 0
  }

  /** Gives `entry` a new instance whose `relation` is loaded again; its other relations are kept. */
  private reload(entry: Entry, relation: LiveRelation<Entry>, changed: ReadonlySet<string>): void {
    const previous = entry.item as unknown as Record<string, unknown>
    const item = this.schema.hydrate(entry.record, this.db)
    const fields = item as unknown as Record<string, unknown>
    for (const other of this.relations) {
      fields[other.field] = other === relation
        ? relationValue(this.db, relation, keyOf(item as unknown as StoredRecord, relation.parentKeys), previous[relation.field], changed)
        : previous[other.field]
    }
    this.source!._afterRead([item])
    entry.item = item
    if (!this.paged)
      this.out[sortedIndex(this.entries, entry, this.compare)] = item
  }

  /** Drops what the relations remember of an entry that leaves or is replaced. */
  private forget(entry: Entry): void {
    if (!entry.item)
      return
    for (const relation of this.relations)
      removeParent(relation, keyOf(entry.item as unknown as StoredRecord, relation.parentKeys), entry)
  }
}

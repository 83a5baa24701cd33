import type { Database } from '../database'
import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'
import type { RecordChange } from '../reactivity/signals'
import type { ModelInstance, Schema } from '../relations/Relation'
import type { LiveItems } from './liveItems'
import type { Entry } from './liveTypes'
import type { LiveSource } from './liveSource'
import { LiveOrder } from './liveOrder'
import { sortedIndex } from './storageOrder'
import { testsInstance } from '../query/where'

/**
 * The records a live query matches, in query order (`entries`), and the window `limit()` /
 * `offset()` cut from them as instances (`out`): a changed record is tested again and placed by
 * binary search.
 *
 * @internal
 */
export class LiveEntries<Q> {
  /** The result: the instances of the entries in the window. */
  out: ModelInstance[] = []
  private entries: Entry[] = []
  private byId = new Map<string, Entry>()
  private readonly order: LiveOrder<Q>
  private readonly ids: ReadonlySet<string> | undefined
  private readonly instanceWheres: boolean
  private readonly skip: number
  private readonly take: number | undefined
  /** Whether `limit()`/`offset()` cut a window (then `out` is cut again after each write). */
  readonly paged: boolean

  constructor(
    private readonly db: Database,
    private readonly schema: Schema,
    private readonly source: LiveSource<Q>,
    private readonly items: LiveItems<Q>,
  ) {
    const shape = source._shape()
    this.instanceWheres = shape.wheres.some(testsInstance)
    this.ids = shape.ids && new Set(shape.ids)
    this.order = new LiveOrder(db, schema, source, shape)
    this.skip = shape.skip
    this.take = shape.take
    this.paged = shape.skip > 0 || shape.take !== undefined
  }

  /** The entry of record `id`, when it matches. */
  get(id: string): Entry | undefined {
    return this.byId.get(id)
  }

  /** Whether a stored record passes the query's `where`s and `whereId()`. */
  passes(record: StoredRecord): boolean {
    return this.source._passes(record, this.instanceWheres, this.ids)
  }

  /** Matches every stored record afresh. */
  build(): void {
    this.items.clear()
    const data = this.db.data(this.schema.entity)
    this.order.reset(data)
    const entries: Entry[] = []
    for (const id of this.order.ids() ?? Object.keys(data)) {
      if (hasRecord(data, id) && this.passes(data[id]!))
        entries.push({ id, record: data[id]!, item: undefined })
    }
    this.order.sort(entries)
    this.entries = entries
    this.byId = new Map(entries.map(entry => [entry.id, entry]))
    this.out = []
    this.cutWindow()
  }

  /** Lets go of every entry. */
  clear(): void {
    this.entries = []
    this.byId = new Map()
    this.order.reset(undefined)
    this.items.clear()
  }

  /** Puts the entry's new instance in the result, where it shows (a window is cut again instead). */
  replaced(entry: Entry): void {
    if (!this.paged)
      this.out[sortedIndex(this.entries, entry, this.compare)] = entry.item!
  }

  private get compare(): (a: Entry, b: Entry) => number {
    return this.order.compare
  }

  /** The `limit()`/`offset()` window of the entries, as instances (made when first in it). */
  cutWindow(): void {
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

  /** Applies records that were added, deleted or changed; `true` when the result may have changed. */
  apply(changes: readonly RecordChange[]): boolean {
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
        this.items.forget(old)
      }
      if (!before && after)
        order.add(id)
      else if (before && !after)
        order.remove(id)
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
}

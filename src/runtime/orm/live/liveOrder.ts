import type { Database } from '../database'
import type { StoredRecord } from '../keys'
import type { QueryShape } from '../reactivity/fineRead'
import type { Schema } from '../relations/Relation'
import type { LiveSource } from './liveSource'
import type { Entry } from './liveTypes'
import { sortsInstances } from '../query/orderBy'
import { StorageOrder } from './storageOrder'

/**
 * The order of a live query's entries, as `get()` gives it: by `orderBy()` (fields of the stored
 * records, or, when an `orderBy()` takes a function, of model instances as `get()` makes them),
 * then records that compare equal in the order `get()` found them: the ids `whereId()` lists, in
 * their order, or else the order of the store.
 *
 * @internal
 */
export class LiveOrder<Q> {
  private readonly sorted: boolean
  private readonly byInstance: boolean
  /** The position of each id `whereId()` named, when the ids decide which records are read. */
  private readonly listed: Map<string, number> | undefined
  private stored: StorageOrder | undefined

  constructor(private readonly db: Database, private readonly schema: Schema, private readonly source: LiveSource<Q>, shape: QueryShape) {
    this.sorted = shape.orders.length > 0
    this.byInstance = shape.orders.some(sortsInstances)
    this.listed = shape.ids !== undefined && !shape.wheres.some(where => where.or)
      ? new Map(shape.ids.map((id, i) => [id, i]))
      : undefined
  }

  /** The ids to read, in order, when `whereId()` names them alone; else `undefined` (every record). */
  ids(): Iterable<string> | undefined {
    return this.listed?.keys()
  }

  /** Starts over from the records of the store. */
  reset(data: Record<string, StoredRecord> | undefined): void {
    this.stored = data && !this.listed ? new StorageOrder(data) : undefined
  }

  /** Records that `id` was added to the store. */
  add(id: string): void {
    this.stored?.add(id)
  }

  /** Records that `id` left the store. */
  remove(id: string): void {
    this.stored?.remove(id)
  }

  /** Sorts entries found in the order `ids()` or the store gave them. */
  sort(entries: Entry[]): void {
    if (this.listed)
      entries.sort(this.compare)
    else if (this.sorted)
      // A stable sort keeps the store's order between equal records.
      entries.sort((a, b) => this.source._compare(this.sortable(a), this.sortable(b)))
  }

  /** Negative when `a` comes first, positive when `b` does; 0 only for the same record. */
  compare = (a: Entry, b: Entry): number => {
    const result = this.sorted ? this.source._compare(this.sortable(a), this.sortable(b)) : 0
    if (result !== 0)
      return result
    return this.listed ? this.listed.get(a.id)! - this.listed.get(b.id)! : this.stored!.compare(a.id, b.id)
  }

  /** What `orderBy()` compares: the stored record, or the instance a function of it takes. */
  private sortable(entry: Entry): StoredRecord {
    if (!this.byInstance)
      return entry.record
    return entry.probe ??= this.schema.hydrate(entry.record, this.db) as unknown as StoredRecord
  }
}

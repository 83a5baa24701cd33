import { isIndexKey } from '../fkIndex'
import type { StoredRecord } from '../keys'
import { hasRecord, recordAt, setRecord } from '../ownRecords'
import type { RecordChanges } from './effects'

interface Undo {
  readonly entity: string
  readonly key: string
  /** The record before the write, `undefined` when there was none. */
  readonly before: StoredRecord | undefined
}

/** The order of an entity's keys, seen before a transaction deleted one that is not an integer. */
interface OrderCapture {
  readonly entity: string
  /** The journal's length when it was taken. */
  readonly at: number
  readonly keys: string[]
}

/** What undoing a transaction (or a nested one) writes back. */
export interface Undone {
  /** Per entity, the records to put back (`undefined`: delete the record the transaction made). */
  readonly changes: Map<string, RecordChanges>
  /** Per entity whose key order the undone writes changed, the order to put back. */
  readonly orders: Map<string, string[]>
}

/**
 * The records an open transaction overwrote, in the order it wrote them, so that the transaction,
 * or a nested one from where it began (`from`), can be undone exactly.
 *
 * An object enumerates integer keys in ascending order, then the others in the order they were
 * added: putting back a deleted record with a key such as `'abc'` would move it to the end. So the
 * first such delete in a nested level notes the entity's key order, and undoing it puts that back.
 *
 * @internal
 */
export class UndoJournal {
  private readonly entries: Undo[] = []
  private readonly orders: OrderCapture[] = []

  /** Where the journal is now: what a nested transaction undoes back to. */
  get length(): number {
    return this.entries.length
  }

  /** Notes what `changes` are about to overwrite in `data`, in a transaction that began at `from`. */
  record(entity: string, data: Record<string, StoredRecord>, changes: ReadonlyMap<string, StoredRecord | undefined>, from: number): void {
    for (const [key, record] of changes) {
      const before = recordAt(data, key)
      if (record === undefined && before !== undefined && !isIndexKey(key))
        this.captureOrder(entity, data, from)
      this.entries.push({ entity, key, before })
    }
  }

  /** The writes that put back every record written since `from`; the journal forgets them. */
  undo(from: number): Undone {
    const changes = new Map<string, RecordChanges>()
    // Backwards, so that the record as it was before the first write is the one kept.
    for (let i = this.entries.length - 1; i >= from; i--) {
      const { entity, key, before } = this.entries[i]!
      let records = changes.get(entity)
      if (!records)
        changes.set(entity, records = new Map())
      records.set(key, before)
    }
    this.entries.length = from
    let keep = this.orders.length
    while (keep > 0 && this.orders[keep - 1]!.at >= from)
      keep--
    const orders = new Map<string, string[]>()
    for (let i = keep; i < this.orders.length; i++) {
      const { entity, keys } = this.orders[i]!
      if (!orders.has(entity))
        orders.set(entity, keys)
    }
    this.orders.length = keep
    return { changes, orders }
  }

  /** Forgets everything: the outermost transaction ended. */
  clear(): void {
    this.entries.length = 0
    this.orders.length = 0
  }

  private captureOrder(entity: string, data: Record<string, StoredRecord>, from: number): void {
    for (let i = this.orders.length - 1; i >= 0 && this.orders[i]!.at >= from; i--) {
      if (this.orders[i]!.entity === entity)
        return
    }
    this.orders.push({ entity, at: this.entries.length, keys: Object.keys(data) })
  }
}

/**
 * Puts the keys of `data` that are not integers back in the order of `keys` (those no longer in
 * `data` are skipped), keeping the object itself.
 *
 * @internal
 */
export function _restoreKeyOrder(data: Record<string, StoredRecord>, keys: readonly string[]): void {
  for (const key of keys) {
    if (isIndexKey(key) || !hasRecord(data, key))
      continue
    const record = data[key]!
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the store is keyed by record id
    delete data[key]
    setRecord(data, key, record)
  }
}

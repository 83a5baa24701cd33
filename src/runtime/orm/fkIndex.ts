import { keyOf } from './keys'
import { hasRecord } from './ownRecords'
import type { StoredRecord } from './keys'

/**
 * Which records of one entity hold each value of some fields (a foreign key, or an owner key other
 * than the primary key): the index that makes relation lookups O(1) per parent.
 *
 * An index belongs to one store's `data` object (`source`). Every write through the ORM keeps it
 * current; when the `data` object is replaced behind the ORM's back (hydration, `$reset`), the index
 * no longer matches its source and is rebuilt on next use.
 *
 * Each bucket lists its ids in the order a `for...in` over `source` visits them (integer-like ids
 * ascending, then the others in insertion order), so an index kept current on the server and one
 * built afresh from the same state in the browser give related records in the same order.
 *
 * @internal
 */
export class FkIndex {
  /** The data object the index describes. */
  readonly source: Record<string, StoredRecord>
  readonly fields: readonly string[]
  private readonly buckets = new Map<string, string[]>()

  constructor(source: Record<string, StoredRecord>, fields: readonly string[]) {
    this.source = source
    this.fields = fields
    for (const id in source) {
      if (!hasRecord(source, id))
        continue
      const value = keyOf(source[id]!, fields)
      if (value === undefined)
        continue
      const bucket = this.buckets.get(value)
      if (bucket)
        bucket.push(id)
      else
        this.buckets.set(value, [id])
    }
  }

  /** The ids of the records whose fields hold `value` (a key as made by `keyOf`). */
  get(value: string): readonly string[] | undefined {
    return this.buckets.get(value)
  }

  /**
   * Records that record `id` changed from `before` (absent when new) to `after` (absent when
   * deleted). Returns false when the index cannot place the record where a `for...in` would (an
   * existing record with a non-integer id moved to another bucket): the caller then drops the index.
   */
  update(id: string, before: StoredRecord | undefined, after: StoredRecord | undefined): boolean {
    const from = before && keyOf(before, this.fields)
    const to = after && keyOf(after, this.fields)
    if (from === to)
      return true
    if (before && after && !isIndexKey(id))
      return false
    if (from !== undefined)
      this.remove(id, from)
    if (to !== undefined)
      this.insert(id, to)
    return true
  }

  private insert(id: string, value: string): void {
    const bucket = this.buckets.get(value)
    if (!bucket) {
      this.buckets.set(value, [id])
      return
    }
    if (!isIndexKey(id)) {
      bucket.push(id)
      return
    }
    // Integer-like ids come first, ascending: find the first that is not a smaller one.
    const n = Number(id)
    let low = 0
    let high = bucket.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const other = bucket[middle]!
      if (isIndexKey(other) && Number(other) < n)
        low = middle + 1
      else
        high = middle
    }
    bucket.splice(low, 0, id)
  }

  private remove(id: string, value: string): void {
    const bucket = this.buckets.get(value)
    if (!bucket)
      return
    const at = bucket.indexOf(id)
    if (at !== -1)
      bucket.splice(at, 1)
    if (bucket.length === 0)
      this.buckets.delete(value)
  }
}

const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/

/**
 * Whether a property key is an array index, which objects order numerically before other keys.
 *
 * @internal
 */
export function isIndexKey(key: string): boolean {
  return INDEX_KEY.test(key) && Number(key) < 4_294_967_295
}

import { keyOf } from './keys'
import { recordAt } from './ownRecords'
import type { StoredRecord } from './keys'

/**
 * Which records of one entity hold each value of some fields (a foreign key, or an owner key other
 * than the primary key): the index that makes relation lookups O(1) per parent.
 *
 * An index belongs to one store's `data` object (`source`). Every write through the ORM keeps it
 * current; when the `data` object is replaced behind the ORM's back (hydration, `$reset`), the index
 * no longer matches its source and is rebuilt on next use.
 *
 * Each bucket lists its ids in the order `Object.keys(source)` and `for...in` list them (integer-like
 * ids ascending, then the others in insertion order), so an index kept current on the server and
 * one built afresh from the same state in the browser give related records in the same order.
 *
 * @internal
 */
export class FkIndex {
  /**
   * An index of one made-up record, kept for as long as the class: V8 keeps the hidden classes of
   * an index and of its buckets only while some object has them, and a fresh store has no index
   * until its first relation read. Without it, every GC that finds no index alive (between two
   * server requests) drops the code optimized for them, and each request's first reads run
   * unoptimized again (see `getSchema`, and "Hidden classes" in bench/README.md). A static field,
   * not a module constant, so that a bundler keeps it with the class.
   */
  static readonly _kept: FkIndex = new FkIndex({ kept: { key: 0 } }, ['key'])

  /** The data object the index describes. */
  readonly source: Record<string, StoredRecord>
  readonly fields: readonly string[]
  /**
   * Buckets by key, in an object without a prototype rather than a Map: integer-like keys (the usual
   * foreign key) then live in V8's array-like elements, which a first read after a garbage
   * collection builds in about half the time of a Map's hash table. With no prototype, a key such as
   * `'__proto__'` or `'constructor'` is an ordinary own property.
   */
  private readonly buckets: Record<string, string[] | undefined> = Object.create(null)

  constructor(source: Record<string, StoredRecord>, fields: readonly string[]) {
    this.source = source
    this.fields = fields
    const buckets = this.buckets
    const single = fields.length === 1 ? fields[0]! : undefined
    // Own keys in `for...in` order, with no check of the prototype chain per key.
    const ids = Object.keys(source)
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!
      let value: string | undefined
      if (single !== undefined) {
        const raw = source[id]![single]
        value = raw === null || raw === undefined ? undefined : typeof raw === 'string' ? raw : String(raw)
      }
      else {
        value = keyOf(source[id]!, fields)
      }
      if (value === undefined)
        continue
      const bucket = buckets[value]
      // A list grown by push() keeps room for 17 ids, and the index lives as long as the store:
      // the first three ids of a bucket (most buckets of a hasMany) are lists of their size.
      if (bucket === undefined)
        buckets[value] = [id]
      else if (bucket.length === 1)
        buckets[value] = [bucket[0]!, id]
      else if (bucket.length === 2)
        buckets[value] = [bucket[0]!, bucket[1]!, id]
      else
        bucket.push(id)
    }
  }

  /**
   * The ids of the records whose fields hold `value` (a key as made by `keyOf`, or a number, which
   * names the same bucket as its string).
   */
  get(value: string | number): readonly string[] | undefined {
    return this.buckets[value]
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
    const bucket = this.buckets[value]
    if (!bucket) {
      this.buckets[value] = [id]
      return
    }
    if (!isIndexKey(id)) {
      bucket.push(id)
      return
    }
    // Integer-like ids come first, ascending. Records saved in id order go last: no search.
    const n = Number(id)
    const last = bucket[bucket.length - 1]!
    if (isIndexKey(last) && Number(last) < n) {
      bucket.push(id)
      return
    }
    // Else find the first that is not a smaller one.
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
    const bucket = this.buckets[value]
    if (!bucket)
      return
    const at = bucket.indexOf(id)
    if (at !== -1)
      bucket.splice(at, 1)
    if (bucket.length === 0)
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- buckets are keyed by value
      delete this.buckets[value]
  }
}

/**
 * Whether a property key is an array index, which objects order numerically before other keys:
 * digits only, no leading zero, below 2^32 - 1.
 *
 * @internal
 */
export function isIndexKey(key: string): boolean {
  const length = key.length
  if (length === 0 || length > 10 || (length > 1 && key.charCodeAt(0) === 48))
    return false
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i)
    if (code < 48 || code > 57)
      return false
  }
  return length < 10 || Number(key) < 4_294_967_295
}

/**
 * Dev only (the database makes this kind there): an index that tells `onStale` of a record found
 * in a bucket whose key it no longer holds, or no longer there. Every write through the ORM or
 * Pinia's API keeps the index current, so only a change made into the store's records outside
 * `$patch` leaves that behind. A class of its own, so that production's `get()` stays the one
 * line a lookup inlines.
 *
 * @internal
 */
export class CheckedFkIndex extends FkIndex {
  constructor(source: Record<string, StoredRecord>, fields: readonly string[], private readonly onStale: (id: string, key: string, record: StoredRecord | undefined) => void) {
    super(source, fields)
  }

  override get(value: string | number): readonly string[] | undefined {
    const ids = super.get(value)
    if (ids !== undefined) {
      const key = String(value)
      for (const id of ids) {
        const record = recordAt(this.source, id)
        if (record === undefined || keyOf(record, this.fields) !== key) {
          this.onStale(id, key, record)
          break
        }
      }
    }
    return ids
  }
}

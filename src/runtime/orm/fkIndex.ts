import { keyOf } from './keys'
import type { StoredRecord } from './keys'

/**
 * Which records of one entity hold each value of some fields (a foreign key, or an owner key other
 * than the primary key): the index that makes relation lookups O(1) per parent.
 *
 * An index belongs to one store's `data` object (`source`). It is kept up to date by every write
 * through the ORM; when the `data` object itself is replaced (hydration, `fresh`, `$reset`) the
 * index no longer matches its source and is rebuilt on next use.
 *
 * @internal
 */
export class FkIndex {
  /** The data object the index describes; moved along when a write replaces it. */
  source: Record<string, StoredRecord>
  readonly fields: readonly string[]
  private readonly buckets = new Map<string, string[]>()

  constructor(source: Record<string, StoredRecord>, fields: readonly string[]) {
    this.source = source
    this.fields = fields
    for (const id in source)
      this.add(id, source[id]!)
  }

  /** The ids of the records whose fields hold `value` (a key as made by `keyOf`). */
  get(value: string): readonly string[] | undefined {
    return this.buckets.get(value)
  }

  add(id: string, record: StoredRecord): void {
    const value = keyOf(record, this.fields)
    if (value === undefined)
      return
    const bucket = this.buckets.get(value)
    if (bucket)
      bucket.push(id)
    else
      this.buckets.set(value, [id])
  }

  remove(id: string, record: StoredRecord): void {
    const value = keyOf(record, this.fields)
    if (value === undefined)
      return
    const bucket = this.buckets.get(value)
    if (!bucket)
      return
    const at = bucket.indexOf(id)
    if (at !== -1)
      bucket.splice(at, 1)
    if (bucket.length === 0)
      this.buckets.delete(value)
  }

  /** Records that the record `id` changed from `before` (absent when new) to `after` (absent when deleted). */
  update(id: string, before: StoredRecord | undefined, after: StoredRecord | undefined): void {
    if (before && after && keyOf(before, this.fields) === keyOf(after, this.fields))
      return
    if (before)
      this.remove(id, before)
    if (after)
      this.add(id, after)
  }
}

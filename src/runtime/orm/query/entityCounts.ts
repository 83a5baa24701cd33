import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'

interface Count {
  data: Record<string, StoredRecord>
  size: number
}

/**
 * The number of records of each entity, counted once and then kept up to date by the ORM's own
 * writes, so `count()` without constraints is O(1). A count is tied to the very object it counted:
 * when a store's data is replaced (hydration, `$reset`, `fresh`), it is counted again.
 *
 * @internal
 */
export class EntityCounts {
  private readonly counts = new Map<string, Count>()

  /** The number of records in `data`, the current records of `entity`. */
  get(entity: string, data: Record<string, StoredRecord>): number {
    const known = this.counts.get(entity)
    if (known && known.data === data)
      return known.size
    const size = Object.keys(data).length
    this.counts.set(entity, { data, size })
    return size
  }

  /** Follows a write of `changes` (a record to set, `undefined` to delete) about to go into `data`. */
  write(entity: string, data: Record<string, StoredRecord>, changes: ReadonlyMap<string, StoredRecord | undefined>): void {
    const known = this.counts.get(entity)
    if (!known)
      return
    if (known.data !== data) {
      this.counts.delete(entity)
      return
    }
    changes.forEach((record, id) => {
      const exists = hasRecord(data, id)
      if (record === undefined ? exists : !exists)
        known.size += record === undefined ? -1 : 1
    })
  }

  /** Forgets the count of an entity written behind the ORM's back (a `$patch` through Pinia). */
  forget(entity: string): void {
    this.counts.delete(entity)
  }
}

import { isIndexKey } from '../fkIndex'
import { hasRecord } from '../ownRecords'
import type { StoredRecord } from '../keys'

/**
 * The order in which a store's records come out of `Object.values()`: integer-like ids ascending,
 * then the other ids in the order they were added. A query without `orderBy()` returns records in
 * this order, and `orderBy()` keeps it between equal values (a stable sort), so a result kept up to
 * date must place records by it too.
 *
 * @internal
 */
export class StorageOrder {
  private readonly added = new Map<string, number>()
  private next = 0

  constructor(data: Record<string, StoredRecord>) {
    for (const id in data) {
      if (hasRecord(data, id) && !isIndexKey(id))
        this.added.set(id, this.next++)
    }
  }

  /** Records that `id` was added to the store (it goes last among the non-integer ids). */
  add(id: string): void {
    if (!isIndexKey(id))
      this.added.set(id, this.next++)
  }

  /** Records that `id` left the store. */
  remove(id: string): void {
    this.added.delete(id)
  }

  /** Negative when `a` comes before `b` in the store, positive after, 0 for the same id. */
  compare(a: string, b: string): number {
    const aIndex = isIndexKey(a)
    const bIndex = isIndexKey(b)
    if (aIndex && bIndex)
      return Number(a) - Number(b)
    if (aIndex !== bIndex)
      return aIndex ? -1 : 1
    return (this.added.get(a) ?? Number.MAX_SAFE_INTEGER) - (this.added.get(b) ?? Number.MAX_SAFE_INTEGER)
  }
}

/**
 * The position of the first element of the sorted `list` that `compare` does not place before
 * `target`: where `target` goes, or where it is when the list holds it.
 *
 * @internal
 */
export function sortedIndex<T>(list: readonly T[], target: T, compare: (a: T, b: T) => number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(list[middle]!, target) < 0)
      low = middle + 1
    else
      high = middle
  }
  return low
}

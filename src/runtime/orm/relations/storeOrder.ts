// The order a pivot relation lists its related records in. pinia-orm walks the related records in
// their store's order and keeps those a pivot links, so `user.roles` follows the roles store, not
// the order the links were made in. A store is a plain object: keys that are array indexes
// ('0', '7', '12') come first, in ascending order, then the other keys in insertion order.

/** The array index a store key stands for, or -1 when the key is not one. */
function arrayIndex(key: string): number {
  const length = key.length
  if (length === 0 || length > 10 || (length > 1 && key.charCodeAt(0) === 48))
    return -1
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i)
    if (code < 48 || code > 57)
      return -1
  }
  const value = Number(key)
  return value < 4294967295 ? value : -1
}

/** Whether a key of array index `a` (-1: none) comes strictly before one of `b` in a store. */
function before(a: number, b: number): boolean {
  return a !== -1 && (b === -1 || a < b)
}

/**
 * Puts the related record keys `ids` (and, with them, their `pivots`) in the order the related
 * store lists them: array-index keys ascending, first; other keys after them, as they came (their
 * insertion order in the store is not known here, and is the order they came in when links and
 * records are saved together). Costs one pass when they are in order already.
 *
 * @internal
 */
export function _inStoreOrder(ids: string[], pivots: string[]): void {
  const n = ids.length
  if (n < 2)
    return
  let last = -1
  let other = false
  let ordered = true
  for (let i = 0; i < n; i++) {
    const index = arrayIndex(ids[i]!)
    if (index === -1) {
      other = true
    }
    else if (other || index < last) {
      ordered = false
      break
    }
    else {
      last = index
    }
  }
  if (ordered)
    return
  if (n <= 8) {
    // A short list (the usual one) is sorted in place, with nothing allocated.
    for (let i = 1; i < n; i++) {
      const id = ids[i]!
      const pivot = pivots[i]!
      const index = arrayIndex(id)
      let j = i - 1
      while (j >= 0 && before(index, arrayIndex(ids[j]!))) {
        ids[j + 1] = ids[j]!
        pivots[j + 1] = pivots[j]!
        j--
      }
      ids[j + 1] = id
      pivots[j + 1] = pivot
    }
    return
  }
  const rank = ids.map((id, i) => ({ id, pivot: pivots[i]!, index: arrayIndex(id), i }))
  rank.sort((a, b) => {
    if (a.index !== b.index) {
      if (a.index === -1)
        return 1
      if (b.index === -1)
        return -1
      return a.index - b.index
    }
    return a.i - b.i
  })
  for (let i = 0; i < n; i++) {
    ids[i] = rank[i]!.id
    pivots[i] = rank[i]!.pivot
  }
}

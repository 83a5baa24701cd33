/**
 * The edit distance between two names (insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost one), compared without case. Stops early, returning `limit + 1`,
 * once the names are known to be further apart than `limit`.
 */
function distance(a: string, b: string, limit: number): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  if (Math.abs(a.length - b.length) > limit)
    return limit + 1
  // Three rows of the classic table: two rows back (for swaps), the previous one and this one.
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > limit)
      return limit + 1
    before = previous
    previous = row
  }
  return previous[b.length]!
}

/**
 * The known name closest to `name`, for a "did you mean" hint: a typo (`'phnoe'` for `'phone'`),
 * a case slip (`'userid'` for `'userId'`) or a plural (`'phones'` for `'phone'`). `undefined` when
 * no known name is close enough to be a likely slip (about one edit in three letters, at least
 * one), so a hint is never a wild guess. On a tie, the name listed first wins.
 * @internal
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3))
  let closest: string | undefined
  let closestDistance = limit + 1
  for (const candidate of known) {
    if (candidate === name)
      continue
    const d = distance(name, candidate, Math.min(limit, closestDistance))
    if (d < closestDistance) {
      closest = candidate
      closestDistance = d
    }
  }
  return closest
}

/**
 * ` Did you mean 'phone'?` when a known name is close to `name` (see {@link closestName}), else
 * an empty string: ready to append to an error message.
 * @internal
 */
export function didYouMean(name: string, known: Iterable<string>): string {
  const closest = closestName(name, known)
  return closest === undefined ? '' : ` Did you mean '${closest}'?`
}

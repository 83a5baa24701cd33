/**
 * A test of a value against an SQL `LIKE` pattern, as pinia-orm's `whereLike` documents it: `%`
 * matches any run of characters (none included), `_` exactly one; everything else matches itself.
 * Case-insensitive unless `caseSensitive` is set. Numbers are compared by their decimal text.
 *
 * @internal
 */
export function likeMatcher(pattern: string | number, caseSensitive = false): (value: unknown) => boolean {
  let source = '^'
  for (const char of String(pattern)) {
    if (char === '%')
      source += '[\\s\\S]*'
    else if (char === '_')
      source += '[\\s\\S]'
    else
      source += char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
  }
  const regex = new RegExp(`${source}$`, caseSensitive ? 'u' : 'iu')
  return value => (typeof value === 'string' || typeof value === 'number') && regex.test(String(value))
}

/**
 * Whether two lists of field names are the same, in the same order (a loop: no closure per call,
 * as it runs on every relation lookup).
 *
 * @internal
 */
export function sameFields(a: readonly string[], b: readonly string[]): boolean {
  if (a === b)
    return true
  if (a.length !== b.length)
    return false
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i])
      return false
  }
  return true
}

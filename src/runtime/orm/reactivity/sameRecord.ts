import type { StoredRecord } from '../keys'

/**
 * Whether two stored records hold the same values: the same fields, each the same primitive or an
 * equal plain array or object. Saving a record again with the values it has is then no change, so
 * it notifies nothing. Anything else (a `Date`, a class instance) is compared by identity.
 *
 * @internal
 */
export function sameRecord(a: StoredRecord, b: StoredRecord): boolean {
  if (a === b)
    return true
  let count = 0
  for (const field in a) {
    if (!Object.prototype.hasOwnProperty.call(b, field) || !sameValue(a[field], b[field]))
      return false
    count++
  }
  for (const _ in b)
    count--
  return count === 0
}

/**
 * Whether two field values are the same: `Object.is`, or plain arrays and objects holding the same
 * values.
 *
 * @internal
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b))
    return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length)
      return false
    for (let i = 0; i < a.length; i++) {
      if (!sameValue(a[i], b[i]))
        return false
    }
    return true
  }
  if (!isPlain(a) || !isPlain(b))
    return false
  return sameRecord(a as StoredRecord, b as StoredRecord)
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Keys used for the store's `data` object and for foreign-key indexes. Object keys are strings, so
 * a value `1` and a value `'1'` name the same record, as they do for a plain object lookup.
 * A composite key (several fields) is the JSON array of its values: `[1,"a"]`.
 */
import { parseKeyString } from './query/compositeKey'

/** A record as it is kept in the store: attribute names to values. */
export type StoredRecord = Record<string, unknown>

/**
 * The key for a list of fields of a record, or `undefined` when any of them is null or missing
 * (such a record has no key and matches nothing). Values in `overlay`, when given, take
 * precedence over the record's.
 *
 * @internal
 */
export function keyOf(record: StoredRecord, fields: readonly string[], overlay?: StoredRecord): string | undefined {
  if (fields.length === 1) {
    const field = fields[0]!
    const value = overlay?.[field] ?? record[field]
    return value === null || value === undefined ? undefined : String(value)
  }
  let key = '['
  for (let i = 0; i < fields.length; i++) {
    const value = overlay?.[fields[i]!] ?? record[fields[i]!]
    if (value === null || value === undefined)
      return undefined
    key += (i === 0 ? '' : ',') + keyPart(value)
  }
  return `${key}]`
}

/**
 * One value of a composite key as it appears in the key: as JSON (`1`, `"a"`), except a bigint,
 * which JSON cannot carry and which is written as the number it is (`1n` and `1` name the same
 * record, as they do for a single-field key).
 */
function keyPart(value: unknown): string {
  // A finite number is written the same by both, and String makes no JSON on the way.
  if (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'bigint')
    return String(value)
  return JSON.stringify(value) ?? String(value)
}

/**
 * The key for an id given by a caller: a single value for a single-field key, an array of values
 * for a composite one.
 *
 * @internal
 */
export function keyOfId(id: unknown, fields: readonly string[]): string | undefined {
  if (fields.length > 1 && typeof id === 'string')
    id = parseKeyString(id)
  if (fields.length === 1)
    return id === null || id === undefined ? undefined : String(id)
  if (!Array.isArray(id) || id.length !== fields.length || id.some(value => value === null || value === undefined))
    return undefined
  return `[${id.map(keyPart).join(',')}]`
}

/**
 * The keys for what a caller passed to `find`, `whereId` or `destroy`: one id or a list of ids (for
 * a composite key, an id is an array of values and a list is an array of such arrays). `many` says
 * which it was; ids that cannot be keys are left out, or given to `unkeyed` when it is set (a
 * missing id, `null` or `undefined`, is not). A key named twice is kept twice: see
 * {@link distinctKeys}.
 *
 * @internal
 */
export function keysOfIds(ids: unknown, fields: readonly string[], unkeyed?: (id: unknown) => void): { keys: string[], many: boolean } {
  // For a composite key, an array of its length whose first value is no key is one key; any other
  // array (empty, or of another length) is a list, as pinia-orm reads every array given to `find`.
  const many = Array.isArray(ids) && (fields.length === 1 || ids.length !== fields.length || Array.isArray(ids[0]) || parseKeyString(ids[0]) !== undefined)
  const list = (many ? ids : [ids]) as readonly unknown[]
  const keys: string[] = []
  for (const id of list) {
    const key = keyOfId(id, fields)
    if (key !== undefined)
      keys.push(key)
    else if (unkeyed !== undefined && id !== null && id !== undefined)
      unkeyed(id)
  }
  return { keys, many }
}

/**
 * `keys` with each key once, in the order first given: a key named twice in `find()` or `whereId()`
 * counts once, as in pinia-orm (`find([1, 1])` gives one record).
 *
 * @internal
 */
export function distinctKeys(keys: string[]): string[] {
  return keys.length > 1 ? [...new Set(keys)] : keys
}

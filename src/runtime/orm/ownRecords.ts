import type { StoredRecord } from './keys'

/**
 * Reads and writes of an entity's `data` object by record key, which see own properties only.
 *
 * Record keys are whatever ids the app's data has: user-chosen slugs such as `'constructor'`,
 * `'toString'` or `'__proto__'` included. A plain `data[key]` would read those from
 * `Object.prototype`, and `data['__proto__'] = record` would replace the object's prototype
 * instead of storing the record. The `data` object stays a plain object (Pinia, devalue and
 * devtools expect one, and V8 keeps its integer keys fast), so every access by key goes through
 * here instead.
 */

const hasOwn = Object.prototype.hasOwnProperty

/**
 * The record stored under `key`, or `undefined`: never a value inherited from the prototype.
 *
 * @internal
 */
export function recordAt<T = StoredRecord>(data: Record<string, T>, key: string | number): T | undefined {
  // A number names the same property as its string (`data[1]` is `data['1']`); V8 looks an integer
  // up as an array index, with no string made for it.
  return hasOwn.call(data, key) ? data[key] : undefined
}

/**
 * Whether a record is stored under `key`.
 *
 * @internal
 */
export function hasRecord(data: Record<string, unknown>, key: string | number): boolean {
  return hasOwn.call(data, key)
}

/**
 * Stores `record` under `key` as an own property, `'__proto__'` included.
 *
 * @internal
 */
export function setRecord<T = StoredRecord>(data: Record<string, T>, key: string, record: T): void {
  if (key === '__proto__')
    Object.defineProperty(data, key, { value: record, writable: true, enumerable: true, configurable: true })
  else
    data[key] = record
}

/**
 * The records stored under `ids`, keys an index or a relation reader gave. A record deleted from
 * `data` outside `$patch` is still listed by the index (the ORM did not hear of it; dev warns when
 * the index is read): it is left out here, as `where()` leaves it out, rather than read as
 * `undefined`.
 *
 * @internal
 */
export function _recordsAt<T = StoredRecord>(data: Record<string, T>, ids: readonly string[]): T[] {
  const records: T[] = []
  for (let i = 0; i < ids.length; i++) {
    const record = data[ids[i]!]
    if (record !== undefined)
      records.push(record)
  }
  return records
}

import type { StoredRecord } from './keys'
import type { Schema } from './relations/Relation'

/**
 * Which values may be (part of) a primary key: a string, a finite number or a bigint. Record keys
 * are strings, so anything else would be turned into one by `String()`, and two different values
 * would name one record: every object becomes `'[object Object]'`, the array `[1, 2]` becomes
 * `'1,2'`, two symbols with one description become the same string.
 */

/**
 * Whether `value` can be a primary key or a part of a composite one.
 *
 * @internal
 */
export function isKeyValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'bigint':
      return true
    case 'number':
      return Number.isFinite(value)
    default:
      return false
  }
}

/**
 * What a value is, for messages: `an object`, `an array`, `a Date`, `a symbol`, `the number NaN`.
 *
 * @internal
 */
export function describeKeyValue(value: unknown): string {
  if (value === null)
    return 'null'
  if (Array.isArray(value))
    return 'an array'
  switch (typeof value) {
    case 'number':
      return `the number ${String(value)}`
    case 'object': {
      const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name
      return name && name !== 'Object' ? `a ${name}` : 'an object'
    }
    case 'undefined':
      return 'undefined'
    default:
      return `a ${typeof value}`
  }
}

/**
 * The message for a key value that cannot be one.
 *
 * @internal
 */
export function keyValueMessage(schema: Schema, field: string, value: unknown, role = 'primary key'): string {
  const part = schema.primaryKey.length > 1 ? ` (a part of the composite key ${schema.primaryKey.map(name => `'${name}'`).join(', ')})` : ''
  return `${schema.name}'s ${role} '${field}'${part} is ${describeKeyValue(value)}; it must be a string, a finite number or a bigint, or two different records could share one key. Convert it before saving, e.g. to a string.`
}

/**
 * The problem with the primary key a record will be stored under (`keys` overriding `input`), or
 * `undefined` when every part is a string, a finite number or a bigint.
 *
 * @internal
 */
export function primaryKeyProblem(schema: Schema, input: StoredRecord, keys: StoredRecord | undefined): string | undefined {
  const fields = schema.primaryKey
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!
    const value = keys?.[field] ?? input[field]
    if (!isKeyValue(value))
      return keyValueMessage(schema, field, value)
  }
  return undefined
}

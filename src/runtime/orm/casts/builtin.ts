import { CastAttribute } from './CastAttribute'
import { _isoUtcTime } from './isoDate'

function passesThrough(value: unknown): value is null | undefined {
  return value === null || value === undefined
}

/** Turns any value but `null`/`undefined` into a string: `1234` becomes `'1234'`. */
export class StringCast extends CastAttribute<string> {
  override get(value: unknown): string {
    return passesThrough(value) ? value as unknown as string : String(value)
  }

  override set(value: unknown): unknown {
    return this.get(value)
  }
}

/**
 * Turns a value into a number: numeric strings are parsed (`'12.5'` is `12.5`), booleans are 1 or
 * 0, anything else that is not a number is `NaN`. `null`/`undefined` stay as they are.
 */
export class NumberCast extends CastAttribute<number> {
  override get(value: unknown): number {
    if (passesThrough(value) || typeof value === 'number')
      return value as number
    if (typeof value === 'boolean')
      return value ? 1 : 0
    if (typeof value === 'string' && value.trim() !== '')
      return Number(value)
    return Number.NaN
  }

  override set(value: unknown): unknown {
    return this.get(value)
  }
}

/**
 * Turns a value into a boolean: the strings `'true'`/`'1'` and `'false'`/`'0'`/`''` as they read,
 * numbers by `!== 0`, anything else by JavaScript truthiness. `null`/`undefined` stay.
 */
export class BooleanCast extends CastAttribute<boolean> {
  override get(value: unknown): boolean {
    if (passesThrough(value) || typeof value === 'boolean')
      return value as boolean
    if (typeof value === 'string') {
      const text = value.trim().toLowerCase()
      return !(text === '' || text === 'false' || text === '0')
    }
    return Boolean(value)
  }

  override set(value: unknown): unknown {
    return this.get(value)
  }
}

/**
 * An array or object kept as a JSON string in the store and parsed on instances, for data that
 * travels as JSON text. A string that is not valid JSON is kept as it is.
 */
export class ArrayCast extends CastAttribute<unknown[] | Record<string, unknown>> {
  override get(value: unknown): unknown[] | Record<string, unknown> {
    if (typeof value !== 'string')
      return value as unknown[]
    try {
      return JSON.parse(value) as unknown[]
    }
    catch {
      return value as unknown as unknown[]
    }
  }

  override set(value: unknown): unknown {
    if (passesThrough(value) || typeof value === 'string')
      return value
    const json = JSON.stringify(value)
    // A symbol, a function, or an object whose toJSON() gives undefined: JSON has no text for it.
    if (json === undefined)
      throw new TypeError('JSON has no text for it; store an array, an object or a string')
    return json
  }
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * A date kept as an ISO 8601 string in the store (so it crosses JSON and SSR payloads as text) and
 * a `Date` on instances. A `Date`, a timestamp in milliseconds or a date string are accepted.
 * `null`/`undefined` stay as they are; saving a value that is no date (`'abc'`, `true`, an invalid
 * `Date`) throws, naming the model and field, and writes nothing (pinia-orm throws too).
 */
export class DateCast extends CastAttribute<Date> {
  override get(value: unknown): Date {
    if (passesThrough(value) || value instanceof Date)
      return value as Date
    if (typeof value === 'string') {
      const time = _isoUtcTime(value)
      return new Date(time === undefined ? value : time)
    }
    return typeof value === 'number' ? new Date(value) : value as Date
  }

  override set(value: unknown): unknown {
    // Already the stored form (a record read and saved again): no parse, no new string.
    if (passesThrough(value) || (typeof value === 'string' && ISO_UTC.test(value)))
      return value
    const date = this.get(value)
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw new TypeError('it is not a date. Give a Date, a timestamp in milliseconds, a date string (ISO 8601) or null.')
    return date.toISOString()
  }
}

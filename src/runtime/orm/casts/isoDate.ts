/**
 * The time of an ISO 8601 UTC string exactly as `Date#toISOString()` writes it for years 0-9999
 * (`2026-01-02T03:04:05.678Z`, what the date cast stores), read digit by digit; `undefined` for any
 * other string, which `new Date()` then parses. Reading every stored date of a large read through
 * the engine's general date parser costs about as much as the rest of the read.
 *
 * @internal
 */
export function _isoUtcTime(value: string): number | undefined {
  if (value.length !== 24 || value.charCodeAt(23) !== 90 /* Z */ || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45
    || value.charCodeAt(10) !== 84 /* T */ || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58 || value.charCodeAt(19) !== 46)
    return undefined
  const year = digits(value, 0, 4)
  const month = digits(value, 5, 2)
  const day = digits(value, 8, 2)
  const hour = digits(value, 11, 2)
  const minute = digits(value, 14, 2)
  const second = digits(value, 17, 2)
  const millisecond = digits(value, 20, 3)
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59 || millisecond < 0)
    return undefined
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
  // Date.UTC maps years 0-99 to 1900-1999.
  return year < 100 ? new Date(time).setUTCFullYear(year) : time
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : DAYS[month - 1]!
}

/** The number written by `length` decimal digits at `start`, or -1 when one is not a digit. */
function digits(value: string, start: number, length: number): number {
  let result = 0
  for (let i = start; i < start + length; i++) {
    const code = value.charCodeAt(i) - 48
    if (code < 0 || code > 9)
      return -1
    result = result * 10 + code
  }
  return result
}

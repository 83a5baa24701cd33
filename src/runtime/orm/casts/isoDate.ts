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
  const century = twoDigits(value, 0)
  const yearOfCentury = twoDigits(value, 2)
  const month = twoDigits(value, 5)
  const day = twoDigits(value, 8)
  const hour = twoDigits(value, 11)
  const minute = twoDigits(value, 14)
  const second = twoDigits(value, 17)
  const centiseconds = twoDigits(value, 20)
  const lastDigit = value.charCodeAt(22) - 48
  if (century < 0 || yearOfCentury < 0 || centiseconds < 0 || lastDigit < 0 || lastDigit > 9)
    return undefined
  const year = century * 100 + yearOfCentury
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined
  return daysSinceEpoch(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + centiseconds * 10 + lastDigit
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, by whole 400-year eras
 * (146,097 days each) of years that start in March, so that the leap day ends the year. Plain
 * arithmetic: no call into the engine's date code.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year
  const era = Math.floor(shifted / 400)
  const yearOfEra = shifted - era * 400
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : DAYS[month - 1]!
}

/** The number two decimal digits at `start` write, or -1 when one is not a digit. */
function twoDigits(value: string, start: number): number {
  const tens = value.charCodeAt(start) - 48
  const units = value.charCodeAt(start + 1) - 48
  return tens < 0 || tens > 9 || units < 0 || units > 9 ? -1 : tens * 10 + units
}

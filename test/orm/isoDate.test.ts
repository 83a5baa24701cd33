// The date cast's fast reading of the ISO strings it stores: the same time as the engine's parser.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { _isoUtcTime } from '../../src/runtime/orm/casts/isoDate'

describe('reading a stored ISO date', () => {
  it('gives the time Date.parse gives for every string toISOString writes for years 0 to 9999', () => {
    fc.assert(fc.property(fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
      const iso = date.toISOString()
      expect(_isoUtcTime(iso)).toBe(Date.parse(iso))
    }), { numRuns: 2000 })
  })

  it('leaves every other string to the engine\'s parser', () => {
    for (const value of ['2026-02-30T00:00:00.000Z', '2025-02-29T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000+01:00', '+012026-01-01T00:00:00.000Z', '2026-01-01 00:00:00.000Z', '2026-0a-01T00:00:00.000Z', '2026-01-01T00:00:00.0a0Z', '2026-01-01T00:00:00.00aZ', '2026-01-01T0-:00:00.000Z', '', 'x'.repeat(24)])
      expect(_isoUtcTime(value)).toBeUndefined()
    expect(_isoUtcTime('2024-02-29T12:00:00.000Z')).toBe(Date.parse('2024-02-29T12:00:00.000Z'))
    expect(_isoUtcTime('0050-06-01T00:00:00.000Z')).toBe(Date.parse('0050-06-01T00:00:00.000Z'))
    expect(_isoUtcTime('0000-02-29T23:59:59.999Z')).toBe(Date.parse('0000-02-29T23:59:59.999Z'))
    expect(_isoUtcTime('1969-12-31T23:59:59.999Z')).toBe(-1)
  })
})

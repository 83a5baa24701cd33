// Version 1 UUIDs of nuxt-pinia-orm/uuid/v1: the layout of RFC 9562 and a clock that never repeats.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { _createV1Generator, _formatV1 } from '../../src/runtime/orm/uuid/v1Clock'

/** The time a v1 UUID carries, in 100-ns steps since 1970 (the inverse of the layout, read by hand). */
function ticksOf(uuid: string): bigint {
  const [low, mid, high] = uuid.split('-') as [string, string, string]
  const gregorian = (BigInt(`0x${high}`) & 0x0FFFn) << 48n | BigInt(`0x${mid}`) << 32n | BigInt(`0x${low}`)
  return gregorian - 12_219_292_800_000n * 10_000n
}

afterEach(() => {
  // Only the clock: the console spies of test/setup stay.
  vi.mocked(Date.now).mockRestore?.()
})

describe('_formatV1', () => {
  it('lays out RFC 9562\'s example UUIDv1 (appendix A.1) from its time, clock sequence and node', () => {
    // 2022-02-22 14:22:22 GMT-05:00, clock sequence 0x33C8, node 9F6BDECED846.
    expect(_formatV1(Date.UTC(2022, 1, 22, 19, 22, 22), 0, 0x33C8, [0x9F, 0x6B, 0xDE, 0xCE, 0xD8, 0x46]))
      .toBe('c232ab00-9414-11ec-b3c8-9f6bdeced846')
  })
})

describe('_createV1Generator', () => {
  it('makes version 1, RFC variant ids with the time of their making and one random multicast node', () => {
    const next = _createV1Generator({})
    const before = BigInt(Date.now()) * 10_000n
    const ids = Array.from({ length: 20 }, next)
    const after = (BigInt(Date.now()) + 1n) * 10_000n
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(ticksOf(id) >= before && ticksOf(id) < after).toBe(true)
    }
    const nodes = new Set(ids.map(id => id.slice(24)))
    expect(nodes.size).toBe(1)
    // The multicast bit is the lowest bit of the node's first byte.
    expect(Number.parseInt(ids[0]!.slice(24, 26), 16) & 1).toBe(1)
    expect(new Set(ids.map(id => id.slice(19, 23))).size).toBe(1)
  })

  it('gives strictly increasing timestamps, within one millisecond and across 10,000 ids in it', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000)
    const next = _createV1Generator({})
    const ticks = Array.from({ length: 10_002 }, () => ticksOf(next()))
    expect(ticks.slice(1).every((tick, i) => tick - ticks[i]! === 1n)).toBe(true)
    expect(ticks[0]).toBe(1_700_000_000_000n * 10_000n)
    // The 10,001st id carries into the next millisecond.
    expect(ticks[10_000]).toBe(1_700_000_000_001n * 10_000n)
  })

  it('keeps counting up when the system clock goes back, instead of repeating a time', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_500)
    const next = _createV1Generator({})
    const first = ticksOf(next())
    now.mockReturnValue(1_700_000_000_000)
    expect(ticksOf(next())).toBe(first + 1n)
    now.mockReturnValue(1_700_000_001_000)
    expect(ticksOf(next())).toBe(1_700_000_001_000n * 10_000n)
  })

  it('uses the node, clock sequence and time it is given', () => {
    const next = _createV1Generator({ node: [1, 2, 3, 4, 5, 6], clockseq: 0x1234, msecs: Date.UTC(2022, 1, 22, 19, 22, 22) })
    expect(next()).toBe('c232ab00-9414-11ec-9234-010203040506')
    expect(next()).toBe('c232ab01-9414-11ec-9234-010203040506')
    expect(_createV1Generator({ node: [1, 2, 3, 4, 5, 6], clockseq: 0, msecs: 0, nsecs: 7 })()).toBe('13814007-1dd2-11b2-8000-010203040506')
  })

  it('refuses options it does not take or cannot use, naming them', () => {
    expect(() => _createV1Generator({ node: [1, 2, 3] })).toThrow('the option node needs 6 bytes')
    expect(() => _createV1Generator({ clockseq: 0x4000 })).toThrow('the option clockseq needs a whole number from 0 to 16383')
    expect(() => _createV1Generator({ nsecs: 10_000 })).toThrow('the option nsecs needs a whole number from 0 to 9999')
    expect(() => _createV1Generator({ rng: () => [] } as never)).toThrow('got \'rng\', which it does not take')
  })
})

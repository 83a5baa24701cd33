import { createOrmError } from '../errors'

/** Options of the v1 `UidCast`, as the `uuid` package names them. */
export interface V1Options {
  /** The node id: 6 bytes. @default 6 random bytes with the multicast bit set (RFC 9562, 6.10) */
  node?: readonly number[] | Uint8Array
  /** The clock sequence, 0 to 0x3FFF. @default a random one */
  clockseq?: number
  /** The time in milliseconds since the epoch. @default `Date.now()` */
  msecs?: number
  /** 100-nanosecond intervals (0 to 9999) added to `msecs`. @default counted up within a millisecond */
  nsecs?: number
}

/** Milliseconds from the start of the Gregorian calendar (1582-10-15), where v1 time starts, to 1970. */
const GREGORIAN_TO_UNIX_MS = 12_219_292_800_000n

function hex(value: bigint | number, digits: number): string {
  return value.toString(16).padStart(digits, '0')
}

/**
 * A version 1 UUID (RFC 9562, 5.1): the 60-bit count of 100-ns intervals since 1582-10-15 split into
 * time_low, time_mid and time_high (after the version nibble 1), the variant bits 10 and the 14-bit
 * clock sequence, then the 6-byte node. BigInt, because the count needs 57 bits.
 *
 * @internal
 */
export function _formatV1(msecs: number, nsecs: number, clockseq: number, node: ArrayLike<number>): string {
  const ticks = (BigInt(msecs) + GREGORIAN_TO_UNIX_MS) * 10_000n + BigInt(nsecs)
  const timeLow = ticks & 0xFFFF_FFFFn
  const timeMid = (ticks >> 32n) & 0xFFFFn
  const timeHigh = ((ticks >> 48n) & 0x0FFFn) | 0x1000n
  const clock = (clockseq & 0x3FFF) | 0x8000
  return `${hex(timeLow, 8)}-${hex(timeMid, 4)}-${hex(timeHigh, 4)}-${hex(clock, 4)}-${Array.from(node, byte => hex(byte, 2)).join('')}`
}

/**
 * A generator of version 1 UUIDs with its own clock. Its ids are unique and their timestamps
 * strictly increase: an id made in the same millisecond as the previous one (or when the system
 * clock went back) counts on in 100-ns steps from the previous one, carrying into the next
 * millisecond after 10,000. The state is that clock, the node id and the clock sequence, kept in
 * this closure (one per cast, so per model), never at module level; it holds no record data.
 *
 * @internal
 */
export function _createV1Generator(options: V1Options): () => string {
  const { node, clockseq, msecs, nsecs } = checkV1Options(options)
  let lastMs = Number.NEGATIVE_INFINITY
  let lastNs = 0
  return () => {
    if (nsecs !== undefined)
      return _formatV1(msecs ?? Date.now(), nsecs, clockseq, node)
    const now = msecs ?? Date.now()
    if (now > lastMs) {
      lastMs = now
      lastNs = 0
    }
    else if (++lastNs === 10_000) {
      lastMs++
      lastNs = 0
    }
    return _formatV1(lastMs, lastNs, clockseq, node)
  }
}

function checkV1Options(options: V1Options): { node: Uint8Array, clockseq: number, msecs?: number, nsecs?: number } {
  const { node, clockseq, msecs, nsecs, ...others } = options
  const fail = (option: string, need: string, value: unknown) =>
    createOrmError(`UidCast of nuxt-pinia-orm/uuid/v1: the option ${option} needs ${need}, not ${String(value)}.`)
  const unknown = Object.keys(others)
  if (unknown.length > 0)
    throw createOrmError(`UidCast of nuxt-pinia-orm/uuid/v1 got ${unknown.map(key => `'${key}'`).join(', ')}, which it does not take (uuid's random, rng, buf and offset are not supported). Its options are node, clockseq, msecs and nsecs.`)
  if (node !== undefined && (node.length !== 6 || !Array.from(node).every(byte => Number.isInteger(byte) && byte >= 0 && byte <= 255)))
    throw fail('node', '6 bytes (numbers 0 to 255)', node)
  if (clockseq !== undefined && (!Number.isInteger(clockseq) || clockseq < 0 || clockseq > 0x3FFF))
    throw fail('clockseq', 'a whole number from 0 to 16383 (0x3FFF)', clockseq)
  if (msecs !== undefined && (!Number.isInteger(msecs) || msecs < -12_219_292_800_000))
    throw fail('msecs', 'a whole number of milliseconds since 1970, no earlier than 1582-10-15', msecs)
  if (nsecs !== undefined && (!Number.isInteger(nsecs) || nsecs < 0 || nsecs > 9999))
    throw fail('nsecs', 'a whole number from 0 to 9999', nsecs)
  const random = globalThis.crypto.getRandomValues(new Uint8Array(8))
  const ownNode = node === undefined ? random.slice(0, 6) : Uint8Array.from(node)
  // A random node is marked as not an IEEE 802 address by the multicast bit (RFC 9562, 6.10).
  if (node === undefined)
    ownNode[0] = ownNode[0]! | 0x01
  return { node: ownNode, clockseq: clockseq ?? (((random[6]! << 8) | random[7]!) & 0x3FFF), msecs, nsecs }
}

import { createOrmError } from './errors'

/** Options of `this.uid()`, as pinia-orm takes them. */
export interface UidOptions {
  /**
   * The length of the id.
   * @default 21
   */
  size?: number
  /**
   * The characters an id is made of.
   * @default 'A-Z a-z 0-9 _ -' (64 characters, safe in URLs)
   */
  alphabet?: string
}

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/**
 * A random id, as pinia-orm's `this.uid()` makes it: `size` characters (21 unless given) of the
 * alphabet (the 64 URL-safe ones unless given), each drawn uniformly from `crypto.getRandomValues`
 * (pinia-orm draws from `Math.random`).
 *
 * @internal
 */
export function generateUid(options?: UidOptions): string {
  return randomString(options?.size ?? 21, options?.alphabet ?? URL_ALPHABET)
}

/**
 * An RFC 4122 version 4 UUID (`nuxt-pinia-orm/uuid/v4`).
 *
 * `crypto.randomUUID` is only exposed to secure contexts in browsers (https or localhost), so an app
 * served over plain http on a LAN address falls back to formatting bytes from
 * `crypto.getRandomValues`, which every context has.
 *
 * @internal
 */
export function generateUuid(): string {
  const crypto = globalThis.crypto
  if (typeof crypto.randomUUID === 'function')
    return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0F) | 0x40
  bytes[8] = (bytes[8]! & 0x3F) | 0x80
  const hex = Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * `size` characters of `alphabet`, uniformly: random bytes are masked to the smallest power of two
 * that covers the alphabet and those that fall outside it are drawn again (no modulo bias).
 *
 * @internal
 */
export function randomString(size: number, alphabet: string): string {
  if (!Number.isInteger(size) || size < 1)
    throw createOrmError(`this.uid({ size }) needs a positive whole number, not ${String(size)}.`)
  const chars = [...alphabet]
  if (chars.length < 2 || chars.length > 256)
    throw createOrmError(`this.uid({ alphabet }) needs 2 to 256 characters, not ${chars.length}.`)
  const mask = (2 << Math.floor(Math.log2(chars.length - 1))) - 1
  let id = ''
  let count = 0
  while (count < size) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(Math.ceil(1.6 * mask * size / chars.length)))
    for (const byte of bytes) {
      const char = chars[byte & mask]
      if (char !== undefined) {
        id += char
        if (++count === size)
          break
      }
    }
  }
  return id
}

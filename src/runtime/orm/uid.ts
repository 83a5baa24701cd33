/**
 * A random RFC 4122 version 4 UUID.
 *
 * `crypto.randomUUID` is only exposed to secure contexts in browsers (https or localhost), so an app
 * served over plain http on a LAN address falls back to formatting bytes from
 * `crypto.getRandomValues`, which every context has.
 *
 * @internal
 */
export function generateUid(): string {
  const crypto = globalThis.crypto
  if (typeof crypto.randomUUID === 'function')
    return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0F) | 0x40
  bytes[8] = (bytes[8]! & 0x3F) | 0x80
  const hex = Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * Strings with lone surrogates through the Nuxt payload.
 *
 * A JavaScript string may hold a lone surrogate (half of a UTF-16 pair, as in `'hi \uD800'`,
 * from a truncated emoji, say). The payload is written into the HTML as UTF-8, which cannot encode
 * one, so the browser would read U+FFFD instead. Such a string travels escaped instead: each lone
 * surrogate as `\uXXXX` and each backslash doubled, and is unescaped when the payload is read.
 * Other strings travel untouched.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const TO_ESCAPE = /\\|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ESCAPED = /\\(\\|u[\dA-F]{4})/g

/**
 * The escaped form of a string that holds a lone surrogate, or `false` for any other value (the
 * answer a payload reducer gives for values it leaves alone).
 */
export function escapeLoneSurrogates(value: unknown): string | false {
  if (typeof value !== 'string' || !LONE_SURROGATE.test(value))
    return false
  return value.replace(TO_ESCAPE, char => char === '\\' ? '\\\\' : `\\u${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The string {@link escapeLoneSurrogates} escaped. */
export function unescapeLoneSurrogates(escaped: string): string {
  return escaped.replace(ESCAPED, (_, code: string) => code === '\\' ? '\\' : String.fromCharCode(Number.parseInt(code.slice(1), 16)))
}

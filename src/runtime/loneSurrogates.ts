/**
 * Strings with lone surrogates through the Nuxt payload.
 *
 * A JavaScript string may hold a lone surrogate (half of a UTF-16 pair, as in `'hi \uD800'`,
 * from a truncated emoji, say). The payload is written into the HTML as UTF-8, which cannot encode
 * one, so the browser would read U+FFFD instead. Such a string travels escaped instead: each lone
 * surrogate as `\uXXXX` and each backslash doubled, and is unescaped when the payload is read.
 * Other strings travel untouched.
 */

// Any surrogate at all: a quick test that lets almost every string through untouched.
const SURROGATE = /[\uD800-\uDFFF]/
const ESCAPED = /\\(\\|u[\dA-F]{4})/g

/** The length of the lone surrogate at `i` (1), of the valid pair there (2), or 0 for neither. */
function surrogateAt(text: string, i: number): 0 | 1 | 2 {
  const code = text.charCodeAt(i)
  if (code < 0xD800 || code > 0xDFFF)
    return 0
  if (code <= 0xDBFF) {
    const next = text.charCodeAt(i + 1)
    return next >= 0xDC00 && next <= 0xDFFF ? 2 : 1
  }
  return 1
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const length = surrogateAt(text, i)
    if (length === 1)
      return true
    i += length === 2 ? 1 : 0
  }
  return false
}

/**
 * The escaped form of a string that holds a lone surrogate, or `false` for any other value (the
 * answer a payload reducer gives for values it leaves alone).
 */
export function escapeLoneSurrogates(value: unknown): string | false {
  if (typeof value !== 'string' || !SURROGATE.test(value) || !hasLoneSurrogate(value))
    return false
  let escaped = ''
  for (let i = 0; i < value.length; i++) {
    const length = surrogateAt(value, i)
    if (length === 1)
      escaped += `\\u${value.charCodeAt(i).toString(16).toUpperCase()}`
    else if (length === 2)
      escaped += value[i]! + value[++i]!
    else
      escaped += value[i] === '\\' ? '\\\\' : value[i]
  }
  return escaped
}

/** The string {@link escapeLoneSurrogates} escaped. */
export function unescapeLoneSurrogates(escaped: string): string {
  return escaped.replace(ESCAPED, (_, code: string) => code === '\\' ? '\\' : String.fromCharCode(Number.parseInt(code.slice(1), 16)))
}

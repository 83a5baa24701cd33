// Lone surrogates through the Nuxt payload (issue #8, case 8): the payload is written into the
// HTML as UTF-8, which has no encoding for half of a UTF-16 pair.
import { parse, stringify } from 'devalue'
import { describe, expect, it } from 'vitest'
import { escapeLoneSurrogates, unescapeLoneSurrogates } from '../../src/runtime/loneSurrogates'

/** What the browser reads back: the payload as devalue writes it, through UTF-8 bytes. */
function throughHtml(value: unknown, withPlugin: boolean): unknown {
  const text = stringify(value, withPlugin ? { NuxtPiniaOrmString: escapeLoneSurrogates } : {})
  const received = new TextDecoder().decode(new TextEncoder().encode(text))
  return parse(received, withPlugin ? { NuxtPiniaOrmString: unescapeLoneSurrogates } : {})
}

const HOSTILE = [
  'hi \uD800',
  '\uDC00 at the start',
  'a high \uDBFF then a low \uDC00 apart: \uDC00\uD800',
  'a backslash \\ and the text \\uD800 beside a real \uD800',
  'a valid pair 😀 and a lone half \uD83D',
  '</script><script>alert(1)</script> \uDFFF',
]

describe('strings with lone surrogates in the payload', () => {
  it('arrive as U+FFFD without the payload plugin (the bug)', () => {
    expect(throughHtml({ name: 'hi \uD800' }, false)).toEqual({ name: 'hi \uFFFD' })
  })

  it('arrive exactly as they were with the plugin, wherever they are in the payload', () => {
    const value = { strings: HOSTILE, nested: { deep: [{ name: HOSTILE[0] }] }, map: new Map([['k', HOSTILE[2]]]) }
    expect(throughHtml(value, true)).toEqual(value)
  })

  it('leave every other value to devalue as it is', () => {
    for (const value of ['plain', 'a \\ backslash', 'pair 😀', '', 0, null, undefined, {}, ['\\u0041']])
      expect(escapeLoneSurrogates(value)).toBe(false)
    expect(stringify({ a: 'x\\y' }, { NuxtPiniaOrmString: escapeLoneSurrogates })).toBe(stringify({ a: 'x\\y' }))
  })

  it('escape to well-formed text that unescapes to the same string', () => {
    for (const value of HOSTILE) {
      const escaped = escapeLoneSurrogates(value) as string
      expect(new TextDecoder().decode(new TextEncoder().encode(escaped))).toBe(escaped)
      expect(unescapeLoneSurrogates(escaped)).toBe(value)
    }
  })
})

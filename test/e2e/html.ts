import { parse } from 'devalue'
import { unpackEntityState } from '../../src/runtime/orm'
import { unescapeLoneSurrogates } from '../../src/runtime/loneSurrogates'

const ENTITIES: Record<string, string> = { '&quot;': '"', '&#39;': '\'', '&lt;': '<', '&gt;': '>', '&amp;': '&' }

function decode(text: string): string {
  return text.replace(/&(?:quot|#39|lt|gt|amp);/g, entity => ENTITIES[entity] ?? entity)
}

/** The text of the first element carrying `data-test="<name>"`, HTML entities decoded. */
export function testText(html: string, name: string): string {
  const match = new RegExp(`<(\\w+)[^>]*data-test="${name}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html)
  if (!match)
    throw new Error(`No element with data-test="${name}" in the page`)
  return decode(match[2]!)
}

/** The JSON of a `data-test` element, parsed. */
export function testJson(html: string, name: string): unknown {
  return JSON.parse(testText(html, name))
}

// Nuxt wraps reactive values of the payload in these types; the wrappers do not matter here.
// Entity stores travel packed and are unpacked as the module's browser plugin does, and strings with
// lone surrogates travel escaped.
const NUXT_REVIVERS = {
  ...Object.fromEntries(['ShallowReactive', 'Reactive', 'Ref', 'ShallowRef'].map(type => [type, (value: unknown) => value])),
  NuxtPiniaOrmEntity: unpackEntityState,
  NuxtPiniaOrmString: unescapeLoneSurrogates,
  // A model instance in other payload data: its entity and fields, as the module's reducer sends it.
  NuxtPiniaOrmModel: (value: unknown) => value,
}

/** The Nuxt payload inlined in a server-rendered page, parsed as the browser would. */
export function nuxtPayload(html: string): Record<string, unknown> {
  const match = /<script type="application\/json"[^>]*id="__NUXT_DATA__"[^>]*>([\s\S]*?)<\/script>/.exec(html)
  if (!match)
    throw new Error('No Nuxt payload in the page')
  return parse(match[1]!, NUXT_REVIVERS)
}

/** The raw (still serialized) Nuxt payload of a page. */
export function rawNuxtPayload(html: string): string {
  return /id="__NUXT_DATA__"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? ''
}

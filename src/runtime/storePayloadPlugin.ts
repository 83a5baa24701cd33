import type { Pinia } from 'pinia'
import { definePayloadPlugin, definePayloadReducer, definePayloadReviver } from '#app'
import { packEntityState, unpackEntityState } from './orm'
import type { PackedEntity } from './orm'
import { escapeLoneSurrogates, unescapeLoneSurrogates } from './loneSurrogates'

/**
 * Packs each entity store in the payload: @pinia/nuxt sends Pinia's state as it is, where every
 * record repeats its field names; this sends them once per entity and a row of values per record
 * (`packEntityState`). The browser unpacks while it reads the payload, before Pinia takes the
 * state, so the stores start with exactly the server's records, in the same order.
 *
 * Strings with lone surrogates, which the payload's UTF-8 would turn into U+FFFD, travel escaped
 * (`loneSurrogates.ts`), so every value, in the stores or elsewhere in the payload, arrives as it was.
 */
export default definePayloadPlugin((nuxtApp) => {
  if (import.meta.server) {
    definePayloadReducer('NuxtPiniaOrmEntity', (value: unknown) =>
      packEntityState(nuxtApp.$pinia as Pinia, value) ?? false)
    definePayloadReducer('NuxtPiniaOrmString', escapeLoneSurrogates)
  }
  else {
    definePayloadReviver('NuxtPiniaOrmEntity', (packed: PackedEntity) => unpackEntityState(packed))
    definePayloadReviver('NuxtPiniaOrmString', unescapeLoneSurrogates)
  }
})

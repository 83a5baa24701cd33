import type { Pinia } from 'pinia'
import { definePayloadPlugin, definePayloadReducer, definePayloadReviver } from '#app'
import { packEntityState, unpackEntityState } from './orm'
import type { PackedEntity } from './orm'

/**
 * Packs each entity store in the payload: @pinia/nuxt sends Pinia's state as it is, where every
 * record repeats its field names; this sends them once per entity and a row of values per record
 * (`packEntityState`). The browser unpacks while it reads the payload, before Pinia takes the
 * state, so the stores start with exactly the server's records, in the same order.
 */
export default definePayloadPlugin((nuxtApp) => {
  if (import.meta.server) {
    definePayloadReducer('NuxtPiniaOrmEntity', (value: unknown) =>
      packEntityState(nuxtApp.$pinia as Pinia, value) ?? false)
  }
  else {
    definePayloadReviver('NuxtPiniaOrmEntity', (packed: PackedEntity) => unpackEntityState(packed))
  }
})

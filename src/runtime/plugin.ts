/// <reference types="vite/client" />
import type { Pinia } from 'pinia'
import { defineNuxtPlugin } from '#app'
import { modelFiles } from '#build/nuxt-pinia-orm/models.mjs'
import ormOptions from '#build/nuxt-pinia-orm/options.mjs'
import { createORM } from './orm'
import { registerModelFiles } from './modelFiles'

/**
 * Registers every scanned model with the Pinia of the app, so each entity store exists before any
 * other plugin, middleware or page runs. On the server it runs once per request, with that
 * request's Pinia; in the browser once, after Pinia has taken the server's state from the payload.
 */
export default defineNuxtPlugin({
  name: 'nuxt-pinia-orm',
  dependsOn: ['pinia'],
  setup(nuxtApp) {
    const pinia = nuxtApp.$pinia as Pinia
    // piniaOrm's inline options, then the options file's (installed later, they win).
    for (const options of ormOptions) {
      if (options)
        pinia.use(createORM(options))
    }
    registerModelFiles(pinia, modelFiles)

    if (import.meta.hot) {
      // An edited model file gives new classes with the same entities: they take over, the
      // records in the stores stay.
      import.meta.hot.accept('#build/nuxt-pinia-orm/models.mjs', (updated) => {
        if (updated)
          registerModelFiles(pinia, updated.modelFiles as typeof modelFiles, { replace: true })
      })
    }
  },
})

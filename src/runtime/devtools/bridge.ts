/// <reference types="vite/client" />
import type { Pinia } from 'pinia'
import { defineNuxtPlugin } from '#app'
import { modelFiles } from '#build/nuxt-pinia-orm/models.mjs'
import type { ModelClass } from '../orm'
import { createInspector } from './inspector'
import { DEVTOOLS_GLOBAL } from './page'
import { mountDevtoolsView } from './view'

/**
 * In dev, in the browser: lets the DevTools tab's page (an iframe on the app's origin) find this
 * app's Pinia. The page calls `mount(document)` on the global this sets, and the view renders
 * into the page from here. Not added to production builds.
 */
export default defineNuxtPlugin({
  name: 'nuxt-pinia-orm:devtools',
  dependsOn: ['nuxt-pinia-orm'],
  setup(nuxtApp) {
    let files = modelFiles
    const fileOf = (model: ModelClass) =>
      files.find(file => Object.values(file.exports).includes(model))?.file ?? null
    const inspector = createInspector(nuxtApp.$pinia as Pinia, fileOf)
    Object.defineProperty(window, DEVTOOLS_GLOBAL, {
      configurable: true,
      value: { mount: (doc: Document) => mountDevtoolsView(doc, inspector) },
    })
    // Accepting the models module keeps an edited model file a hot update instead of a reload.
    if (import.meta.hot) {
      import.meta.hot.accept('#build/nuxt-pinia-orm/models.mjs', (updated) => {
        if (updated)
          files = updated.modelFiles as typeof modelFiles
      })
    }
  },
})

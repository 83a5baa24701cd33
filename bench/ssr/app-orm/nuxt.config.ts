// The SSR benchmark page through nuxt-pinia-orm (imported from source).
// Everything else is the same as in ../app-pinia.
export default defineNuxtConfig({
  modules: ['../../../src/module'],
  // The package root's .nuxtrc turns auto-imports off; both bench apps turn them on.
  imports: { autoImport: true },
  devtools: { enabled: false },
  compatibilityDate: '2025-01-01',
  telemetry: false,
})

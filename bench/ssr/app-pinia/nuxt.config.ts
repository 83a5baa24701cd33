// The SSR benchmark page on a bare Pinia store: the reference the module is
// measured against. Everything else is the same as in ../app-orm.
export default defineNuxtConfig({
  modules: ['@pinia/nuxt'],
  // The package root's .nuxtrc turns auto-imports off; both bench apps turn them on.
  imports: { autoImport: true },
  devtools: { enabled: false },
  compatibilityDate: '2025-01-01',
  telemetry: false,
})

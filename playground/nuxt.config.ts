// The playground: `npm run dev` at the package root starts it with the module from source.
export default defineNuxtConfig({
  modules: ['../src/module'],
  // The package root's .nuxtrc turns auto-imports off (for the module's own sources); the
  // playground is an app like any other and uses them.
  imports: { autoImport: true },
  devtools: { enabled: true },
  css: ['~/assets/playground.css'],
  compatibilityDate: '2025-01-01',
})

/**
 * `nuxt-pinia-orm/orm` as the app's own code imports it in a Nuxt app (the module aliases the
 * specifier here; Nitro's server code keeps the core). A pinia-orm app switches
 * `import { useRepo } from 'pinia-orm'` to this specifier, so `useRepo`, `transaction` and
 * `optimistic` are the Nuxt-aware ones the app also gets as auto-imports: they find the request's
 * Pinia through the Nuxt app, and on the server, outside a Nuxt context, they throw instead of
 * taking Pinia's active instance, which may be another request's. Everything else is the core,
 * the same classes and functions.
 *
 * This is the one place that re-exports with `*`: it is the core's public API (listed by name in
 * `orm/index.ts`) with three names replaced, and it must follow that list as it grows. The
 * explicit exports below take precedence over the star export, as ES modules specify.
 */
export * from './orm'
export { useRepo, transaction, optimistic } from './composables'

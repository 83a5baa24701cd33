import type { Pinia } from 'pinia'
import { createOrmError } from './orm/errors'

/**
 * The Pinia of a Nuxt app, for the Nuxt-aware `useRepo`, `transaction` and `optimistic`: the
 * request's on the server, the app's in the browser. Throws, saying what to do, when there is none
 * where one is needed:
 * - in a Nuxt context before @pinia/nuxt's plugin ran (a plugin with `enforce: 'pre'`);
 * - on the server outside a Nuxt context (after an `await` in a `useAsyncData` handler, say,
 *   unless Nuxt's `experimental.asyncContext` is on), where falling back to Pinia's active
 *   instance could hand out another request's data.
 * In the browser without a Nuxt context, `undefined`: the core then takes Pinia's active instance.
 *
 * @internal
 */
export function _appPinia(nuxtApp: { $pinia?: unknown } | null | undefined, client: boolean, call: string, advice: string): Pinia | undefined {
  const pinia = nuxtApp?.$pinia as Pinia | undefined
  if (pinia)
    return pinia
  if (nuxtApp)
    throw createOrmError(`${call} was called before Pinia was installed in the Nuxt app, so there are no entity stores yet. In a Nuxt plugin, drop \`enforce: 'pre'\` or add \`dependsOn: ['pinia']\`, so that it runs after @pinia/nuxt's plugin.`)
  if (client)
    return undefined
  throw createOrmError(
    `${call} was called on the server outside a Nuxt context, where the request's Pinia cannot be found. `
    + `${advice}, `
    + 'or turn on `experimental: { asyncContext: true }` in nuxt.config, which keeps the Nuxt context across `await`.',
  )
}

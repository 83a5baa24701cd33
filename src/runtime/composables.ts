import type { Pinia } from 'pinia'
import { tryUseNuxtApp } from '#app'
import { useRepo as useCoreRepo } from './orm'
import type { ModelClass } from './orm'
import { createOrmError } from './orm/errors'

/**
 * The Pinia of the current Nuxt app: the request's on the server, the app's in the browser.
 * Outside a Nuxt context (after an `await` in a `useAsyncData` handler, say, unless Nuxt's
 * `experimental.asyncContext` is on) there is none on the server: falling back to Pinia's active
 * instance there could hand out another request's data.
 */
function currentPinia(model: { name: string }): Pinia | undefined {
  const pinia = tryUseNuxtApp()?.$pinia as Pinia | undefined
  if (pinia || import.meta.client)
    return pinia
  throw createOrmError(
    `useRepo(${model.name}) was called on the server outside a Nuxt context, where the request's Pinia cannot be found. `
    + 'Call useRepo before the first `await` of the function (the repository keeps its Pinia), '
    + 'pass the Pinia: `useAsyncData(async nuxtApp => useRepo(' + model.name + ', nuxtApp.$pinia).all())`, '
    + 'or turn on `experimental: { asyncContext: true }` in nuxt.config, which keeps the Nuxt context across `await`.',
  )
}

/**
 * Returns the repository of a model, bound to the Pinia of the current Nuxt app (the request's on
 * the server). Same as `useRepo` of `nuxt-pinia-orm/orm`, but it finds the Pinia through the Nuxt
 * app, so it also works in plugins, route middleware and `useAsyncData` handlers on the server.
 *
 * @param model - the model class, or a repository class (`class UserRepository extends Repository<typeof User>`)
 * @param pinia - the Pinia to use; by default the current Nuxt app's
 */
export const useRepo = ((model: ModelClass, pinia?: Pinia) =>
  useCoreRepo(model, pinia ?? currentPinia(model))) as typeof useCoreRepo

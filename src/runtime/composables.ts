import type { Pinia } from 'pinia'
import { tryUseNuxtApp } from '#app'
import { optimistic as coreOptimistic, transaction as coreTransaction, useRepo as useCoreRepo } from './orm'
import type { ModelClass } from './orm'
import { _appPinia } from './appPinia'

/** The Pinia of the current Nuxt app, or an error saying why there is none (see `_appPinia`). */
function currentPinia(call: string, advice: string): Pinia | undefined {
  return _appPinia(tryUseNuxtApp(), import.meta.client, call, advice)
}

/**
 * Returns the repository of a model, bound to the Pinia of the current Nuxt app (the request's on
 * the server). Same as `useRepo` of `nuxt-pinia-orm/orm`, but it finds the Pinia through the Nuxt
 * app, so it also works in plugins, route middleware and `useAsyncData` handlers on the server.
 *
 * @param model - the model class, or a repository class (`class UserRepository extends Repository<typeof User>`)
 * @param pinia - the Pinia to use; by default the current Nuxt app's
 */
export const useRepo = ((model: ModelClass, pinia?: Pinia) => useCoreRepo(model, pinia ?? currentPinia(
  `useRepo(${model.name})`,
  'Call useRepo before the first `await` of the function (the repository keeps its Pinia), '
  + `pass the Pinia: \`useAsyncData(async nuxtApp => useRepo(${model.name}, nuxtApp.$pinia).all())\``,
))) as typeof useCoreRepo

/**
 * `transaction` of `nuxt-pinia-orm/orm`, run in the Pinia of the current Nuxt app (the request's
 * on the server) unless one is given.
 */
export const transaction: typeof coreTransaction = (fn, pinia) =>
  coreTransaction(fn, pinia ?? currentPinia('transaction()', 'Call it before the first `await` of the function, or pass the Pinia: `transaction(fn, nuxtApp.$pinia)`'))

/**
 * `optimistic` of `nuxt-pinia-orm/orm`, run in the Pinia of the current Nuxt app (the request's
 * on the server) unless one is given.
 */
export const optimistic: typeof coreOptimistic = (fn, pinia) =>
  coreOptimistic(fn, pinia ?? currentPinia('optimistic()', 'Call it before the first `await` of the function, or pass the Pinia: `optimistic(fn, nuxtApp.$pinia)`'))

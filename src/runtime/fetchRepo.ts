import type { Pinia } from 'pinia'
import { computed } from 'vue'
import type { ComputedRef } from 'vue'
import { useFetch, useNuxtApp } from '#app'
import type { AsyncData, UseFetchOptions } from '#app'
import type { Item, ModelClass } from './orm'
import { useRepo } from './orm'
import { createOrmError } from './orm/errors'
import { recordsOfKeys, saveForKeys } from './repoKeys'
import type { SavedKeys } from './repoKeys'

/** Options of {@link useFetchRepo}: those of Nuxt's `useFetch`, and the relations to load. */
export interface UseFetchRepoOptions extends Omit<UseFetchOptions<unknown, SavedKeys>, 'transform' | 'pick' | 'default'> {
  /**
   * Relations to load into `data`, as `with()` takes them: `'phone'`, `'phone.user'`, or a list.
   * @default undefined (attributes only)
   */
  with?: string | readonly string[]
  /**
   * Turns the response into the records to save, when the endpoint wraps them
   * (`response => response.items`). Runs where the fetch runs, before the save.
   * @default undefined (the response is the record or the list of records)
   */
  transform?: (response: never) => unknown
}

/** `useFetch`'s state for the fetched keys, without its promise side. */
type KeysState = Omit<AsyncData<SavedKeys | undefined, unknown>, keyof Promise<unknown>>

/** What {@link useFetchRepo} returns: `useFetch`'s result, with `data` the saved records. */
export interface FetchRepoResult<M extends ModelClass> extends Omit<KeysState, 'data'> {
  /**
   * The fetched records as they are now in the repository, in the response's order, with the
   * requested relations; it follows every later save, update or delete. Empty until the fetch has
   * succeeded. A single record in the response gives a list of one.
   */
  data: ComputedRef<Item<M>[]>
  /** The primary keys of the fetched records: what this fetch's own payload entry holds. */
  keys: KeysState['data']
}

/**
 * Fetches records with Nuxt's `useFetch` and saves them, relations nested, into the model's
 * repository: on the server while it renders, in the browser on client-side navigation and on
 * `refresh()`. The records reach the browser once, in the entity stores of the payload; the
 * fetch's own payload entry holds only their primary keys, so hydration needs no request.
 * A failed request, or a response that cannot be saved, sets `error` and leaves the stores as they
 * were. Awaitable like `useFetch`.
 *
 * ```ts
 * const { data: users, pending, error, refresh } = await useFetchRepo(User, '/api/users', { with: 'phone' })
 * ```
 *
 * @param model - the model class of the top-level records of the response
 * @param request - the URL (or a ref or getter of it), as `useFetch` takes it
 * @param options - `useFetch`'s options, and `with` for the relations to load
 */
export function useFetchRepo<M extends ModelClass>(
  model: M,
  request: Parameters<typeof useFetch>[0],
  options?: UseFetchRepoOptions | string,
  autoKey?: string,
): FetchRepoResult<M> & Promise<FetchRepoResult<M>> {
  // Nuxt appends a key unique to the call site (see `keyedComposables` in the module); with no
  // options it lands in the options' place, as with `useFetch`.
  if (typeof options === 'string')
    [options, autoKey] = [undefined, options]
  for (const option of ['pick', 'default']) {
    // They would apply to the list of keys, not to the records: refuse rather than mislead.
    if (options && option in options)
      throw createOrmError(`useFetchRepo(${model.name}) does not take useFetch's \`${option}\` option: its data is the saved records, which start empty. Load relations with \`with\`, and read what you need from \`data\`.`)
  }
  const { with: relations, transform, ...fetchOptions } = options ?? {}
  // The repository keeps this Pinia: the save runs after an `await`, where the Nuxt context is gone.
  const repo = useRepo(model, useNuxtApp().$pinia as Pinia)
  const source = typeof request === 'string' ? `'${request}'` : 'request'
  // Called with the key as its third argument, which its typed overloads do not show.
  const fetched = (useFetch as (...args: unknown[]) => unknown)(request, {
    ...fetchOptions as UseFetchOptions<unknown>,
    transform: (response: unknown) => saveForKeys(repo, transform ? transform(response as never) : response, source),
  }, `${autoKey ?? ''}:${(model as unknown as { modelEntity: () => string }).modelEntity()}`) as unknown as AsyncData<SavedKeys | undefined, unknown>

  const data = computed(() => recordsOfKeys(repo, fetched.data.value, relations))
  const result = (state: KeysState): FetchRepoResult<M> => ({
    keys: state.data,
    data,
    pending: state.pending,
    status: state.status,
    error: state.error,
    refresh: state.refresh,
    execute: state.execute,
    clear: state.clear,
  })
  return Object.assign(Promise.resolve(fetched).then(result), result(fetched))
}

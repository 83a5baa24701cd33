/**
 * Exports of the ORM core that an app gets without an import. `useRepo` is not among them: the
 * app gets the Nuxt-aware one from `runtime/composables`.
 * @internal
 */
export const CORE_IMPORTS = ['Model', 'Repository', 'useLiveQuery', 'mapRepos'] as const

/**
 * The collection helpers of `nuxt-pinia-orm/helpers`, auto-imported as pinia-orm names them.
 * @internal
 */
export const HELPER_IMPORTS = ['useCollect', 'useSum', 'useMin', 'useMax', 'usePluck', 'useKeys', 'useGroupBy', 'useSortBy'] as const

/**
 * Collection helpers of pinia-orm (`pinia-orm/helpers`), as `nuxt-pinia-orm/helpers`: functions of
 * an array of model instances, such as what `useRepo(User).all()` returns.
 */
export { useCollect } from './collect'
export type { UseCollect } from './collect'
export { useSum, useMin, useMax } from './aggregates'
export { usePluck } from './pluck'
export { useKeys } from './keys'
export { useGroupBy } from './groupBy'
export { useSortBy } from './sortBy'
export type { SortFlags, Sorting } from './sortBy'
/** pinia-orm's name of {@link Sorting}. */
export type { Sorting as sorting } from './sortBy'

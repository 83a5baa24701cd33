import { useMax, useMin, useSum } from './aggregates'
import { useGroupBy } from './groupBy'
import { useKeys } from './keys'
import type { KeyOfInstance } from './keys'
import { usePluck } from './pluck'
import { useSortBy } from './sortBy'
import type { SortFlags, Sorting } from './sortBy'

/** The helpers of {@link useCollect}, bound to one collection. */
export interface UseCollect<T> {
  sum: (field: string) => number
  min: (field: string) => number
  max: (field: string) => number
  pluck: (field: string) => any[] // eslint-disable-line @typescript-eslint/no-explicit-any -- as usePluck
  groupBy: (fields: string | readonly string[]) => Record<string, T[]>
  sortBy: (sort: Sorting<T>, flags?: SortFlags) => T[]
  keys: () => KeyOfInstance<T>[]
}

/** The collection helpers (`useSum`, `useSortBy`, ...) bound to `models`. */
export function useCollect<T extends { $getKey: () => unknown }>(models: readonly T[]): UseCollect<T> {
  return {
    sum: field => useSum(models, field),
    min: field => useMin(models, field),
    max: field => useMax(models, field),
    pluck: field => usePluck(models, field),
    groupBy: fields => useGroupBy(models, fields),
    sortBy: (sort, flags) => useSortBy(models, sort, flags),
    keys: () => useKeys(models),
  }
}

import { compareOrdered, valueAt } from '../query/orderBy'

/** How to sort: a field (a dotted path reads into it), a function of the item, or `[field, direction]` pairs. */
export type Sorting<T> = string | ((item: T) => unknown) | readonly (readonly [string, 'asc' | 'desc'])[]

/** `'SORT_FLAG_CASE'` compares strings ignoring case; `'SORT_REGULAR'` (the default) as they are. */
export type SortFlags = 'SORT_REGULAR' | 'SORT_FLAG_CASE'

/** Reads a field of an item, or the value at a dotted path (`'pivot.level'`), as pinia-orm does. */
function reader<T>(field: string): (item: T) => unknown {
  if (!field.includes('.'))
    return item => (item as Record<string, unknown>)[field]
  const path = field.split('.')
  return item => valueAt(item as Record<string, unknown>, path)
}

/**
 * A sorted copy of `collection` (the input is left as it is). `null` and missing values sort
 * after every value (first when descending), as in pinia-orm; equal items keep their order.
 */
export function useSortBy<T>(collection: readonly T[], sort: Sorting<T>, flags: SortFlags = 'SORT_REGULAR'): T[] {
  const keys: [(item: T) => unknown, boolean][] = typeof sort === 'function'
    ? [[sort, false]]
    : typeof sort === 'string'
      ? [[reader<T>(sort), false]]
      : sort.map(([field, direction]) => [reader<T>(field), direction === 'desc'])
  const fold = flags === 'SORT_FLAG_CASE'
    // Upper case, as pinia-orm folds: `_` and `[` sort after the letters, not before them.
    ? (value: unknown) => typeof value === 'string' ? value.toUpperCase() : value
    : (value: unknown) => value
  return [...collection].sort((a, b) => {
    for (const [key, desc] of keys) {
      const result = compareOrdered(fold(key(a)), fold(key(b)))
      if (result !== 0)
        return desc ? -result : result
    }
    return 0
  })
}

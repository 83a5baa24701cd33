import { groupItems } from '../query/groupBy'

/**
 * Groups items by one field or several, keyed as a query's `groupBy()` keys them: the value for
 * one field, `[a,b]` for several.
 */
export function useGroupBy<T>(models: readonly T[], fields: string | readonly string[]): Record<string, T[]> {
  return groupItems(models, typeof fields === 'string' ? [fields] : fields)
}

/** The primary key of each model instance (`$getKey()`: a value, or an array for a composite key). */
export function useKeys<T extends { $getKey: () => unknown }>(models: readonly T[]): unknown[] {
  return models.map(model => model.$getKey())
}

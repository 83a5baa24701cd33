/** What `$getKey()` of instances of type `T` gives. */
export type KeyOfInstance<T> = T extends { $getKey: (...args: never[]) => infer K } ? K : unknown

/** The primary key of each model instance (`$getKey()`: a value, or an array for a composite key). */
export function useKeys<T extends { $getKey: () => unknown }>(models: readonly T[]): KeyOfInstance<T>[] {
  return models.map(model => model.$getKey() as KeyOfInstance<T>)
}

/**
 * The value of `field` of each item. A dotted field (`'role.title'`) follows loaded one-to-one
 * relations; an item without the value gives `undefined`.
 */
export function usePluck<T>(models: readonly T[], field: string): unknown[] {
  if (!field.includes('.'))
    return models.map(model => (model as Record<string, unknown>)[field])
  const path = field.split('.')
  return models.map((model) => {
    let value: unknown = model
    for (const part of path) {
      if (value === null || value === undefined)
        return undefined
      value = (value as Record<string, unknown>)[part]
    }
    return value
  })
}

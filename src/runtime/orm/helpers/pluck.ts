/**
 * The value of `field` of each item that has one. A dotted field (`'role.title'`) follows loaded
 * one-to-one relations. As in pinia-orm, an item whose value is `null` or missing (no related
 * record) is left out, so the list holds values only; unlike pinia-orm, which leaves out every
 * falsy value, `0`, `''` and `false` are kept.
 */
export function usePluck<T>(models: readonly T[], field: string): any[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- pinia-orm's type: a field of any type
  const values: unknown[] = []
  const path = field.includes('.') ? field.split('.') : undefined
  for (const model of models) {
    let value: unknown = model
    for (const part of path ?? [field]) {
      if (value === null || value === undefined)
        break
      value = (value as Record<string, unknown>)[part]
    }
    if (value !== null && value !== undefined)
      values.push(value)
  }
  return values
}

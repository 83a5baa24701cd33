/**
 * pinia-orm's string form of a composite key, `'[1,3]'`: the JSON array of the key's values.
 * Returns the values, or `undefined` when `id` is not such a string.
 *
 * @internal
 */
export function parseKeyString(id: unknown): unknown[] | undefined {
  if (typeof id !== 'string' || !id.startsWith('['))
    return undefined
  try {
    const values: unknown = JSON.parse(id)
    return Array.isArray(values) ? values : undefined
  }
  catch {
    return undefined
  }
}

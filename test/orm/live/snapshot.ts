// Live query results as plain data, for the property tests.

/** The items as plain data, own fields included that `toJSON()` leaves out (pivot records). */
export function snapshot(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(snapshot)
  if (value === null || typeof value !== 'object')
    return value
  return Object.fromEntries(Object.keys(value).map(key => [key, snapshot((value as Record<string, unknown>)[key])]))
}

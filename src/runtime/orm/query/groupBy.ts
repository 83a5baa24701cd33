/**
 * Groups items by the values of `fields`, keyed as pinia-orm keys them: the value itself (as an
 * object key) for one field, `[a,b]` (the values joined by commas in brackets) for several.
 * Groups and the items in each keep the order of `items`.
 *
 * @internal
 */
export function groupItems<T>(items: readonly T[], fields: readonly string[]): Record<string, T[]> {
  const groups: Record<string, T[]> = {}
  const single = fields.length === 1 ? fields[0]! : undefined
  for (const item of items) {
    const record = item as Record<string, unknown>
    const key = single !== undefined ? String(record[single]) : `[${fields.map(field => record[field]).join(',')}]`
    const group = groups[key]
    if (group)
      group.push(item)
    else
      groups[key] = [item]
  }
  return groups
}

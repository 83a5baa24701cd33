import { createOrmError } from './errors'
import type { OrmError } from './errors'
import type { Schema } from './relations/Relation'

/**
 * How many levels of nested records one save takes. Normalizing is recursive (each relation type
 * splits its own nested input), and so is building the returned instances: a fixed limit, well
 * under what any JavaScript engine's stack holds, turns input that is too deep into a clear error
 * before anything is written, the same in every browser, instead of a `RangeError` from wherever
 * the stack happens to run out.
 *
 * @internal
 */
export const MAX_NESTING = 500

/**
 * The error for input nested deeper than {@link MAX_NESTING}: it says how deep the input is,
 * measured without recursion.
 *
 * @internal
 */
export function nestingError(
  related: (owner: Schema, field: string) => Schema,
  schema: Schema,
  input: unknown,
  path: readonly string[],
): OrmError {
  const depth = nestingDepth(related, schema, input)
  const where = `${path.slice(0, 4).join('')}...`
  return createOrmError(`${where}: the ${schema.name} input nests records ${depth} levels deep; a save takes at most ${MAX_NESTING} levels of nested records. Save it in parts (the deepest records first, each with its linking key as an attribute), or flatten the input.`)
}

/**
 * The number of records on the longest chain of nested records in `input` (one record or a list),
 * following the relations of each record's model. A record object met again as the same model
 * (a cycle) ends its chain.
 *
 * @internal
 */
export function nestingDepth(
  related: (owner: Schema, field: string) => Schema,
  schema: Schema,
  input: unknown,
): number {
  const seen = new Map<Schema, Set<object>>()
  const stack: [Schema, unknown, number][] = []
  for (const record of Array.isArray(input) ? input : [input])
    stack.push([schema, record, 1])
  let deepest = 0
  while (stack.length > 0) {
    const [model, record, depth] = stack.pop()!
    if (record === null || typeof record !== 'object')
      continue
    let visited = seen.get(model)
    if (!visited)
      seen.set(model, visited = new Set())
    if (visited.has(record))
      continue
    visited.add(record)
    deepest = Math.max(deepest, depth)
    for (const field of model.relationNames) {
      const value = (record as Record<string, unknown>)[field]
      if (value === null || typeof value !== 'object')
        continue
      const child = related(model, field)
      for (const nested of Array.isArray(value) ? value : [value])
        stack.push([child, nested, depth + 1])
    }
  }
  return deepest
}

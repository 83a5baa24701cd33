import { createOrmError } from '../errors'
import type { StoredRecord } from '../keys'
import { matchingRecords } from './select'
import type { SelectSource } from './select'

/** The name of an aggregate, for messages. */
type Aggregate = 'sum' | 'min' | 'max'

function numberOf(value: unknown, aggregate: Aggregate, model: string, field: string): number | undefined {
  if (value === null || value === undefined)
    return undefined
  if (typeof value === 'number')
    return value
  throw createOrmError(`${aggregate}('${field}') on ${model} met a value that is not a number (${JSON.stringify(value)}). Aggregate a number field, or filter such records out first.`)
}

/**
 * The sum, minimum or maximum of a number field over records; `null` and missing values are
 * skipped. The sum of nothing is 0; the minimum and maximum of nothing are `null`.
 *
 * @internal
 */
export function aggregate(records: Iterable<Record<string, unknown>>, aggregate: Aggregate, model: string, field: string): number | null {
  let result: number | null = aggregate === 'sum' ? 0 : null
  for (const record of records) {
    const value = numberOf(record[field], aggregate, model, field)
    if (value === undefined)
      continue
    if (aggregate === 'sum')
      result = result! + value
    else if (result === null || (aggregate === 'min' ? value < result : value > result))
      result = value
  }
  return result
}

/**
 * `sum()`, `min()` or `max()` of a query: the aggregate of `field` over the records it matches,
 * within its `limit()` and `offset()` (in its order), as `count()` counts. Throws for a name that is
 * not an attribute of the model.
 *
 * @internal
 */
export function aggregateMatching(query: SelectSource, kind: Aggregate, field: string): number | null {
  const schema = query._schema
  if (!schema.attributes.has(field))
    throw createOrmError(`${kind}() on ${schema.name}: '${field}' is not an attribute of ${schema.name}. Its attributes are: ${schema.attributeNames.join(', ')}.`)
  return aggregate(matchingRecords(query) as unknown as StoredRecord[], kind, schema.name, field)
}

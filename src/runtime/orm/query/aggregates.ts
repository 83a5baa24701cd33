import { createOrmError } from '../errors'

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

import { createOrmError } from '../errors'

/** One page of a query's results, as `paginate(page, perPage)` returns it. */
export interface Paginated<T> {
  /** The records of this page (none for a page past the end). */
  data: T[]
  /** The number of records matching the query, on every page together. */
  total: number
  /** The page asked for, counting from 1. */
  page: number
  perPage: number
  /** The number of the last page that has records; 1 when there are none. */
  lastPage: number
}

/**
 * The offset and limit of a page, after checking the arguments: both whole numbers from 1.
 *
 * @internal
 */
export function pageWindow(model: string, page: number, perPage: number): { skip: number, take: number } {
  for (const [name, value] of [['page', page], ['perPage', perPage]] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw createOrmError(`paginate() on ${model}: ${name} must be a whole number from 1, got ${String(value)}. Pages count from 1, e.g. paginate(1, 20).`)
  }
  return { skip: (page - 1) * perPage, take: perPage }
}

/** @internal */
export function paginated<T>(data: T[], total: number, page: number, perPage: number): Paginated<T> {
  return { data, total, page, perPage, lastPage: Math.max(1, Math.ceil(total / perPage)) }
}

import { createOrmError } from '../errors'
import { countMatching } from './accept'
import type { SelectSource } from './select'

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

/** What paging reads and sets of a query. @internal */
export interface PageSource extends SelectSource {
  _skip: number
  _take: number | undefined
  get: () => unknown
}

/**
 * Page `page` of `perPage` records of the query's results, with the number of all the records it
 * matches: the query reads as that page meanwhile, its own offset and limit set back after.
 *
 * @internal
 */
export function paginateQuery<T>(query: PageSource, page: number, perPage: number): Paginated<T> {
  const { skip, take } = pageWindow(query._schema.name, page, perPage)
  const total = countMatching(query)
  const [oldSkip, oldTake] = [query._skip, query._take]
  query._skip = skip
  query._take = take
  try {
    const data = skip >= total ? [] : query.get() as T[]
    return paginated(data, total, page, perPage)
  }
  finally {
    query._skip = oldSkip
    query._take = oldTake
  }
}

import { createOrmError } from '../errors'

/** One cached result and the versions of the entities it was read from. */
interface CachedResult {
  entities: string[]
  versions: number[]
  result: unknown
}

/** What the cache needs of the database: the write counter of each entity, and read tracking. */
export interface CacheSource {
  /** Bumped on every write to the entity, through the ORM or through Pinia. */
  _version: (entity: string) => number
  /** While set, every entity the ORM reads records of is added to it. */
  _reads: Set<string> | undefined
}

/**
 * Results of `useCache()` queries of one Pinia instance (it belongs to that Pinia's database, so
 * two server requests never share a result). An entry is used only while no entity it read has
 * been written since; it is kept for at most `limit` queries, the oldest dropped first.
 */
export class QueryCache {
  private readonly entries = new Map<string, CachedResult>()
  private readonly functionIds = new WeakMap<object, number>()
  private nextFunctionId = 0

  constructor(private readonly source: CacheSource, readonly limit = 200) {}

  /** The number of results kept. */
  get size(): number {
    return this.entries.size
  }

  /** Drops every cached result. */
  clear(): void {
    this.entries.clear()
  }

  /**
   * Whether a current result is cached under `useCache(key, params)`, by a query of any model: no
   * entity it read has been written since.
   */
  has(key: string, params?: Record<string, unknown>): boolean {
    return this.current(key, params) !== undefined
  }

  /** The current result cached under `useCache(key, params)`, by a query of any model, if any. */
  get(key: string, params?: Record<string, unknown>): unknown {
    return this.current(key, params)?.result
  }

  /** Drops the results cached under `useCache(key, params)`; whether there were any. */
  delete(key: string, params?: Record<string, unknown>): boolean {
    const suffix = `|${_userCacheKey(key, params)}`
    let deleted = false
    for (const full of [...this.entries.keys()]) {
      if (full.endsWith(suffix))
        deleted = this.entries.delete(full) || deleted
    }
    return deleted
  }

  private current(key: string, params: Record<string, unknown> | undefined): CachedResult | undefined {
    const suffix = `|${_userCacheKey(key, params)}`
    for (const [full, entry] of this.entries) {
      if (full.endsWith(suffix) && this.isCurrent(entry))
        return entry
    }
    return undefined
  }

  private isCurrent(entry: CachedResult): boolean {
    return entry.entities.every((entity, i) => this.source._version(entity) === entry.versions[i])
  }

  /**
   * A number standing for a function in a key without a `useCache(key)`: the same function gets the
   * same number, so a closure made anew on every call never matches an older one.
   *
   * @internal
   */
  _idOf(fn: object): number {
    let id = this.functionIds.get(fn)
    if (id === undefined)
      this.functionIds.set(fn, id = this.nextFunctionId++)
    return id
  }

  /**
   * The result cached under `key` when every entity it read is unchanged, else what `run` returns
   * (then cached). Checking the versions reads them, so a computed that gets a cached result still
   * depends on the entities behind it.
   *
   * @internal
   */
  _run<T>(key: string, run: () => T): T {
    const source = this.source
    const hit = this.entries.get(key)
    if (hit && this.isCurrent(hit))
      return hit.result as T
    const outer = source._reads
    const reads = new Set<string>()
    source._reads = reads
    let result: T
    try {
      result = run()
    }
    finally {
      source._reads = outer
      if (outer) {
        for (const entity of reads)
          outer.add(entity)
      }
    }
    const entities = [...reads]
    this.entries.delete(key)
    this.entries.set(key, { entities, versions: entities.map(entity => source._version(entity)), result })
    if (this.entries.size > this.limit)
      this.entries.delete(this.entries.keys().next().value!)
    return result
  }
}

/**
 * The key `useCache(key, params)` caches a result under (after its model's entity).
 *
 * @internal
 */
export function _userCacheKey(key: string, params: Record<string, unknown> | undefined): string {
  if (params === undefined)
    return `key:${key}:`
  try {
    // A function or symbol would be left out of the JSON (two params differing only there would
    // share a result): refused, as a cycle is.
    return `key:${key}:${JSON.stringify(params, plainParams)}`
  }
  catch (error) {
    throw createOrmError(`useCache('${key}', params): the params name the cached result as JSON, and these have none (${error instanceof Error ? error.message : String(error)}). Give plain values: strings, numbers, booleans, arrays and objects of them.`, { cause: error })
  }
}

/** A bigint, which JSON has no form for, as a key part that tells it from a number or a string. */
function keyedBigints(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? { bigint: String(value) } : value
}

function plainParams(key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol')
    throw new TypeError(`${key === '' ? 'they are' : `'${key}' is`} a ${typeof value}`)
  return keyedBigints(key, value)
}

/** Where a function the query made itself keeps what it tests (see {@link _describedAs}). */
const DESCRIPTION = Symbol('nuxt-pinia-orm query cache description')

/**
 * `fn`, a test the query makes for a call (`whereNull('x')`, `has('posts')`), given the description
 * it stands for in a cache key: the same call on a new query then finds the cached result, where
 * the closure, new each time, would not.
 *
 * @internal
 */
export function _describedAs<F extends (...args: never[]) => unknown>(fn: F, description: unknown): F {
  Object.defineProperty(fn, DESCRIPTION, { value: description })
  return fn
}

/**
 * A cache key for a query without a key of its own: its description as JSON, where a function
 * (a `where` predicate, say) stands for itself through a number given by `idOf`, or for what it
 * tests when the query made it (see {@link _describedAs}).
 *
 * @internal
 */
export function describeQuery(state: unknown, idOf: (fn: (...args: never[]) => unknown) => number): string {
  return JSON.stringify(state, (_key, value: unknown) => {
    if (typeof value === 'function') {
      const description = (value as { [DESCRIPTION]?: unknown })[DESCRIPTION]
      return description === undefined ? `fn#${idOf(value as () => unknown)}` : { made: description }
    }
    if (typeof value === 'bigint')
      return keyedBigints('', value)
    if (value instanceof Set)
      return { set: [...value] }
    if (value instanceof Map)
      return { map: [...value.keys()] }
    return value
  })
}

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
    if (hit && hit.entities.every((entity, i) => source._version(entity) === hit.versions[i]))
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
 * A cache key for a query without a key of its own: its description as JSON, where a function
 * (a `where` predicate, say) stands for itself through a number given by `idOf`.
 *
 * @internal
 */
export function describeQuery(state: unknown, idOf: (fn: (...args: never[]) => unknown) => number): string {
  return JSON.stringify(state, (_key, value: unknown) => {
    if (typeof value === 'function')
      return `fn#${idOf(value as () => unknown)}`
    if (value instanceof Set)
      return { set: [...value] }
    if (value instanceof Map)
      return { map: [...value.keys()] }
    return value
  })
}

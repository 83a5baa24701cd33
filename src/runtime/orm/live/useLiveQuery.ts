import { effectScope, getCurrentScope, onScopeDispose, shallowRef, watch } from 'vue'
import type { EffectScope } from 'vue'
import { createOrmError } from '../errors'
import type { LiveQuery } from './liveQuery'

/** Anything with a live result: a query or a repository. */
export interface LiveQuerySource<T> {
  live: () => LiveQuery<T>
}

/**
 * A live query whose query may depend on reactive state: `source` builds the query, e.g.
 * `useLiveQuery(() => useRepo(Todo).where('done', done.value).orderBy('title'))`. When what
 * `source` reads changes, the query is built again and its live result replaces the last one;
 * writes to the records update the result in place. Stops with the calling component (effect
 * scope), or with `stop()`. In a server render it is computed once.
 */
export function useLiveQuery<T>(source: () => LiveQuerySource<T>): LiveQuery<T> {
  if (typeof source !== 'function')
    throw createOrmError(`useLiveQuery() takes a function that returns a query or a repository, e.g. useLiveQuery(() => useRepo(Post).where('userId', userId.value)), not ${source === null ? 'null' : typeof source}.`)
  let current: LiveQuery<T> | undefined
  let scope: EffectScope | undefined
  const swapped = shallowRef(0)
  const stopWatching = watch(source, (query) => {
    // Each live query gets a scope of its own, so that it stops when it is replaced.
    if (query === null || typeof query !== 'object' || typeof (query as { live?: unknown }).live !== 'function')
      throw createOrmError(`useLiveQuery(): its function returned ${query === null ? 'null' : typeof query === 'object' ? 'an object that is not a query' : typeof query}, not a query or a repository (useRepo(Post).where(...), useRepo(Post)).`)
    const next = effectScope(true)
    const live = next.run(() => query.live())!
    scope?.stop()
    scope = next
    current = live
    swapped.value++
  }, { immediate: true, flush: 'sync' })
  const result = {
    __v_isRef: true,
    __v_isShallow: true,
    __v_isReadonly: true,
    get value(): readonly T[] {
      void swapped.value
      return current!.value
    },
    stop(): void {
      stopWatching()
      scope?.stop()
      scope = undefined
    },
  }
  if (getCurrentScope())
    onScopeDispose(() => result.stop())
  return result as unknown as LiveQuery<T>
}

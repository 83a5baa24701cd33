import type { Pinia } from 'pinia'
import { useRepo as useCoreRepo } from './orm'
import type { ModelClass, Repository } from './orm'
import { createOrmError } from './orm/errors'
import type { RepositoryClass } from './orm/repository'

/**
 * The `useRepo` Nitro auto-imports for server routes: the core's, with the Pinia required. A server
 * route has no app Pinia, and Pinia's active instance there may be the one of a page another
 * request is rendering, whose data would then be read and written.
 */
export function useRepo<R extends Repository>(repository: RepositoryClass<R>, pinia: Pinia): R
export function useRepo<M extends ModelClass>(model: M, pinia: Pinia): Repository<M, M>
export function useRepo(target: ModelClass | RepositoryClass<Repository>, pinia: Pinia): Repository {
  if (!pinia) {
    const name = (target as { name?: string }).name || 'Model'
    throw createOrmError(`useRepo(${name}) in a server route needs the Pinia to use, as its second argument: a server route has no app Pinia, and Pinia's active instance may be another request's. Make one for the request: useRepo(${name}, createPinia()).`)
  }
  return useCoreRepo(target as ModelClass, pinia)
}

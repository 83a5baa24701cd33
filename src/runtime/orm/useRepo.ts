import { getActivePinia } from 'pinia'
import type { Pinia, PiniaPlugin } from 'pinia'
import { getDatabase, registerModels } from './database'
import { createOrmError } from './errors'
import { Repository } from './repository'
import type { ModelClass } from './types'

/**
 * The repository of a model in a Pinia instance: the given one, else the active one.
 *
 * On a server, pass the request's Pinia (or call this where it is active, e.g. in a component's
 * setup): records live in the Pinia instance, so a repository of another instance sees other data.
 */
export function useRepo<M extends ModelClass>(model: M, pinia?: Pinia): Repository<M> {
  if (typeof model !== 'function' || typeof model.fields !== 'function')
    throw createOrmError(`useRepo() takes a model class (a class that extends Model), not ${model === null ? 'null' : typeof model}. Check the import of the model: a circular import can leave it undefined.`)
  const target = pinia ?? getActivePinia()
  if (!target)
    throw createOrmError(`useRepo(${model.name}) was called with no active Pinia. Pass the Pinia instance, useRepo(${model.name}, pinia), or install Pinia first (app.use(pinia) or setActivePinia(pinia)).`)
  return new Repository(getDatabase(target), model)
}

/** Options of {@link createORM}. */
export interface CreateOrmOptions {
  /**
   * Models to register with every Pinia instance the plugin is installed on, so their stores exist
   * from the start.
   * @default []
   */
  models?: readonly ModelClass[]
}

/**
 * A Pinia plugin for pinia-orm compatibility (`createPinia().use(createORM())`). `useRepo` works
 * without it; with `models`, it registers them as soon as Pinia creates its first store.
 */
export function createORM(options: CreateOrmOptions = {}): PiniaPlugin {
  return ({ pinia }) => {
    if (options.models)
      registerModels(pinia, options.models)
  }
}

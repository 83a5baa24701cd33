import { getActivePinia } from 'pinia'
import type { Pinia, PiniaPlugin } from 'pinia'
import { resolveConfig, tagOrmPlugin } from './config'
import type { CreateOrmOptions } from './config'
import { getDatabase, registerModels } from './database'
import { createOrmError } from './errors'
import { _lazyRepository } from './lazyRepo'
import { installMissingMethods } from './missingMethods'
import { Query } from './query'
import { Repository } from './repository'
import type { RepositoryClass } from './repository'
import type { Model } from './Model'
import type { ModelClass } from './types'

export type { CreateOrmOptions } from './config'

// pinia-orm methods this library lacks answer with an error naming them (see missingMethods.ts).
installMissingMethods(Repository.prototype, 'repository')
installMissingMethods(Query.prototype, 'query')

function isRepositoryClass(value: unknown): value is RepositoryClass<Repository> {
  return value === Repository || (typeof value === 'function' && value.prototype instanceof Repository)
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'function' ? `the function ${value.name || '(anonymous)'}` : typeof value
}

/**
 * A repository made with no Pinia given and none active (at a module's top level, before
 * `app.use(pinia)`): each use reads the repository of the Pinia active then, as pinia-orm's does.
 */
function lazyRepo(target: ModelClass | RepositoryClass<Repository>, isRepository: boolean): Repository {
  const name = target.name
  return _lazyRepository<Repository>(
    isRepository ? target.prototype as Repository : Repository.prototype,
    () => {
      const active = getActivePinia()
      // Either overload takes the target; the cast only picks one.
      return active && useRepo(target as ModelClass, active)
    },
    key => createOrmError(`useRepo(${name}) was made with no active Pinia, and \`${key}\` was read from it with no active Pinia either: it uses the Pinia active at each use. Install Pinia before using it (app.use(pinia) or setActivePinia(pinia)), or pass the Pinia instance: useRepo(${name}, pinia).`),
    key => createOrmError(`useRepo(${name}) was made with no active Pinia, so it keeps no fields of its own and cannot set \`${String(key)}\`: it uses the repository of the Pinia active at each use. Call useRepo(${name}) where a Pinia is active (a setup function, a test body), or pass one: useRepo(${name}, pinia).`),
  )
}

/**
 * The repository of a model in a Pinia instance: the given one, else the active one. Given a
 * repository class (`class UserRepository extends Repository<typeof User> { use = User }`), an
 * instance of it, with its own methods and every built-in one.
 *
 * With no Pinia given and none active (at a module's top level, before `app.use(pinia)`), it
 * returns a repository that finds the active Pinia at each use, as pinia-orm's does: records saved
 * while one Pinia is active are read while that one is, and using it while none is active throws.
 * It costs a lookup per use and makes a custom repository (running the plugins) at each use.
 *
 * On a server, pass the request's Pinia (or call this where it is active, e.g. in a component's
 * setup): records live in the Pinia instance, so a repository of another instance sees other data.
 * A repository made with none resolves whatever Pinia is active at each use, which outside a
 * component may be another request's.
 */
export function useRepo<R extends Repository>(repository: RepositoryClass<R>, pinia?: Pinia): R
export function useRepo<M extends ModelClass>(model: M, pinia?: Pinia): Repository<M, M>
/** pinia-orm's form, typed by the instance: `useRepo<User>(User)`. */
export function useRepo<M extends Model>(model: ModelClass<M>, pinia?: Pinia): Repository<M>
export function useRepo(target: ModelClass | RepositoryClass<Repository>, pinia?: Pinia): Repository {
  const isRepository = isRepositoryClass(target)
  if (!isRepository && (typeof target !== 'function' || typeof (target as ModelClass).fields !== 'function')) {
    throw createOrmError(`useRepo() takes a model class (a class that extends Model) or a repository class (one that extends Repository), not ${describe(target)}.${target === undefined ? ' Check the import: a circular import can leave it undefined.' : ''}`)
  }
  const active = pinia ?? getActivePinia()
  if (!active)
    return lazyRepo(target, isRepository)
  const db = getDatabase(active)
  for (const options of db._newlyInstalled()) {
    if (options.models)
      registerModels(active, options.models)
  }
  if (isRepository)
    return new target(db)._bind()._applyPlugins()
  // A plain repository holds nothing but its model and database: one per model and Pinia serves
  // every call, unless plugins (which may change it) run for each.
  let repository = db._repositories.get(target) as Repository | undefined
  if (!repository) {
    repository = new Repository(db, target as ModelClass)._applyPlugins()
    if (db.config.plugins.length === 0)
      db._repositories.set(target, repository)
  }
  return repository
}

/**
 * The Pinia plugin pinia-orm users install: `createPinia().use(createORM(options))`. Its options
 * (model defaults, plugins, cache, store type) belong to each Pinia it is installed on, and are
 * read before that Pinia's first entity store is made: call `pinia.use(createORM(...))` before
 * the first `useRepo()`. With `models`, it registers them as soon as Pinia runs it. Without
 * options, `useRepo` works without it.
 */
export function createORM(options: CreateOrmOptions = {}): PiniaPlugin {
  // Checked now, where the app sets the ORM up, as well as for each Pinia it installs into.
  resolveConfig([options])
  return tagOrmPlugin(({ pinia }) => {
    getDatabase(pinia)._configure(options)
    if (options.models)
      registerModels(pinia, options.models)
  }, options)
}

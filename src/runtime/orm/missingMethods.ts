import { createOrmError } from './errors'

/** Where a pinia-orm member lives: on its repositories, its queries, or both. */
type Owner = 'repository' | 'query' | 'both'

/**
 * Members of pinia-orm 1.10's repositories and queries that this library does not have, with what
 * to use instead. Calling or reading one is an error naming it and pointing at the migration table,
 * instead of `TypeError: ... is not a function` or a silent `undefined`. A name that the class
 * already has is left alone, so a member added later simply takes over.
 */
const PINIA_ORM_METHODS: readonly [name: string, owner: Owner, instead: string][] = [
  ['saveElements', 'both', 'It is a step inside pinia-orm\'s save(), on its normalized records: use save() or insert().'],
  ['newQueryForRelation', 'both', 'Relation queries are made by with(), whereHas() and has(); for a query of the related model use newQuery(entity).'],
  ['initialize', 'repository', 'useRepo() binds a repository to its model; for another model use repo(Model) or useRepo(Model).'],
  ['setConfig', 'repository', 'The configuration comes from createORM() on each Pinia, and plugins return the config they change.'],
  // Added by @pinia-orm/axios: a port of that plugin sets it on the repository instance.
  ['api', 'repository', 'It comes from the @pinia-orm/axios plugin, which has no port here: fetch, then save() the result.'],
]

const PINIA_ORM_PROPERTIES: readonly [name: string, owner: Owner, instead: string][] = [
  ['database', 'both', 'Models are registered per Pinia here, with no database object: use useRepo(Model) or newQuery(entity).'],
  ['hydratedDataCache', 'both', 'There is no cache of hydrated instances: each read makes its instances; for cached results use useCache().'],
]

const STUB = Symbol('nuxt-pinia-orm:missing-method')

/** Where the migration table lives, for messages. */
export const MIGRATION_TABLE = 'docs/migration-from-pinia-orm.md'

function missingError(name: string, owner: Owner, member: 'method' | 'property', instead: string) {
  const of = owner === 'both' ? 'repository and query' : owner
  const call = member === 'method' ? `${name}()` : name
  return createOrmError(`${call} is a pinia-orm ${of} ${member} that nuxt-pinia-orm does not have. ${instead} See ${MIGRATION_TABLE} for its status.`)
}

/**
 * Gives a prototype a method for each pinia-orm method of its kind it lacks, which throws an error
 * naming the method, and a getter for each such property, which throws likewise (assigning one
 * still works, for plugins that set it). Stubs are definitions (the same for every Pinia), so they
 * cost nothing per call of anything else: no proxy sits on the hot paths.
 *
 * @internal
 */
export function installMissingMethods(prototype: object, kind: 'repository' | 'query'): void {
  for (const [name, owner, instead] of PINIA_ORM_METHODS) {
    if ((owner !== 'both' && owner !== kind) || name in prototype)
      continue
    const stub = {
      [name]() {
        throw missingError(name, owner, 'method', instead)
      },
    }[name]!
    Object.defineProperty(stub, STUB, { value: true })
    Object.defineProperty(prototype, name, { value: stub, writable: true, configurable: true, enumerable: false })
  }
  for (const [name, owner, instead] of PINIA_ORM_PROPERTIES) {
    if ((owner !== 'both' && owner !== kind) || name in prototype)
      continue
    const get = () => {
      throw missingError(name, owner, 'property', instead)
    }
    Object.defineProperty(get, STUB, { value: true })
    Object.defineProperty(prototype, name, {
      get,
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true })
      },
      configurable: true,
      enumerable: false,
    })
  }
}

/** Whether a value is one of the stubs of {@link installMissingMethods}. @internal */
export function isMissingMethod(value: unknown): boolean {
  return typeof value === 'function' && STUB in value
}

/** The names of the method stubs. @internal */
export const missingMethodNames: readonly string[] = PINIA_ORM_METHODS.map(([name]) => name)

/** The names of the property guards. @internal */
export const missingPropertyNames: readonly string[] = PINIA_ORM_PROPERTIES.map(([name]) => name)

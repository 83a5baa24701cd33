import { createOrmError } from './errors'

/**
 * Methods of pinia-orm 1.10's repositories and queries that this library does not have (yet).
 * Calling one is an error naming it and pointing at the migration table, instead of
 * `TypeError: ... is not a function`. A name that the class already has is left alone, so a
 * method added later simply takes over.
 */
const PINIA_ORM_METHODS = [
  'has',
  'orHas',
  'doesntHave',
  'orDoesntHave',
  'whereHas',
  'orWhereHas',
  'whereDoesntHave',
  'orWhereDoesntHave',
  'withMeta',
  'makeHidden',
  'makeVisible',
  // Added by @pinia-orm/axios: a port of that plugin sets them on the repository instance.
  'api',
] as const

const STUB = Symbol('nuxt-pinia-orm:missing-method')

/** Where the migration table lives, for messages. */
export const MIGRATION_TABLE = 'docs/migration-from-pinia-orm.md'

/**
 * Gives a prototype a method for each pinia-orm name it lacks, which throws an error naming the
 * method. Stubs are definitions (the same for every Pinia), so they cost nothing per call of
 * anything else: no proxy sits on the hot paths.
 *
 * @internal
 */
export function installMissingMethods(prototype: object, kind: 'repository' | 'query'): void {
  for (const name of PINIA_ORM_METHODS) {
    if (name in prototype)
      continue
    const stub = {
      [name]() {
        throw createOrmError(`${name}() is a pinia-orm ${kind} method that nuxt-pinia-orm does not have. See ${MIGRATION_TABLE} for its status and what to use instead.`)
      },
    }[name]!
    Object.defineProperty(stub, STUB, { value: true })
    Object.defineProperty(prototype, name, { value: stub, writable: true, configurable: true, enumerable: false })
  }
}

/** Whether a value is one of the stubs of {@link installMissingMethods}. @internal */
export function isMissingMethod(value: unknown): boolean {
  return typeof value === 'function' && STUB in value
}

/** @internal */
export const missingMethodNames: readonly string[] = PINIA_ORM_METHODS

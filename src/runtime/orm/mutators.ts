import { CastAttribute } from './casts/CastAttribute'
import type { CastClass } from './casts/CastAttribute'
import type { Fields } from './types'
import { createOrmError, reasonOf } from './errors'
import { describeKeyValue } from './keyValues'

/** A function that changes a value, as a mutator's `get` or `set`. */
export type Mutator<T = any> = (value: T) => T // eslint-disable-line @typescript-eslint/no-explicit-any

/** A mutator with a `get` (applied on read) and/or a `set` (applied before the store keeps it). */
export interface MutatorFunctions<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  get?: Mutator<T>
  set?: Mutator<T>
}

/** What `static mutators()` returns: a field's mutator is a function (a `get`) or `{ get, set }`. */
export type Mutators = Record<string, Mutator | MutatorFunctions>

/** What `static casts()` returns: field names to cast classes. */
export type Casts = Record<string, CastClass>

type Convert = (value: unknown) => unknown

/**
 * A model's casts and mutators as two maps of per-field conversions: `read` (stored form to the
 * form instances see: the cast's `get`, then the mutator's `get`) and `write` (given value to the
 * stored form: the mutator's `set`, then the cast's `set`).
 *
 * @internal
 */
export interface FieldConversions {
  readonly read: ReadonlyMap<string, Convert>
  readonly write: ReadonlyMap<string, Convert>
  /** The casts that also make their field's default (`_makesDefault`, see `castDefaults.ts`). */
  readonly defaults: ReadonlyMap<string, CastAttribute>
}

/**
 * Reads `static casts()` and `static mutators()` once, checked; `undefined` when neither converts
 * any field, so such a model pays nothing.
 *
 * @internal
 */
export function _buildConversions(name: string, casts: unknown, mutators: unknown, attributeFields: Fields, relationNames: ReadonlySet<string> = new Set()): FieldConversions | undefined {
  const attributes: ReadonlySet<string> = new Set(Object.keys(attributeFields))
  const read = new Map<string, Convert>()
  const write = new Map<string, Convert>()
  const defaults = new Map<string, CastAttribute>()
  // Whether `field` is an attribute to convert. A name that is no field at all converts nothing,
  // as in pinia-orm (which applies casts and mutators field by field): a dev warning says so. A
  // relation is refused: pinia-orm would hand it the relation's value, which nothing here does.
  const check = (kind: string, field: string): boolean => {
    if (attributes.has(field))
      return true
    const attributeList = [...attributes].join(', ')
    if (relationNames.has(field))
      throw createOrmError(`${name}.${kind}() names '${field}', a relation of ${name}: ${kind} apply to attributes only. Its attributes are: ${attributeList}.`)
    if (process.env.NODE_ENV !== 'production')
      console.warn(`[nuxt-pinia-orm] ${name}.${kind}() names '${field}', which is no field of ${name}, so it converts nothing (as in pinia-orm). Its attributes are: ${attributeList}. Remove it, or declare '${field}' in ${name}.fields().`)
    return false
  }
  for (const [field, Cast] of Object.entries(asObject(casts, `${name}.casts()`))) {
    if (!check('casts', field))
      continue
    // CastAttribute itself (pinia-orm's default cast) keeps every value as it is.
    if (Cast === CastAttribute)
      continue
    if (typeof Cast !== 'function' || !(Cast.prototype instanceof CastAttribute))
      throw createOrmError(`${name}.casts() gives '${field}' a value that is not a cast class. Give a class that extends CastAttribute, e.g. DateCast or ArrayCast (the class, not an instance).`)
    const cast = new (Cast as CastClass)(attributeFields)
    // A cast that keeps CastAttribute's `get` returns what it is given: nothing to do on read.
    if (cast.get !== CastAttribute.prototype.get)
      read.set(field, value => cast.get(value))
    write.set(field, (value) => {
      try {
        return cast.set(value)
      }
      catch (error) {
        // A save that cannot convert a value writes nothing; the error names the model and field.
        throw createOrmError(`${name}.${field}: ${(Cast as CastClass).name || 'its cast'} cannot store ${shownValue(value)}: ${reasonOf(error)}`, { cause: error })
      }
    })
    if ((Cast as typeof CastAttribute)._makesDefault)
      defaults.set(field, cast)
  }
  for (const [field, mutator] of Object.entries(asObject(mutators, `${name}.mutators()`))) {
    if (!check('mutators', field))
      continue
    const { get, set } = typeof mutator === 'function' ? { get: mutator as Mutator, set: undefined } : asObject(mutator, `${name}.mutators() for '${field}'`) as MutatorFunctions
    if ((get !== undefined && typeof get !== 'function') || (set !== undefined && typeof set !== 'function'))
      throw createOrmError(`${name}.mutators() gives '${field}' a mutator whose get or set is not a function. Give a function (applied on read) or { get(value), set(value) }.`)
    if (get)
      read.set(field, chain(read.get(field), get))
    if (set)
      write.set(field, chain(set, write.get(field)))
  }
  return read.size === 0 && write.size === 0 ? undefined : { read, write, defaults }
}

function chain(first: Convert | undefined, second: Convert | undefined): Convert {
  if (!first)
    return second!
  if (!second)
    return first
  return value => second(first(value))
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null)
    return {}
  if (typeof value !== 'object' || Array.isArray(value))
    throw createOrmError(`${what} must return an object keyed by field name.`)
  return value as Record<string, unknown>
}

/** A value in a message: a string quoted (cut at 40 characters), an invalid Date named so. */
function shownValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (value instanceof Date && Number.isNaN(value.getTime()))
    return 'an invalid Date'
  return describeKeyValue(value)
}

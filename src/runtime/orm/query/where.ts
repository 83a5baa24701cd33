import { createOrmError } from '../errors'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import type { RelationCondition } from '../relationQueries'
import type { Schema } from '../relations/Relation'
import { didYouMean } from '../suggest'
import { _isInstanceField, _readsOnInstance } from './instanceFields'

/**
 * One condition of a query: a `where` (all of which must pass) or an `orWhere` (any of which may).
 *
 * @internal
 */
export interface Where {
  field: string | ((item: Model) => boolean)
  value: unknown
  or: boolean
  /** The function reads the stored record's attributes only: no model instance needed. */
  raw?: boolean
  /** For a relation query (`has`, `whereHas`, ...), what it asks of which relation. */
  relation?: RelationCondition
  /**
   * The field's value is read on the model instance (see `instanceFields.ts`): a cast's or a
   * mutator's `get` converts it, or it is a getter of the class.
   */
  instance?: boolean
  /**
   * For a value (or list) given for a single-field primary key: the keys it names, compared as the
   * store's keys are (`'1'` names the record with id `1`), as pinia-orm looks such a `where` up by key.
   */
  keys?: ReadonlySet<string>
  /**
   * A condition every record kept passes, whatever the others say: the type filter of a subclass's
   * query (single-table inheritance), which no `orWhere()` or `orHas()` may widen.
   */
  always?: boolean
}

/**
 * `wheres` with a condition on `field` added (a new list: `wheres` is never changed). Throws for a
 * name that is not an attribute of the model, unless `shared` (a constraint written for several
 * models, where such a field matches nothing).
 *
 * @internal
 */
export function addWhere(schema: Schema, wheres: readonly Where[], field: Where['field'], value: unknown, or: boolean, shared?: boolean): readonly Where[] {
  if (typeof field === 'string' && !shared && !schema.attributes.has(field) && !_isInstanceField(schema, field))
    throw createOrmError(`where() on ${schema.name}: '${field}' is not an attribute of ${schema.name}.${process.env.NODE_ENV !== 'production' ? didYouMean(field, schema.attributeNames) : ''} Its attributes are: ${schema.attributeNames.join(', ')}. To filter by a relation, load it with with() and filter with a function.`)
  if (typeof field === 'string' && typeof value !== 'function' && schema.primaryKey.length === 1 && schema.primaryKey[0] === field)
    return [...wheres, { field, value, or, keys: keysOf(value) }]
  if (typeof field === 'string' && _readsOnInstance(schema, field))
    return [...wheres, { field, value, or, instance: true }]
  return [...wheres, { field, value, or }]
}

/** The keys a `where` value names: each value of a list or Set, or the value, as a string. */
function keysOf(value: unknown): ReadonlySet<string> {
  const values = Array.isArray(value) || value instanceof Set ? [...value as Iterable<unknown>] : [value]
  return new Set(values.map(String))
}

/** Whether a condition tests model instances rather than stored records. @internal */
export function testsInstance(where: { readonly field: unknown, readonly raw?: boolean, readonly instance?: boolean }): boolean {
  return where.instance === true || (typeof where.field === 'function' && !where.raw)
}

/** Whether any condition is an `orWhere`. @internal */
export function hasOr(wheres: readonly Where[]): boolean {
  return wheres.some(where => where.or)
}

/** Whether a `where` takes model instances (a function given alone): records are then tested as instances. @internal */
export function testsInstances(wheres: readonly Where[]): boolean {
  return wheres.some(testsInstance)
}

/**
 * The `where` group all passes, or any `orWhere` passes (pinia-orm's grouping); with `idSet`, the
 * item's key must be in it too, as part of the `where` group.
 *
 * @internal
 */
export function matches(query: { readonly _schema: Schema, readonly _wheres: readonly Where[] }, item: StoredRecord, idSet: ReadonlySet<string> | undefined): boolean {
  return matchesWheres(query._wheres, item, idSet === undefined ? undefined : idSet.has(keyOf(item, query._schema.primaryKey) ?? ''))
}

/**
 * Whether `item` passes `wheres` (and, when given, `inIds`: whether its key is among the query's ids).
 * With no condition at all, every item passes, as in a query without `where()`.
 *
 * @internal
 */
export function matchesWheres(wheres: readonly Where[], item: StoredRecord, inIds: boolean | undefined): boolean {
  let and = inIds ?? true
  let hasAnd = inIds !== undefined
  let or = false
  let conditions = wheres.length
  for (const where of wheres) {
    if (where.always) {
      if (!test(where, item))
        return false
      conditions--
    }
    else if (where.or) {
      or ||= test(where, item)
    }
    else {
      hasAnd = true
      and &&= test(where, item)
    }
  }
  return (hasAnd && and) || or || (!hasAnd && conditions === 0)
}

function test(where: Where, item: StoredRecord): boolean {
  const { field, value } = where
  if (typeof field === 'function')
    return field(item as unknown as Model)
  const actual = item[field]
  if (where.keys)
    return actual !== null && actual !== undefined && where.keys.has(String(actual))
  if (typeof value === 'function')
    return (value as (value: unknown) => boolean)(actual)
  if (Array.isArray(value))
    return value.includes(actual)
  if (value instanceof Set)
    return value.has(actual)
  return actual === value
}

import { createOrmError } from './errors'
import { describeKeyValue, isKeyValue } from './keyValues'
import type { Schema } from './relations/Relation'
import { _isInstanceField } from './query/instanceFields'

/**
 * Checks of what callers pass to the public query and repository methods, so a wrong argument
 * (from untyped code, or data used as an argument) is an error that names the method, the model
 * and what the method takes, instead of a `TypeError` from deep inside or a query that silently
 * matches nothing. Each check is one call at the top of its method.
 */

/**
 * `with(name, constraint?)`: a relation name (dotted for nested ones) and an optional function.
 *
 * @internal
 */
export function checkWithArguments(schema: Schema, name: unknown, constraint: unknown): void {
  if (typeof name !== 'string' || name === '') {
    const known = [...schema.relations.keys()]
    const hint = known.length > 0 ? `Its relations are: ${known.join(', ')}.` : `${schema.name} has no relations.`
    throw createOrmError(`with() on ${schema.name} takes the name of a relation ('phone', or 'phone.user' for a nested one), not ${describe(name)}. ${hint}`)
  }
  if (constraint !== undefined && typeof constraint !== 'function')
    throw createOrmError(`with('${name}') on ${schema.name}: the constraint must be a function of the related query, e.g. \`query => query.where('active', true)\`, not ${describe(constraint)}.`)
}

/**
 * `where(field, value?)` and `orWhere`: an attribute name or a function of the model instance.
 * (Whether a name is an attribute is checked where the condition is added.)
 *
 * @internal
 */
export function checkWhereField(method: string, schema: Schema, field: unknown): void {
  // A list of fields means the primary key (pinia-orm's whereId passes it so); any other list is
  // refused, never guessed at.
  if (Array.isArray(field)) {
    if (!namesPrimaryKey(schema, field))
      throw createOrmError(`${method}() on ${schema.name} with a list of fields (${field.map(String).join(', ')}): a list stands for the primary key (${schema.primaryKey.join(', ')}) and takes its ids, as whereId() does. For other fields, add one where() per field, or give a function of the instance. See docs/migration-from-pinia-orm.md.`)
    return
  }
  if (typeof field !== 'string' && typeof field !== 'function')
    throw createOrmError(`${method}() on ${schema.name} takes the name of an attribute or a function of the record, not ${describe(field)}. Its attributes are: ${schema.attributeNames.join(', ')}.`)
}

/** Whether `fields` lists the primary key of `schema`, in its order. @internal */
export function namesPrimaryKey(schema: Schema, fields: readonly unknown[]): boolean {
  return fields.length === schema.primaryKey.length && fields.every((field, i) => field === schema.primaryKey[i])
}

/**
 * `whereIn(field, values)` and `whereNotIn`: an array (or another iterable) of values.
 *
 * @internal
 */
export function checkWhereValues(method: string, schema: Schema, values: unknown): void {
  const iterable = values !== null && typeof values === 'object' && typeof (values as Iterable<unknown>)[Symbol.iterator] === 'function'
  if (!iterable)
    throw createOrmError(`${method}() on ${schema.name} takes an array (or a Set) of values, not ${describe(values)}.`)
}

/**
 * `orderBy(by, direction)`: an attribute name or a function, and `'asc'` or `'desc'`.
 *
 * @internal
 */
export function checkOrderBy(schema: Schema, by: unknown, direction: unknown, shared?: boolean): void {
  if (typeof by === 'string') {
    const head = by.includes('.') ? by.slice(0, by.indexOf('.')) : undefined
    const dotted = head !== undefined && (schema.relations.has(head) || schema.attributes.has(head) || _isInstanceField(schema, head))
    if (!shared && !schema.attributes.has(by) && !_isInstanceField(schema, by) && !dotted)
      throw createOrmError(`orderBy() on ${schema.name}: '${by}' is not an attribute of ${schema.name}. Its attributes are: ${schema.attributeNames.join(', ')}; or sort by a field of a loaded relation ('${schema.relationNames[0] ?? 'relation'}.field') or inside an attribute's value ('attribute.field'), or by a function of the record.`)
  }
  else if (typeof by !== 'function') {
    throw createOrmError(`orderBy() on ${schema.name} takes the name of an attribute or a function of the record, not ${describe(by)}.`)
  }
  if (direction !== 'asc' && direction !== 'desc')
    throw createOrmError(`orderBy() on ${schema.name} sorts 'asc' or 'desc', not ${describe(direction)}.`)
}

/**
 * `limit(count)` and `offset(count)`: a whole number, 0 or more.
 *
 * @internal
 */
export function checkCount(method: string, schema: Schema, count: unknown): void {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    throw createOrmError(`${method}() on ${schema.name} takes a whole number, 0 or more, not ${describe(count)}.`)
}

/**
 * `find`, `whereId` and `destroy`: ids whose values are strings, finite numbers or bigints (an
 * array of them for a composite key), or a list of such ids. `null` and `undefined` name no
 * record and are let through: they find nothing, as in pinia-orm.
 *
 * @internal
 */
export function checkIds(method: string, schema: Schema, ids: unknown): void {
  // The common case first, without allocating: one id of a single-field key.
  if (!Array.isArray(ids)) {
    if (ids !== null && ids !== undefined && !isKeyValue(ids))
      throw idError(method, schema, ids)
    return
  }
  const composite = schema.primaryKey.length > 1
  if (composite && !Array.isArray(ids[0])) {
    checkIdValues(method, schema, ids)
    return
  }
  // No list made per id: `destroy(ids)` of many ids checks each where it is.
  for (let i = 0; i < ids.length; i++) {
    const id: unknown = ids[i]
    if (composite && Array.isArray(id))
      checkIdValues(method, schema, id)
    else if (id !== null && id !== undefined && !isKeyValue(id))
      throw idError(method, schema, id)
  }
}

/**
 * The error for an id that cannot be a key of a model with a composite key (`destroy(2)`), which
 * could only delete nothing without a word; pinia-orm's `destroy()` throws on such a model
 * whatever the id.
 *
 * @internal
 */
export function compositeIdError(method: string, schema: Schema, id: unknown): Error {
  return createOrmError(`${method}() on ${schema.name}: the id ${describeId(id)} does not give its composite key (${schema.primaryKey.map(field => `'${field}'`).join(', ')}). Pass an array of one value per key field, in that order (or the store's key string, '[1,2]'), or a list of such arrays.`)
}

function describeId(id: unknown): string {
  if (Array.isArray(id))
    return `[${id.map(describeId).join(', ')}]`
  return typeof id === 'string' ? JSON.stringify(id) : String(id)
}

function checkIdValues(method: string, schema: Schema, values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value !== null && value !== undefined && !isKeyValue(value))
      throw idError(method, schema, value)
  }
}

/**
 * The error for an id that is not a key value (an object, `NaN`, a symbol).
 *
 * @internal
 */
export function idError(method: string, schema: Schema, value: unknown): Error {
  return createOrmError(`${method}() on ${schema.name}: an id is ${describeKeyValue(value)}. A key (or each value of a composite key ${schema.primaryKey.map(field => `'${field}'`).join(', ')}) is a string, a finite number or a bigint.`)
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value)}`
  return describeKeyValue(value)
}

import type { Pinia } from 'pinia'
import { BooleanAttr, NumberAttr, StringAttr } from './attributes'
import type { Attribute } from './attributes'
import type { StoredRecord } from './keys'
import type { Schema } from './relations/Relation'

/**
 * Warnings, in dev only, about input the ORM stores as given but that is probably a mistake: a
 * key that is no field of the model (a typo such as `nmae`, dropped by `save()`), and a value of
 * the wrong type in a `string()`, `number()` or `boolean()` field (stored as given: like
 * pinia-orm, nothing is converted). Each warning is given once per Pinia (once per request on a
 * server), so a list of ten thousand records with one typo warns once.
 */

/** Gives a warning once per key; made per save, see {@link devWarner}. */
export type DevWarn = (key: string, message: string) => void

/**
 * What each Pinia was already warned about (every dev warning of the core): gone with the Pinia.
 * Instances made with `new` belong to no Pinia: their warnings are kept per model (its schema).
 */
const warned = new WeakMap<Pinia | Schema, Set<string>>()

/**
 * Whether this Pinia was already warned under `key`, so a caller can skip the work of a check.
 *
 * @internal
 */
export function _warnedBefore(pinia: Pinia, key: string): boolean {
  return warned.get(pinia)?.has(key) === true
}

/**
 * Warns once per Pinia (or, for instances made with `new`, per model) and `key` (once per
 * request on a server). Callers guard it with
 * `process.env.NODE_ENV`, so production builds leave it out.
 *
 * @internal
 */
export function _warnOnce(pinia: Pinia | Schema, key: string, message: string): void {
  let keys = warned.get(pinia)
  if (!keys)
    warned.set(pinia, keys = new Set())
  if (keys.has(key))
    return
  keys.add(key)
  console.warn(`[nuxt-pinia-orm] ${message}`)
}

/**
 * The dev warner of a Pinia, or `undefined` in production (`process.env.NODE_ENV` is
 * `'production'`), where no input is checked at all.
 *
 * @internal
 */
export function devWarner(pinia: Pinia): DevWarn | undefined {
  if (process.env.NODE_ENV === 'production')
    return undefined
  return (key, message) => _warnOnce(pinia, key, message)
}

/**
 * Warns about a type value of single-table inheritance that names no class of the hierarchy.
 *
 * @internal
 */
export function warnAboutUnknownType(schema: Schema, type: unknown, warn: DevWarn): void {
  const inheritance = schema.features!.inheritance!
  if (type === undefined || type === null || inheritance.classOf(type) !== undefined)
    return
  const root = inheritance.root.name
  warn(`unknown type ${root}.${String(type)}`, `${schema.name}: a record's ${inheritance.typeKey} is ${JSON.stringify(type) ?? String(type)}, which ${root}.types() does not list, so it is saved and read as a ${root} (the fields only a subclass declares are not stored). List it in ${root}.types(), or correct the value.`)
}

/**
 * Warns about the keys of one input record of `schema` that are no field of it, and about values
 * of the wrong type in its typed fields.
 *
 * @internal
 */
export function warnAboutInput(schema: Schema, input: StoredRecord, warn: DevWarn, extraKey?: string): void {
  // A hook before the save gets the data given, keys that are no field included: pinia-orm's guide
  // passes such a key for its `creating` hook to read, so none of them is a mistake to warn about.
  const hooks = schema.features?.hooks
  const readByHooks = hooks !== undefined && (hooks.creating !== undefined || hooks.updating !== undefined || hooks.saving !== undefined)
  for (const field in input) {
    if (!Object.prototype.hasOwnProperty.call(input, field) || field === extraKey)
      continue
    const attribute = schema.attributes.get(field)
    if (attribute)
      warnAboutType(schema, field, attribute, input[field], warn)
    else if (!schema.relations.has(field) && !readByHooks && !schema.relationList.some(relation => relation._ownInputKeys().includes(field)))
      warn(`unknown ${schema.name}.${field}`, `${schema.name}.${field}: '${field}' is not a field of ${schema.name}, so it is not stored. Its fields are: ${[...schema.attributeNames, ...schema.relationNames].join(', ')}. Correct the key, or declare it in ${schema.name}.fields().`)
  }
}

/**
 * Warns about values of the wrong type among attribute values given to `update()`, with the
 * Pinia's warner (none in production).
 *
 * @internal
 */
export function warnAboutUpdate(pinia: Pinia, schema: Schema, values: StoredRecord): void {
  const warn = devWarner(pinia)
  if (warn)
    warnAboutTypes(schema, values, warn)
}

/**
 * Warns about values of the wrong type among attribute values: those given to `update()`, and the
 * keys a nested save sets on a record (a `number()` foreign key given a parent's string id), as
 * pinia-orm warns about both.
 *
 * @internal
 */
export function warnAboutTypes(schema: Schema, values: StoredRecord, warn: DevWarn): void {
  for (const field of Object.keys(values)) {
    const attribute = schema.attributes.get(field)
    if (attribute)
      warnAboutType(schema, field, attribute, values[field], warn)
  }
}

/**
 * Warns about values of the wrong type given to `new Model(...)`, `make()` or `$fill()`, which
 * belong to no Pinia: once per model, field and type of value, as pinia-orm's constructor warns
 * (it does so for every instance, also in production). Dev only: the caller guards it.
 *
 * @internal
 */
export function warnAboutMadeTypes(schema: Schema, values: StoredRecord): void {
  for (const field in values) {
    const attribute = schema.attributes.get(field)
    if (attribute !== undefined && Object.prototype.hasOwnProperty.call(values, field))
      warnAboutType(schema, field, attribute, values[field], (key, message) => _warnOnce(schema, key, message))
  }
}

function warnAboutType(schema: Schema, field: string, attribute: Attribute, value: unknown, warn: DevWarn): void {
  const expected = expectedType(attribute)
  if (expected === undefined || value === null || value === undefined || typeof value === expected)
    return
  warn(
    `type ${schema.name}.${field} ${typeof value}`,
    `${schema.name}.${field} was given ${_showValue(value)} (a ${typeof value}), but it is a ${expected} field. The value is kept as given, not converted. Convert it first, or declare the field with this.attr() if it takes other types.`,
  )
}

function expectedType(attribute: Attribute): 'string' | 'number' | 'boolean' | undefined {
  if (attribute instanceof StringAttr)
    return 'string'
  if (attribute instanceof NumberAttr)
    return 'number'
  if (attribute instanceof BooleanAttr)
    return 'boolean'
  return undefined
}

/** A value as a warning shows it: JSON where it can, cut to 60 characters. @internal */
export function _showValue(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? (JSON.stringify(value) ?? String(value)) : String(value)
  }
  catch {
    text = Object.prototype.toString.call(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

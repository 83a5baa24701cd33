import { checkOrderBy } from '../arguments'
import { createOrmError } from '../errors'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import type { Schema } from '../relations/Relation'
import { _isInstanceField, _readsOnInstance } from './instanceFields'

/** How `orderBy` compares strings: a collator, or the options to make one. */
export interface OrderByOptions {
  /**
   * Compare strings with this `Intl.Collator`, or with one made from these options (and `locale`):
   * `{ sensitivity: 'base' }` ignores case and accents, `{ numeric: true }` puts 'item 2'
   * before 'item 10'. Without it strings compare by code unit, as pinia-orm does.
   * @default undefined
   */
  collator?: Intl.Collator | Intl.CollatorOptions
  /**
   * The locale of a collator made from options.
   * @default undefined (the runtime's default locale)
   */
  locale?: string | string[]
}

/** A comparison of two strings. @internal */
export type StringCompare = (a: string, b: string) => number

const OPTION_KEYS: ReadonlySet<string> = new Set(['collator', 'locale'])

/**
 * The string comparison for these options, or `undefined` for code-unit order. A collator given
 * as the options themselves (`orderBy('name', 'asc', new Intl.Collator('lt'))`, as pinia-orm 2
 * takes it) is used as it is; an unknown option throws, naming it.
 *
 * @internal
 */
export function stringCompare(modelName: string, options: OrderByOptions | Intl.Collator | undefined): StringCompare | undefined {
  if (options instanceof Intl.Collator)
    return options.compare
  if (options === undefined)
    return undefined
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw createOrmError(`orderBy() on ${modelName} takes options as an object ({ collator, locale }) or an Intl.Collator, not ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}.`)
  const unknown = Object.keys(options).filter(key => !OPTION_KEYS.has(key))
  if (unknown.length > 0)
    throw createOrmError(`orderBy() on ${modelName}: the option '${unknown[0]}' is not known. The options are: collator (an Intl.Collator or its options), locale.`)
  const collator = options.collator
  if (collator === undefined && options.locale === undefined)
    return undefined
  if (collator !== undefined && !(collator instanceof Intl.Collator) && (collator === null || typeof collator !== 'object'))
    throw createOrmError(`orderBy() on ${modelName}: the option 'collator' takes an Intl.Collator or its options ({ sensitivity: 'base' }), not ${collator === null ? 'null' : typeof collator}.`)
  try {
    return (collator instanceof Intl.Collator ? collator : new Intl.Collator(options.locale, collator)).compare
  }
  catch (error) {
    throw createOrmError(`orderBy() on ${modelName}: Intl.Collator refuses the options given (${error instanceof Error ? error.message : String(error)}). Give a locale such as 'en' or 'de-CH', and collator options as Intl.Collator takes them.`, { cause: error })
  }
}

/**
 * Compares two field values: a total order, so that a sort is the same whatever order the records
 * come in, also for a field that holds values of several types. `null`, then `undefined` (a missing
 * value), come after every value, as pinia-orm sorts them (so they come first in a descending
 * order). Values of one type compare as JavaScript's `<` does (strings by code unit, or with
 * `strings`; dates by time), `NaN` after the other numbers; values of different types by type:
 * numbers (and bigints), strings, booleans, dates, other objects. pinia-orm compares such a pair
 * as strings, which orders `5`, `'X'`, `'abc'`, `false`, `true` as this does, but is no order at
 * all for some fields (`'10' < 2 < 10`, and `10` equals `'10'`).
 *
 * @internal
 */
export function compareOrdered(x: unknown, y: unknown, strings?: StringCompare): number {
  if (x === y)
    return 0
  const xRank = x === undefined ? 2 : x === null ? 1 : 0
  const yRank = y === undefined ? 2 : y === null ? 1 : 0
  if (xRank !== 0 || yRank !== 0)
    return xRank - yRank
  const type = typeof x
  if (type === 'string' && typeof y === 'string')
    return strings ? strings(x as string, y) : (x as string) < y ? -1 : 1
  if (type === 'number' && typeof y === 'number' && x === x && y === y)
    return (x as number) < y ? -1 : 1
  const xType = typeRank(x)
  const yType = typeRank(y)
  if (xType !== yType)
    return xType - yType
  if (xType === NUMBER) {
    // NaN is unequal to itself: after every other number.
    if (x !== x || y !== y)
      return (x !== x ? 1 : 0) - (y !== y ? 1 : 0)
  }
  else if (xType === DATE) {
    return compareOrdered((x as Date).getTime(), (y as Date).getTime())
  }
  else if (xType === OTHER) {
    // Symbols and functions: no order (`<` throws on a symbol); left as they come.
    return 0
  }
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0
}

const NUMBER = 0
const DATE = 3
const OTHER = 5

/** The place of a value's type in {@link compareOrdered}'s order. */
function typeRank(value: unknown): number {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return NUMBER
    case 'string':
      return 1
    case 'boolean':
      return 2
    case 'object':
      return value instanceof Date ? DATE : 4
    default:
      return OTHER
  }
}

/** What `orderBy` takes besides a single field: several fields, each with its direction. */
export type OrderByList = readonly (string | readonly [string, 'asc' | 'desc'])[]

/**
 * The `[field, direction]` pairs of `orderBy(['name', ['age', 'desc']], 'asc')`: a field alone
 * takes the direction given to `orderBy`.
 *
 * @internal
 */
export function orderPairs(list: OrderByList, direction: 'asc' | 'desc'): [string, 'asc' | 'desc'][] {
  return list.map(entry => typeof entry === 'string' ? [entry, direction] : [entry[0], entry[1]])
}

/** One sort key of a query: a field or a function of the model instance. @internal */
export interface Order {
  by: string | ((item: Model) => unknown)
  desc: boolean
  strings?: StringCompare
  /** The field is read on the model instance (see `instanceFields.ts`), as in pinia-orm. */
  instance?: boolean
  /**
   * The steps of a dotted name: through a relation (`'role.name'`, read on the instance once
   * loaded) or into an attribute's value (`'address.city'`, as pinia-orm sorts by it).
   */
  path?: readonly string[]
  /** The path starts with a relation, which the query must load before it sorts. */
  throughRelation?: boolean
}

/**
 * Whether a sort key reads the relations a query loads: a dotted name through a relation, or a
 * function of the instance when the query loads relations. Such a query loads its relations
 * before it sorts, as pinia-orm does.
 *
 * @internal
 */
export function sortsByRelations(order: { readonly by: unknown, readonly throughRelation?: boolean }, loads: boolean): boolean {
  return order.throughRelation === true || (loads && typeof order.by === 'function')
}

/** Whether a sort key reads model instances rather than stored records. @internal */
export function sortsInstances(order: { readonly by: unknown, readonly instance?: boolean }): boolean {
  return order.instance === true || typeof order.by === 'function'
}

/**
 * Adds the sort keys of `orderBy(by, direction, options)` to the query's `_orders`, each checked
 * before it is added.
 *
 * @internal
 */
export function addOrders(query: { readonly _schema: Schema, _orders: readonly Order[], readonly _sharedConstraint?: boolean }, by: unknown, direction: 'asc' | 'desc', options: OrderByOptions | Intl.Collator | undefined): void {
  const strings = stringCompare(query._schema.name, options)
  if (Array.isArray(by)) {
    for (const [field, fieldDirection] of orderPairs(by as OrderByList, direction)) {
      checkOrderBy(query._schema, field, fieldDirection, query._sharedConstraint)
      query._orders = [...query._orders, orderOf(query._schema, field, fieldDirection, strings)]
    }
    return
  }
  checkOrderBy(query._schema, by, direction, query._sharedConstraint)
  query._orders = [...query._orders, orderOf(query._schema, by as Order['by'], direction, strings)]
}

function orderOf(schema: Schema, by: Order['by'], direction: 'asc' | 'desc', strings: StringCompare | undefined): Order {
  const order: Order = { by, desc: direction === 'desc', strings }
  if (typeof by !== 'string')
    return order
  const field = nestedField(schema, by)
  const throughRelation = field === undefined && by.includes('.') && schema.relations.has(by.slice(0, by.indexOf('.')))
  if (field !== undefined || throughRelation)
    order.path = by.split('.')
  if (throughRelation)
    order.throughRelation = true
  if (_readsOnInstance(schema, field ?? by))
    order.instance = true
  return order
}

/**
 * The attribute a dotted sort key reads into (`'address'` of `'address.city'`), or `undefined`
 * when the key is an attribute's own name or does not start with one.
 *
 * @internal
 */
function nestedField(schema: Schema, by: string): string | undefined {
  const dot = by.indexOf('.')
  if (dot < 0 || schema.attributes.has(by))
    return undefined
  const field = by.slice(0, dot)
  return schema.attributes.has(field) || _isInstanceField(schema, field) ? field : undefined
}

/** Compares two records (or instances) by `orders`, the first that tells them apart deciding. @internal */
export function compareRecords(orders: readonly Order[], a: StoredRecord, b: StoredRecord): number {
  for (const order of orders) {
    const x = typeof order.by === 'function' ? order.by(a as unknown as Model) : order.path ? valueAt(a, order.path) : a[order.by]
    const y = typeof order.by === 'function' ? order.by(b as unknown as Model) : order.path ? valueAt(b, order.path) : b[order.by]
    const result = compareOrdered(x, y, order.strings)
    if (result !== 0)
      return order.desc ? -result : result
  }
  return 0
}

/**
 * The value at a dotted path of an instance or a record (`role.name`, `address.city`); `undefined`
 * past a missing step.
 *
 * @internal
 */
export function valueAt(item: StoredRecord, path: readonly string[]): unknown {
  let value: unknown = item
  for (const step of path) {
    if (value === null || typeof value !== 'object')
      return undefined
    value = (value as Record<string, unknown>)[step]
  }
  return value
}

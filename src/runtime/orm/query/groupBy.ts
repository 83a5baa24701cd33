import { createOrmError } from '../errors'
import { recordAt, setRecord } from '../ownRecords'
import type { Schema } from '../relations/Relation'
import { _isInstanceField } from './instanceFields'

/**
 * Groups items by the values of `fields`, keyed as pinia-orm keys them: the value itself (as an
 * object key) for one field, `[a,b]` (the values joined by commas in brackets) for several.
 * Groups and the items in each keep the order of `items`. A value named like a member of
 * `Object.prototype` (`'constructor'`, `'__proto__'`) is a group like any other.
 *
 * @internal
 */
export function groupItems<T>(items: readonly T[], fields: readonly string[], read: FieldReader = readField): Record<string, T[]> {
  // Two passes: the first counts each group, the second puts each item in a list made to its
  // group's size. A list grown by push() from [item] reserves 17 slots, most of them empty, and a
  // grouping of many small groups (posts by user) then allocates, and the GC copies, several times
  // what it holds.
  // Prototype-less: a group named like a member of Object.prototype is a count like any other.
  const sizes = Object.create(null) as Record<string, number>
  for (let i = 0; i < items.length; i++) {
    const key = groupKey(items[i] as Record<string, unknown>, fields, read)
    sizes[key] = (sizes[key] ?? 0) + 1
  }
  const groups: Record<string, T[]> = {}
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    const key = groupKey(item as Record<string, unknown>, fields, read)
    let group = recordAt(groups, key)
    if (group === undefined) {
      // eslint-disable-next-line unicorn/no-new-array -- a length, filled below
      group = new Array<T>(sizes[key]!)
      // A number is set as it is: no string made for it, and it cannot name '__proto__'.
      if (typeof key === 'number')
        groups[key] = group
      else
        setRecord(groups, key, group)
      // From here on, the group's size counts its items placed.
      sizes[key] = 0
    }
    group[sizes[key]!++] = item
  }
  return groups
}

/** Reads a field of an item to group it by. @internal */
export type FieldReader = (item: Record<string, unknown>, field: string) => unknown

const readField: FieldReader = (item, field) => item[field]

/** The key of an item's group: the value of one field (a number kept as it is), `[a,b]` for several. */
function groupKey(record: Record<string, unknown>, fields: readonly string[], read: FieldReader): string | number {
  if (fields.length === 1) {
    // A number is an object key as it is (it names the same property as its string).
    const value = read(record, fields[0]!)
    return typeof value === 'number' || typeof value === 'string' ? value : String(value)
  }
  return `[${fields.map(field => read(record, field)).join(',')}]`
}

/**
 * Adds `fields` (lists flattened) to the attributes the query groups its results by, after checking
 * that each is an attribute of the model.
 *
 * @internal
 */
export function addGroups(query: { readonly _schema: Schema, _groups: string[] | undefined }, fields: readonly (string | readonly string[])[]): void {
  const list = fields.flat()
  for (const field of list) {
    if (typeof field !== 'string')
      throw createOrmError(`groupBy() on ${query._schema.name} takes field names (strings, or lists of them), not ${field === null ? 'null' : typeof field}. Its attributes are: ${query._schema.attributeNames.join(', ')}.`)
    if (!query._schema.attributes.has(field) && !_isInstanceField(query._schema, field))
      throw createOrmError(`groupBy() on ${query._schema.name}: '${field}' is not an attribute of ${query._schema.name}. Its attributes are: ${query._schema.attributeNames.join(', ')}.`)
  }
  query._groups = [...(query._groups ?? []), ...list]
}

/**
 * Throws for a read of one record from a query grouped with `groupBy()`: its groups have no first,
 * last or single record. pinia-orm 1.10 gives `null` there (or, for `first()` grouped by a field
 * holding 0, the group of 0), which hides the mistake.
 *
 * @internal
 */
export function refuseGrouped(query: { readonly _schema: Schema, readonly _groups: string[] | undefined }, method: 'first' | 'last' | 'find'): void {
  if (query._groups !== undefined)
    throw createOrmError(`${method}() on a ${query._schema.name} query grouped with groupBy(${query._groups.map(field => `'${field}'`).join(', ')}): a group is a list, and no record stands for it. Call get() for the groups (keyed by value), or leave groupBy() out of this query.`)
}

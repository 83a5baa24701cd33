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
export function groupItems<T>(items: readonly T[], fields: readonly string[]): Record<string, T[]> {
  const groups: Record<string, T[]> = {}
  const single = fields.length === 1 ? fields[0]! : undefined
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    const record = item as Record<string, unknown>
    let key: string | number
    if (single !== undefined) {
      // A number is an object key as it is (it names the same property as its string).
      const value = record[single]
      key = typeof value === 'number' || typeof value === 'string' ? value : String(value)
    }
    else {
      key = `[${fields.map(field => record[field]).join(',')}]`
    }
    const group = recordAt(groups, key)
    if (group)
      group.push(item)
    else
      setRecord(groups, String(key), [item])
  }
  return groups
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
    if (!query._schema.attributes.has(field) && !_isInstanceField(query._schema, field))
      throw createOrmError(`groupBy() on ${query._schema.name}: '${field}' is not an attribute of ${query._schema.name}. Its attributes are: ${query._schema.attributeNames.join(', ')}.`)
  }
  query._groups = [...(query._groups ?? []), ...list]
}

import { createOrmError } from './errors'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import type { Relation } from './relations/Relation'
import { hasGeneratedKey } from './schema'
import type { Schema } from './schema'
import { generateUid } from './uid'

/**
 * One record of the input, after normalization: which record it is, the values this save gives it,
 * and the nested records found under its relations (used to build `save()`'s return value).
 */
export interface SavedNode {
  readonly schema: Schema
  readonly key: string
  /** The values this save gives the record; shared by every node that names the same record. */
  readonly attributes: StoredRecord
  readonly relations: Record<string, SavedNode | SavedNode[] | null>
}

/** What relation types use to split their nested input into records. */
export interface NormalizeVisitor {
  /** Normalizes one nested record of `schema`, with `keys` forced onto it, under path `segment`. */
  visit: (schema: Schema, record: unknown, keys: StoredRecord | undefined, segment: string) => SavedNode
  /** A field's value for a record: as given in this save, else as stored. */
  valueOf: (node: SavedNode, field: string) => unknown
  /** Throws an error for bad input, naming where in the input it is. */
  fail: (message: string) => never
}

/** The input of one save, split per model into records keyed by primary key. */
export interface Normalized {
  readonly roots: SavedNode[]
  readonly batches: Map<Schema, Map<string, StoredRecord>>
}

/** What normalization needs from the database it writes to. */
export interface NormalizeContext {
  /** The schema of a relation's related model. */
  related: (relation: Relation, owner: Schema, field: string) => Schema
  /** The record as it is in the store now, if any. */
  stored: (schema: Schema, key: string) => StoredRecord | undefined
}

/**
 * Splits `input` (one record or a list) of `schema`'s model into per-model batches of records, filling
 * in the keys that link nested records. It never writes and never mutates the input, so a save that
 * fails here changes nothing. A record object reached twice (a cycle) is taken once.
 *
 * @internal
 */
export function normalize(context: NormalizeContext, schema: Schema, input: unknown, withRelations: boolean): Normalized {
  const batches = new Map<Schema, Map<string, StoredRecord>>()
  const seen = new Map<object, SavedNode>()
  const path: string[] = []
  const roots: SavedNode[] = []

  const visitor: NormalizeVisitor = {
    visit(schema, record, keys, segment) {
      path.push(segment)
      try {
        return visitRecord(schema, record, keys)
      }
      finally {
        path.pop()
      }
    },
    valueOf(node, field) {
      const value = node.attributes[field]
      return value === undefined ? context.stored(node.schema, node.key)?.[field] : value
    },
    fail(message) {
      throw createOrmError(`${path.join('')}: ${message}`)
    },
  }

  function visitRecord(schema: Schema, record: unknown, keys: StoredRecord | undefined): SavedNode {
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      visitor.fail(`a ${schema.name} record must be an object of fields, not ${describe(record)}.`)
    const previous = seen.get(record)
    if (previous) {
      if (keys)
        Object.assign(previous.attributes, keys)
      return previous
    }

    const input = record as StoredRecord
    const values: StoredRecord = {}
    for (const field of schema.attributeNames) {
      const value = input[field]
      if (value !== undefined)
        values[field] = value
    }
    if (keys)
      Object.assign(values, keys)

    let key = keyOf(values, schema.primaryKey)
    if (key === undefined) {
      if (!hasGeneratedKey(schema)) {
        const fields = schema.primaryKey.map(field => `'${field}'`).join(', ')
        visitor.fail(`the ${schema.name} record has no value for its primary key ${fields}. Give every ${schema.name} its key, or declare the key field with this.uid() to have it generated.`)
      }
      for (const field of schema.primaryKey)
        values[field] ??= generateUid()
      key = keyOf(values, schema.primaryKey)!
    }

    let batch = batches.get(schema)
    if (!batch)
      batches.set(schema, batch = new Map())
    const merged = batch.get(key)
    if (merged)
      Object.assign(merged, values)
    else
      batch.set(key, values)

    const node: SavedNode = { schema, key, attributes: merged ?? values, relations: {} }
    if (withRelations && schema.relations.size > 0) {
      seen.set(record, node)
      for (const [field, relation] of schema.relations) {
        const value = input[field]
        if (value !== undefined)
          relation._normalize(visitor, node, value, context.related(relation, schema, field), field)
      }
    }
    return node
  }

  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++)
      roots.push(visitor.visit(schema, input[i], undefined, `${schema.entity}[${i}]`))
  }
  else {
    roots.push(visitor.visit(schema, input, undefined, schema.entity))
  }
  return { roots, batches }
}

function describe(value: unknown): string {
  if (value === null)
    return 'null'
  if (Array.isArray(value))
    return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`
}

import { createOrmError } from './errors'
import { warnAboutInput } from './inputWarnings'
import type { DevWarn } from './inputWarnings'
import { keyOf } from './keys'
import { primaryKeyProblem } from './keyValues'
import { MAX_NESTING, nestingError } from './nesting'
import type { StoredRecord } from './keys'
import type { Relation } from './relations/Relation'
import { _schemaForRecord, hasGeneratedKey } from './schema'
import type { Schema } from './schema'

/** The nested records a relation of one input record links to. */
export type SavedLink = SavedNode | SavedNode[] | null

/**
 * One record of the input, after normalization: which record it is, its attributes as they will be
 * stored, and the nested records found under its relations (used to build `save()`'s result).
 */
export interface SavedNode {
  readonly schema: Schema
  readonly key: string
  /** The record as it will be stored; shared by every node that names the same record. */
  readonly attributes: StoredRecord
  /** The relation fields the input filled, and what each links to (same positions). */
  fields: string[] | undefined
  links: SavedLink[] | undefined
}

/** What relation types use to split their nested input into records. */
export interface NormalizeVisitor {
  /** Normalizes one nested record of `schema`, with `keys` forced onto it, under path `segment`. */
  visit: (schema: Schema, record: unknown, keys: StoredRecord | undefined, segment: string) => SavedNode
  /** Throws an error for bad input, naming where in the input it is. */
  fail: (message: string) => never
}

/** The input of one save, split per model into complete records keyed by primary key. */
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
  /** Warns (once) about unknown keys and mistyped values; given in dev only. */
  warn?: DevWarn
}

/** How normalization treats the input. */
export interface NormalizeOptions {
  /** Follow relations into nested records (`save`), or ignore them (`insert`, `fresh`). */
  relations: boolean
  /** Start from the stored record and change only the given fields (`save`), or replace it. */
  merge: boolean
}

/**
 * Splits `input` (one record or a list) of `schema`'s model into per-model batches of complete
 * records, as they will be stored, filling in the keys that link nested records. It never writes
 * and never mutates the input or the store, so a save that fails here changes nothing. A record
 * object reached twice (a cycle) is taken once.
 *
 * @internal
 */
export function normalize(context: NormalizeContext, schema: Schema, input: unknown, options: NormalizeOptions): Normalized {
  const rootSchema = schema
  const batches = new Map<Schema, Map<string, StoredRecord>>()
  // One object can stand for records of two models (`o.posts = [o]`): key the guard on both.
  const seen = new Map<Schema, Map<object, SavedNode>>()
  // Where the visit is in the input, for error messages. A failure aborts the whole normalization,
  // so the path is left as it was when the error was thrown.
  const path: string[] = []

  const visitor: NormalizeVisitor = {
    visit(schema, record, keys, segment) {
      path.push(segment)
      if (path.length > MAX_NESTING)
        throw nestingError(context.related, rootSchema, input, path)
      const node = visitRecord(schema, record, keys)
      path.pop()
      return node
    },
    fail(message) {
      throw createOrmError(`${path.join('')}: ${message}`)
    },
  }

  function visitRecord(schema: Schema, record: unknown, keys: StoredRecord | undefined): SavedNode {
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      visitor.fail(`a ${schema.name} record must be an object of fields, not ${describe(record)}.`)
    const previous = seen.get(schema)?.get(record)
    if (previous) {
      if (keys)
        Object.assign(previous.attributes, keys)
      return previous
    }
    // Model features: a subclass's schema by the record's type, casts' and mutators' `set`.
    if (schema.features?.inheritance)
      schema = _schemaForRecord(schema, record as StoredRecord)
    const input = schema.features?.write ? schema.features.write(record as StoredRecord) : record as StoredRecord
    if (context.warn)
      warnAboutInput(schema, input, context.warn)

    let key = keyOf(input, schema.primaryKey, keys)
    const keyProblem = key === undefined ? undefined : primaryKeyProblem(schema, input, keys)
    if (keyProblem)
      visitor.fail(keyProblem)
    if (key === undefined) {
      if (!hasGeneratedKey(schema)) {
        const fields = schema.primaryKey.map(field => `'${field}'`).join(', ')
        visitor.fail(`the ${schema.name} record has no value for its primary key ${fields}. Give every ${schema.name} its key, or declare the key field with this.uid() to have it generated.`)
      }
      const generated: StoredRecord = { ...keys }
      for (const field of schema.primaryKey)
        generated[field] ??= input[field] ?? schema.attributes.get(field)!._makeDefault()
      keys = generated
      key = keyOf(generated, schema.primaryKey)!
    }

    let batch = batches.get(schema)
    if (!batch)
      batches.set(schema, batch = new Map())
    let attributes = batch.get(key)
    if (attributes) {
      assignGiven(attributes, schema, input, keys)
    }
    else {
      const stored = options.merge ? context.stored(schema, key) : undefined
      if (stored) {
        attributes = { ...stored }
        assignGiven(attributes, schema, input, keys)
      }
      else {
        attributes = schema.withDefaults(input, keys)
      }
      batch.set(key, attributes)
    }

    const node: SavedNode = { schema, key, attributes, fields: undefined, links: undefined }
    if (options.relations) {
      let seenOfSchema: Map<object, SavedNode> | undefined
      const { relationNames, relationList } = schema
      for (let i = 0; i < relationNames.length; i++) {
        const field = relationNames[i]!
        const value = input[field]
        if (value === undefined)
          continue
        // Only records that lead on to others can close a cycle.
        if (!seenOfSchema && !(seenOfSchema = seen.get(schema)))
          seen.set(schema, seenOfSchema = new Map())
        seenOfSchema.set(record, node)
        const relation = relationList[i]!
        const link = relation._normalize(visitor, node, value, context.related(relation, schema, field), field)
        ;(node.fields ??= []).push(field)
        ;(node.links ??= []).push(link)
      }
    }
    return node
  }

  const roots: SavedNode[] = []
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++)
      roots.push(visitor.visit(schema, input[i], undefined, `${schema.entity}[${i}]`))
  }
  else {
    roots.push(visitor.visit(schema, input, undefined, schema.entity))
  }
  return { roots, batches }
}

/** Sets the attributes the input gives (and the forced keys) on a record being built. */
function assignGiven(target: StoredRecord, schema: Schema, input: StoredRecord, keys: StoredRecord | undefined): void {
  const names = schema.attributeNames
  for (let i = 0; i < names.length; i++) {
    const value = input[names[i]!]
    if (value !== undefined)
      target[names[i]!] = value
  }
  if (keys)
    Object.assign(target, keys)
}

function describe(value: unknown): string {
  if (value === null)
    return 'null'
  if (Array.isArray(value))
    return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`
}

import { createOrmError } from './errors'
import { _filledEmpty, _stillEmpty, _unmarkFilledEmpty } from './filledRelations'
import { warnAboutInput, warnAboutTypes, warnAboutUnknownType } from './inputWarnings'
import type { DevWarn } from './inputWarnings'
import { keyOf } from './keys'
import { primaryKeyProblem } from './keyValues'
import { MAX_NESTING, nestingError } from './nesting'
import type { StoredRecord } from './keys'
import type { NormalizeVisitor, RelationLink, SavedNode, Schema } from './relations/Relation'
import { _retyped, _schemaOfType, hasGeneratedKey } from './schema'

export type { NormalizeVisitor, SavedLink, SavedNode } from './relations/Relation'

/** The input of one save, split per model into complete records keyed by primary key. */
export interface Normalized {
  readonly roots: SavedNode[]
  readonly batches: Map<Schema, Map<string, StoredRecord>>
  /** Records linked before that the input unlinks (saving `null` / `[]`), see `applyUnlinks`. */
  readonly unlinks: Unlink[]
  /**
   * For the records of models with lifecycle hooks, the data the input gave each (with the keys its
   * parent sets): what the hooks get as `record`, pinia-orm's "original data passed to the model".
   */
  readonly inputs?: Map<StoredRecord, StoredRecord>
}

/** A record to unlink: its `fields` set to null, or deleted. */
export interface Unlink {
  readonly schema: Schema
  readonly key: string
  readonly fields: readonly string[] | 'delete'
}

/** What normalization needs from the database it writes to. */
export interface NormalizeContext {
  /** A relation of `owner` bound to the database. */
  link: (owner: Schema, field: string) => RelationLink
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
 * Why each schema keeps the visitor of its last normalization (`Schema.lastVisitor`), its closures
 * emptied of everything that normalization captured: the relations call the visitor's functions
 * from their hottest loop, and V8 optimizes those calls for the one function a call site has
 * seen. When that function is garbage, as it is after its save, the next full GC throws the
 * optimized code away, and a server that saves once per request (a GC between two requests) runs
 * its saves unoptimized again and again. With the last visitor alive, the next save's call sites
 * see a second function of the same code, and V8 optimizes them for any function of it: code that
 * no GC invalidates. It holds no record of any Pinia: the captured store, input and batches are
 * dropped before it is kept. Kept on the schema, an object the caller holds, so that no bundler
 * drops the write as unused.
 *
 * This is the context the kept closures hold once their normalization is over: nothing of it.
 */
const NO_CONTEXT: NormalizeContext = Object.freeze({
  link: () => {
    throw createOrmError('this normalization is over.')
  },
  stored: () => undefined,
})

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
  let batches = new Map<Schema, Map<string, StoredRecord>>()
  // One object can stand for records of two models (`o.posts = [o]`): key the guard on both.
  // By entity: the classes of a single-table hierarchy share one, and a record may be retyped.
  let seen = new Map<string, Map<object, SavedNode>>()
  // Where the visit is in the input, for error messages. A failure aborts the whole normalization,
  // so the path is left as it was when the error was thrown.
  // Segments and list indexes apart (-1: none), so a record's place costs no string until an error.
  const segments: string[] = []
  const indexes: number[] = []
  const path = () => segments.map((segment, i) => indexes[i]! < 0 ? segment : `${segment}[${indexes[i]}]`)
  let unlinks: Unlink[] = []
  // The records whose nested records are being visited (the path from the root, as a stack of
  // their records being built and their inputs). pinia-orm (normalizr) stores a record after the
  // records nested in it, so when a record comes again inside itself (a loaded back-reference
  // saved as it was: user.posts[0].author), the outer one's values win over the inner one's.
  const openRecords: StoredRecord[] = []
  const openInputs: StoredRecord[] = []
  // The keys the parent forces onto each open record (`undefined`: none), at the same positions.
  const openKeys: (StoredRecord | undefined)[] = []
  let inputs: Map<StoredRecord, StoredRecord> | undefined

  const visitor: NormalizeVisitor = {
    visit(schema, record, keys, segment, index = -1, extraKey) {
      enter(segment, index)
      const node = visitRecord(schema, record, keys, extraKey, true)!
      segments.pop()
      indexes.pop()
      return node
    },
    visitAttributes(schema, record, keys, segment) {
      enter(segment, -1)
      visitRecord(schema, record, keys, undefined, false)
      segments.pop()
      indexes.pop()
      return lastAttributes!
    },
    input: () => openInputs[openInputs.length - 1]!,
    gives(fields) {
      const given = openInputs[openInputs.length - 1]!
      const forced = openKeys[openKeys.length - 1]
      for (const field of fields) {
        const value = forced?.[field] ?? given[field]
        // '' is what a `this.string('')` key holds for "none", as an instance made without it does.
        if (value === null || value === undefined || value === '')
          return false
      }
      return true
    },
    fail(message) {
      throw createOrmError(`${path().join('')}: ${message}`)
    },
    stored: (schema, key) => context.stored(schema, key),
    unlink(schema, key, fields) {
      unlinks.push({ schema, key, fields })
    },
    warn(key, message) {
      context.warn?.(key, message)
    },
  }

  /**
   * `outer`, the inputs of the open occurrences of a record, and the fields their relations set
   * on it (a belongsTo's foreign key): a copy nested inside overrides none of those either. Only
   * for a record nested in itself, which is rare: nothing is kept for the others.
   */
  function withLinkedKeys(outer: StoredRecord[], schema: Schema): StoredRecord[] {
    let linked: StoredRecord | undefined
    for (const given of outer) {
      for (const field of schema.relationNames) {
        if (given[field] === undefined)
          continue
        for (const key of context.link(schema, field).setsOnParent ?? [])
          (linked ??= {})[key] = true
      }
    }
    return linked === undefined ? outer : [...outer, linked]
  }

  /**
   * A record an earlier copy in this save batched under another class of the hierarchy, moved to
   * `batch` (this class's): one record per key, as the store keeps it. Given another type, it is
   * rebuilt as one of this class in place (the nodes of the earlier copies hold the object, and
   * read as the class its type names).
   */
  function movedFromSibling(schema: Schema, key: string, batch: Map<string, StoredRecord>, input: StoredRecord, keys: StoredRecord | undefined): StoredRecord | undefined {
    const other = batchHolding(schema.entity, key, schema)
    if (other === undefined)
      return undefined
    const attributes = other.get(key)!
    other.delete(key)
    if (_retyped(schema, attributes, input)) {
      const rebuilt = schema.withDefaults(attributes, keys)
      for (const field of Object.keys(attributes))
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- emptied, then refilled
        delete attributes[field]
      Object.assign(attributes, rebuilt)
    }
    batch.set(key, attributes)
    return attributes
  }

  /** The type the outermost open occurrence of `record`'s record gives it, if any. */
  function typeGivenOutside(schema: Schema, record: StoredRecord, keys: StoredRecord | undefined): unknown {
    const key = keyOf(record, schema.primaryKey, keys)
    const attributes = key === undefined ? undefined : batchHolding(schema.entity, key)?.get(key)
    const outer = attributes === undefined ? undefined : inputsOpen(openRecords, openInputs, attributes)
    return outer?.find(given => given[schema.features!.inheritance!.typeKey] !== undefined)?.[schema.features!.inheritance!.typeKey]
  }

  /** The batch of this save, of any class of `entity` but `except`, that holds `key`. */
  function batchHolding(entity: string, key: string, except?: Schema): Map<string, StoredRecord> | undefined {
    for (const [batched, batch] of batches) {
      if (batched !== except && batched.entity === entity && batch.has(key))
        return batch
    }
    return undefined
  }

  function enter(segment: string, index: number): void {
    segments.push(segment)
    indexes.push(index)
    if (segments.length > MAX_NESTING)
      throw nestingError((owner, field) => context.link(owner, field).related, rootSchema, input, path())
  }

  // The attributes visitRecord wrote last, for visitAttributes.
  let lastAttributes: StoredRecord | undefined

  /**
   * Normalizes one record into its batch. Returns its node, or with `wantNode` false (a caller
   * that keeps only the attributes, as a pivot record's) none unless it opened a relation: a node
   * per pivot record was 3 objects per user in a save of users with 3 roles (bench W9).
   */
  function visitRecord(schema: Schema, record: unknown, keys: StoredRecord | undefined, extraKey: string | undefined, wantNode: boolean): SavedNode | undefined {
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      visitor.fail(`a ${schema.name} record must be an object of fields, not ${describe(record)}.`)
    const previous = seen.get(schema.entity)?.get(record)
    if (previous) {
      if (keys)
        Object.assign(previous.attributes, keys)
      lastAttributes = previous.attributes
      return previous
    }
    // Model features: a subclass's schema by the record's type, casts' and mutators' `set`.
    let storedType: unknown
    if (schema.features?.inheritance) {
      const typeKey = schema.features.inheritance.typeKey
      let type = (record as StoredRecord)[typeKey]
      // A copy nested in an occurrence of itself being visited takes the type that occurrence gives,
      // as it takes its other fields: the record is one, of the outer occurrence's class.
      if (openRecords.length > 0) {
        const outerType = typeGivenOutside(schema, record as StoredRecord, keys)
        if (outerType !== undefined)
          type = outerType
      }
      // A save given no type keeps the type of the record it merges into, given earlier in this
      // save or stored: saved through another class of the hierarchy, an Adult stays an Adult, as
      // in pinia-orm.
      if (type === undefined && options.merge) {
        const key = keyOf(record as StoredRecord, schema.primaryKey, keys)
        type = storedType = key === undefined ? undefined : (batchHolding(schema.entity, key)?.get(key) ?? context.stored(schema, key))?.[typeKey]
      }
      if (context.warn)
        warnAboutUnknownType(schema, type, context.warn)
      schema = _schemaOfType(schema, type)
    }
    let input = schema.features?.write ? schema.features.write(record as StoredRecord, context.warn) : record as StoredRecord
    if (storedType !== undefined && input[schema.features!.inheritance!.typeKey] !== storedType)
      input = { ...input, [schema.features!.inheritance!.typeKey]: storedType }
    if (context.warn) {
      warnAboutInput(schema, input, context.warn, extraKey)
      if (keys !== undefined)
        warnAboutTypes(schema, keys, context.warn)
    }

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
    if (attributes === undefined && schema.features?.inheritance)
      attributes = movedFromSibling(schema, key, batch, input, keys)
    if (attributes && !options.merge) {
      // insert() and fresh() store each record as given: a later copy replaces an earlier one
      // whole, as in pinia-orm (a save merges them, below).
      Object.assign(attributes, schema.withDefaults(input, keys))
      if (schema.features?.hooks)
        (inputs ??= new Map()).set(attributes, keys ? { ...record as StoredRecord, ...keys } : record as StoredRecord)
    }
    else if (attributes) {
      const outer = openRecords.length === 0 ? undefined : inputsOpen(openRecords, openInputs, attributes)
      assignGiven(attributes, schema, input, keys, outer && withLinkedKeys(outer, schema))
      // The hooks' `record` is every copy of it given, merged (a later one wins), as in pinia-orm.
      if (schema.features?.hooks)
        (inputs ??= new Map()).set(attributes, { ...inputs.get(attributes), ...record as StoredRecord, ...keys })
    }
    else {
      const stored = options.merge ? context.stored(schema, key) : undefined
      if (stored) {
        // A record given a new type is rebuilt as one of that type: the fields the type shares
        // with the old one keep their values, the others go, its own start at their defaults.
        attributes = schema.features?.inheritance !== undefined && _retyped(schema, stored, input)
          ? schema.withDefaults(stored, keys)
          : { ...stored }
        assignGiven(attributes, schema, input, keys)
      }
      else {
        attributes = schema.withDefaults(input, keys)
        if (context.warn && schema.features !== undefined && schema.features.notNullable.length > 0)
          warnNullDefaults(schema, attributes, input, context.warn)
      }
      batch.set(key, attributes)
      if (schema.features?.hooks)
        (inputs ??= new Map()).set(attributes, keys ? { ...record as StoredRecord, ...keys } : record as StoredRecord)
    }

    let node: SavedNode | undefined = wantNode ? { schema, key, attributes, fields: undefined, links: undefined } : undefined
    if (options.relations) {
      let seenOfSchema: Map<object, SavedNode> | undefined
      let opened = false
      const { relationNames } = schema
      // An instance's relations that new/make()/$fill() filled empty were not given: left alone.
      const filled = relationNames.length === 0 ? undefined : _filledEmpty(record)
      for (let i = 0; i < relationNames.length; i++) {
        const field = relationNames[i]!
        const value = input[field]
        // null under a list relation (an API's `posts: null`) is left out, as in pinia-orm: `[]`
        // is what unlinks. The saved record's result has no such field, as pinia-orm's.
        if (value === undefined || (value === null && schema.relationList[i]!.many) || (filled !== undefined && _stillEmpty(filled, field, value)))
          continue
        // Given a value since it was filled empty: saved, it is a request like any other.
        if (filled !== undefined && filled.has(field))
          _unmarkFilledEmpty(record as object, field)
        node ??= { schema, key, attributes, fields: undefined, links: undefined }
        // Only records that lead on to others can close a cycle, or hold themselves.
        if (!seenOfSchema && !(seenOfSchema = seen.get(schema.entity)))
          seen.set(schema.entity, seenOfSchema = new Map())
        seenOfSchema.set(record, node)
        if (!opened) {
          openRecords.push(attributes)
          openInputs.push(input)
          openKeys.push(keys)
          opened = true
        }
        const link = context.link(schema, field).normalize(visitor, node, value)
        // A list literal is made to its size; a push onto [] would reserve room for 16.
        if (node.fields === undefined) {
          node.fields = [field]
          node.links = [link]
        }
        else {
          node.fields.push(field)
          node.links!.push(link)
        }
      }
      if (opened) {
        openRecords.pop()
        openInputs.pop()
        openKeys.pop()
      }
    }
    // Set last: the relations visited above set it for their own records.
    lastAttributes = attributes
    return node
  }

  const roots: SavedNode[] = []
  try {
    if (Array.isArray(input)) {
      for (let i = 0; i < input.length; i++)
        roots.push(visitor.visit(schema, input[i], undefined, schema.entity, i))
    }
    else {
      roots.push(visitor.visit(schema, input, undefined, schema.entity))
    }
  }
  catch (error) {
    // The nesting limit keeps clear of the stack's end; a smaller stack (another runtime, a deep
    // caller) still gets the same message instead of a bare RangeError. Nothing was written.
    if (error instanceof RangeError)
      throw nestingError((owner, field) => context.link(owner, field).related, rootSchema, input, path())
    throw error
  }
  const normalized: Normalized = { roots, batches, unlinks, inputs }
  // Kept until the next normalization, holding nothing of this one (see `NO_CONTEXT`). The path
  // and the stacks of open records are empty again once the visit is over.
  context = NO_CONTEXT
  input = undefined
  batches = new Map()
  seen = new Map()
  unlinks = []
  inputs = undefined
  rootSchema.lastVisitor = visitor
  return normalized
}

/**
 * Sets the attributes the input gives (and the forced keys) on a record being built, except those
 * that an `outer` occurrence of the record, still being visited, gives itself.
 */
function assignGiven(target: StoredRecord, schema: Schema, input: StoredRecord, keys: StoredRecord | undefined, outer?: readonly StoredRecord[]): void {
  const names = schema.attributeNames
  for (let i = 0; i < names.length; i++) {
    const value = input[names[i]!]
    if (value !== undefined && (outer === undefined || !givenBy(outer, names[i]!)))
      target[names[i]!] = value === null ? nullOrNewId(schema, names[i]!) : value
  }
  if (keys) {
    for (const field in keys) {
      if (outer === undefined || !givenBy(outer, field))
        target[field] = keys[field]
    }
  }
}

/**
 * A new record that leaves out a `.notNullable()` field whose default is `null` (what pinia-orm
 * warns about too); a `null` given is warned about where the input is converted (features.ts).
 */
function warnNullDefaults(schema: Schema, attributes: StoredRecord, input: StoredRecord, warn: DevWarn): void {
  for (const field of schema.features!.notNullable) {
    if (attributes[field] === null && input[field] === undefined)
      warn(`notNullable ${schema.name}.${field}`, `${schema.name}.${field} is declared notNullable(), but a new ${schema.name} record leaves it out and its default is null. Give it a value, or the field a default that is not null.`)
  }
}

/** `null` given to a field: a new id for an id field (this.uid(), an id cast), as in pinia-orm. */
function nullOrNewId(schema: Schema, field: string): unknown {
  const attribute = schema.attributes.get(field)!
  return attribute._generated ? attribute._makeDefault() : null
}

/** The inputs of the open occurrences of the record being built as `attributes`, if any. */
function inputsOpen(records: readonly StoredRecord[], inputs: readonly StoredRecord[], attributes: StoredRecord): StoredRecord[] | undefined {
  let found: StoredRecord[] | undefined
  for (let i = 0; i < records.length; i++) {
    if (records[i] === attributes)
      (found ??= []).push(inputs[i]!)
  }
  return found
}

function givenBy(records: readonly StoredRecord[], field: string): boolean {
  for (const record of records) {
    if (record[field] !== undefined)
      return true
  }
  return false
}

function describe(value: unknown): string {
  if (value === null)
    return 'null'
  if (Array.isArray(value))
    return 'an array'
  if (value === undefined)
    return 'undefined (an empty slot of the list, or a missing value)'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value) ?? String(value)}`
}

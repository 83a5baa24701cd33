import { checkIds, compositeIdError, idError } from './arguments'
import { createOrmError } from './errors'
import type { Database } from './database'
import { storedBeforeSave, warnDanglingForeignKeys } from './danglingKeys'
import { deleteRecords, hasDeleteRules } from './deleteRules'
import { _deleteRecords, _saveBatches } from './hooks'
import type { HookOrder } from './hooks'
import { _hooksByClass } from './subclassDispatch'
import { _cascadeHooks } from './cascadeHooks'
import { devWarner } from './inputWarnings'
import type { DevWarn } from './inputWarnings'
import { keysOfIds } from './keys'
import type { StoredRecord } from './keys'
import type { Model } from './Model'
import { _keepsMeta } from './modelDefaults'
import { normalize } from './normalize'
import type { NormalizeContext, NormalizeOptions, Normalized, SavedNode } from './normalize'
import { recordAt, setRecord } from './ownRecords'
import type { RelationLink, Schema } from './relations/Relation'
import { hasGeneratedKey } from './schema'
import type { ModelOptions, RecordInput } from './types'
import { _madeInstance } from './modelFill'
import { writesOf } from './unlink'

// The writes of one model's records that the repository and a query share (`save`, `insert`,
// `fresh`, `destroy`, `flush`): functions of the database and the model's schema, so that query.ts
// and repository.ts both call them without importing each other.

/** What `save()` does: nested relations saved, existing records merged. @internal */
export const SAVE: NormalizeOptions = Object.freeze({ relations: true, merge: true })
/** What `insert()` and `fresh()` do: relations ignored, records replaced. @internal */
export const INSERT: NormalizeOptions = Object.freeze({ relations: false, merge: false })

function normalizeRecords(db: Database, schema: Schema, records: RecordInput | RecordInput[], options: NormalizeOptions): Normalized {
  return normalize(new SaveContext(db, devWarner(db.pinia)), schema, records, options)
}

/**
 * What one save's normalization reads from the database. A class, not an object of closures made
 * per save: the normalization calls `stored` and `link` per record, and V8 would optimize those
 * calls for one save's functions, code that dies with them (see `NO_CONTEXT` in normalize.ts).
 */
class SaveContext implements NormalizeContext {
  /** One read of each store per save, not one per record. */
  private readonly stores = new Map<Schema, Record<string, StoredRecord>>()

  constructor(private readonly db: Database, readonly warn: DevWarn | undefined) {}

  /**
   * A context of no database, kept for as long as the class, so that V8 keeps the hidden class of
   * contexts through a GC that finds none alive (see `getSchema`).
   */
  static readonly kept: SaveContext = new SaveContext(undefined as unknown as Database, undefined)

  link(owner: Schema, field: string): RelationLink {
    return this.db.link(owner, field)
  }

  stored(related: Schema, key: string): StoredRecord | undefined {
    let data = this.stores.get(related)
    if (!data)
      this.stores.set(related, data = this.db.data(related.entity))
    return recordAt(data, key)
  }
}

/**
 * Writes a save's batches through the hooks (`_saveBatches`), then, in dev, warns about the
 * foreign keys the write left pointing at no record. The dev check stays in its own module
 * (danglingKeys.ts), reached only from behind `process.env.NODE_ENV`: a production build drops
 * the branches, then the module, also where no minifier runs (Nuxt's webpack server build).
 *
 * @internal
 */
export function _saveChecked(db: Database, batches: Map<Schema, Map<string, StoredRecord | undefined>>, inputs?: ReadonlyMap<StoredRecord, StoredRecord>, order?: HookOrder): void {
  const before = process.env.NODE_ENV !== 'production' ? storedBeforeSave(db, batches) : undefined
  _saveBatches(db, batches, inputs, order)
  if (process.env.NODE_ENV !== 'production')
    warnDanglingForeignKeys(db, batches, before!)
}

/**
 * Normalizes, then writes every store once; nothing is written when the input is bad. Returns the
 * model instances, with the nested relations of the input.
 *
 * @internal
 */
export function persistRecords(db: Database, schema: Schema, records: RecordInput | RecordInput[], options: NormalizeOptions, order?: HookOrder): Model | Model[] {
  const normalized = normalizeRecords(db, schema, records, options)
  const operation = options === SAVE ? 'save' : 'insert'
  if (!normalized.unlinks.some(unlink => unlink.fields === 'delete')) {
    const writes = writesOf(db, normalized)
    db._as(operation, schema.entity, () => _saveChecked(db, writes, normalized.inputs, order))
    return resultOf(db, records, normalized.roots, writes)
  }
  // Records an unlink deletes (`phone: null` through onDelete('cascade')) run their delete hooks,
  // as a destroy() of them would: the hooks are the app's code and may write, so all of it is one
  // transaction.
  let writes: ReturnType<typeof writesOf> | undefined
  db._as(operation, schema.entity, () => db._atomic(() => {
    const cascade = _cascadeHooks(db, _hooksByClass)
    writes = writesOf(db, normalized, cascade.refuses)
    _saveChecked(db, writes, normalized.inputs, order)
    if (cascade.after.length > 0) {
      db._settle()
      for (const deleted of cascade.after)
        deleted()
    }
  }))
  return resultOf(db, records, normalized.roots, writes)
}

/**
 * Replaces all records of the model with the given ones (relations ignored).
 *
 * @internal
 */
export function freshRecords(db: Database, schema: Schema, records: RecordInput | RecordInput[]): Model | Model[] {
  const { roots, batches, inputs } = normalizeRecords(db, schema, records, INSERT)
  if ((schema.features && (schema.features.hooks || schema.features.meta || schema.features.inheritance)) || _keepsMeta(schema, db)) {
    // Through the hooks, into an emptied store, as one transaction: put back as it was, with what
    // the hooks wrote, if a hook throws.
    db._as('fresh', schema.entity, () => db._atomic(() => {
      // Heard as one `fresh`, with the new records: emptying the store first is part of it.
      if ((batches.get(schema)?.size ?? 0) > 0)
        db._unheard(() => db.replace(schema.entity, {}))
      else
        db.replace(schema.entity, {})
      _saveBatches(db, batches, inputs)
    }))
    return resultOf(db, records, roots, batches)
  }
  const data: Record<string, StoredRecord> = {}
  batches.get(schema)?.forEach((record, key) => setRecord(data, key, record))
  db._as('fresh', schema.entity, () => db.replace(schema.entity, data))
  return resultOf(db, records, roots)
}

/**
 * A model instance with every field at its default, as pinia-orm's `new(persist)` makes it: the
 * `creating` and `saving` hooks run on it, and `null` comes back when one returns `false`. With
 * `persist`, it is saved (then `created` and `saved` run), which needs a generated primary key.
 *
 * @internal
 */
export function newRecord(db: Database, schema: Schema, persist: boolean): Model | null {
  const hooks = schema.features?.hooks
  if (!persist) {
    const model = _madeInstance(schema.model as unknown as new (attributes: undefined, options: ModelOptions) => Model, {})
    // The data given is none, as for new(true): an empty record, so a hook may read from it.
    // Both run, also after the first refused the record, as in pinia-orm.
    const creating = hooks?.creating?.(model, {})
    const saving = hooks?.saving?.(model, {})
    if (creating === false || saving === false)
      return null
    return model
  }
  if (!hasGeneratedKey(schema))
    throw createOrmError(`new() on ${schema.name} needs a generated primary key. Declare ${schema.primaryKey.map(field => `'${field}'`).join(', ')} with this.uid(), use new(false) for an instance that is not saved, or save() with a key.`)
  // A hook that refused the record left it out of the store, and the save gives null.
  return persistRecords(db, schema, {}, SAVE, 'specific first') as Model | null
}

/**
 * Deletes the records with these primary keys (those `accept` accepts, when given); returns the one
 * deleted (or `null`), or, given a list, those deleted.
 *
 * @internal
 */
export function destroyIds(db: Database, schema: Schema, ids: unknown, accept?: (record: StoredRecord) => boolean): Model | Model[] | null {
  if (Array.isArray(ids) && schema.primaryKey.length === 1)
    return destroyList(db, schema, ids, accept)
  checkIds('destroy', schema, ids)
  // An id of a composite key that gives not every key field throws (an empty list deletes nothing).
  const refuse = schema.primaryKey.length > 1 && !(Array.isArray(ids) && ids.length === 0)
    ? (id: unknown) => { throw compositeIdError('destroy', schema, id) }
    : undefined
  const { keys, many } = keysOfIds(ids, schema.primaryKey, refuse)
  const data = db.data(schema.entity)
  const deletions = new Map<string, undefined>()
  const found: Model[] = []
  for (const key of keys) {
    const record = recordAt(data, key)
    if (record !== undefined && !deletions.has(key) && (accept === undefined || accept(record))) {
      deletions.set(key, undefined)
      found.push(schema.hydrate(record, db))
    }
  }
  const deleted = db._as('destroy', schema.entity, () => _deleteRecords(db, schema, deletions, found, _hooksByClass))
  return many ? deleted : deleted[0] ?? null
}

/**
 * {@link destroyIds} of a list of ids of a single-field key, the common case, in one pass: each id
 * is checked, turned into its key and looked up where it is. An id that cannot be a key throws
 * before anything is written, as checkIds would.
 */
function destroyList(db: Database, schema: Schema, ids: readonly unknown[], accept: ((record: StoredRecord) => boolean) | undefined): Model[] {
  const data = db.data(schema.entity)
  const deletions = new Map<string, undefined>()
  const found: Model[] = []
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    if (id === null || id === undefined)
      continue
    if (typeof id === 'number' ? !Number.isFinite(id) : typeof id !== 'string' && typeof id !== 'bigint')
      throw idError('destroy', schema, id)
    const key = String(id)
    const record = recordAt(data, key)
    if (record !== undefined && !deletions.has(key) && (accept === undefined || accept(record))) {
      deletions.set(key, undefined)
      found.push(schema.hydrate(record, db))
    }
  }
  return db._as('destroy', schema.entity, () => _deleteRecords(db, schema, deletions, found, _hooksByClass))
}

/**
 * Deletes every record of the model (following its delete rules).
 *
 * @internal
 */
export function removeAll(db: Database, schema: Schema): void {
  db._as('flush', schema.entity, () => {
    const keys = hasDeleteRules(schema) ? Object.keys(db.data(schema.entity)) : []
    // An empty store is written too, so that `$onAction` hears every flush, as in pinia-orm.
    if (keys.length > 0)
      deleteRecords(db, schema, new Map(keys.map(key => [key, undefined])))
    else
      db.replace(schema.entity, {})
  })
}

/** The model instances a write returns, with the nested relations of the input. */
function resultOf(db: Database, records: RecordInput | RecordInput[], roots: SavedNode[], written?: ReadonlyMap<Schema, ReadonlyMap<string, unknown>>): Model | Model[] {
  // The nodes being built, outermost first: a few, as deep as the input nests. An array, not a Set:
  // a Set that grows to one entry and shrinks back for each record reallocates its table each time.
  const building: SavedNode[] = []
  const instantiate = (node: SavedNode): Model | null => {
    // A record a hook refused (its batch lost it) comes back as the store has it, or not at all,
    // as pinia-orm's save() revives what it saved: `null` for one, left out of a list.
    if (written && node.schema.features?.hooks && !written.get(node.schema)?.has(node.key)) {
      const stored = recordAt(db.data(node.schema.entity), node.key)
      return stored === undefined ? null : node.schema.hydrate(stored, db) as unknown as Model
    }
    // node.attributes is the very record its batch holds: saves two Map lookups per record.
    const instance = node.schema.hydrate(node.attributes, db) as unknown as Record<string, unknown>
    const { fields, links } = node
    // A record reached again inside itself (cyclic input) is returned with its attributes only.
    if (fields === undefined || building.includes(node))
      return instance as unknown as Model
    building.push(node)
    for (let i = 0; i < fields.length; i++) {
      const link = links![i]!
      instance[fields[i]!] = link === null ? null : Array.isArray(link) ? saved(link) : instantiate(link)
    }
    building.pop()
    return instance as unknown as Model
  }
  const saved = (nodes: readonly SavedNode[]): Model[] => {
    // A list made to its size (a push onto [] would reserve room for 16), cut if a hook refused.
    // eslint-disable-next-line unicorn/no-new-array -- a length, filled below, then cut
    const items: Model[] = new Array(nodes.length)
    let n = 0
    for (let i = 0; i < nodes.length; i++) {
      const item = instantiate(nodes[i]!)
      if (item !== null)
        items[n++] = item
    }
    if (n < items.length)
      items.length = n
    return items
  }
  return Array.isArray(records) ? saved(roots) : instantiate(roots[0]!) as Model
}

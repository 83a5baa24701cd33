import { _cascadeHooks } from './cascadeHooks'
import type { HooksByClass } from './cascadeHooks'
import { hasDeleteRules, planDeletesOf } from './deleteRules'
import type { StoredRecord } from './keys'
import { recordAt } from './ownRecords'
import { _keepsMeta } from './modelDefaults'
// The database and model instances by their contract types (database.ts and Model.ts fill them
// in): the schema builds hooks, so this file imports neither.
import type { ModelInstance as Model, Schema, SchemaDatabase as Database } from './relations/Relation'

/**
 * What a hook that runs before a write returns: nothing, or `false` to skip the record. `void`,
 * because a hook with no `return` (pinia-orm's usual one) must type-check as an override.
 */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type
export type HookResult = void | boolean

/**
 * A hook that runs before a write: returning `false` skips that record. Its model is `any` unless
 * typed, as in pinia-orm (`static saving: BeforeHook = (model) => { model.by = 'x' }`).
 */
export type BeforeHook<M extends Model = any> = (model: M, record?: StoredRecord) => HookResult // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
/** A hook that runs after a write, or on read (`retrieved`); its model is `any` unless typed. */
export type AfterHook<M extends Model = any> = (model: M, record?: StoredRecord) => void // eslint-disable-line @typescript-eslint/no-explicit-any -- see above

const BEFORE = ['creating', 'updating', 'saving', 'deleting'] as const
const AFTER = ['created', 'updated', 'saved', 'deleted', 'retrieved'] as const

/** The lifecycle hooks a model declares (those left as Model's own no-ops are absent). @internal */
export type ModelHooks = Partial<Record<typeof BEFORE[number], BeforeHook> & Record<typeof AFTER[number], AfterHook>>

/**
 * The hooks a model class declares, or `undefined` when it declares none.
 *
 * @internal
 */
export function _buildHooks(model: object): ModelHooks | undefined {
  // Model's hooks are no-ops: the highest class of the chain that owns them is Model.
  let base = model as Record<string, unknown>
  for (let current: unknown = model; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    if (Object.prototype.hasOwnProperty.call(current, BEFORE[0]))
      base = current as unknown as Record<string, unknown>
  }
  const hooks: Record<string, unknown> = {}
  let any = false
  for (const name of [...BEFORE, ...AFTER]) {
    const hook = (model as Record<string, unknown>)[name]
    if (typeof hook === 'function' && hook !== base[name]) {
      hooks[name] = hook.bind(model)
      any = true
    }
  }
  return any ? hooks as ModelHooks : undefined
}

interface After {
  hooks: ModelHooks
  model: Model
  record: StoredRecord
  created: boolean
}

/**
 * The order of a write's hooks, as pinia-orm 1.10 runs them: its `save()` runs `saving` before
 * `creating`/`updating` and `saved` before `created`/`updated` (`'saving first'`); its `new()` and
 * its query `update()` run `creating`/`updating` first and `saved` last (`'specific first'`).
 *
 * @internal
 */
export type HookOrder = 'saving first' | 'specific first'

/**
 * Writes normalized batches (each store once), running the models' lifecycle hooks and keeping
 * `_meta` for models that ask for it. Before any write, `saving` and `creating`/`updating` (in
 * `order`) get each record's instance: what they change is saved, `false` skips the record. After
 * the writes, `saved` and `created`/`updated` run (in `order`). A hook that throws leaves every
 * store as it was.
 *
 * @internal
 */
export function _saveBatches(db: Database, batches: Map<Schema, Map<string, StoredRecord | undefined>>, inputs?: ReadonlyMap<StoredRecord, StoredRecord>, order: HookOrder = 'saving first'): void {
  // The hooks are the app's code, and may write too: what they write goes with the save or not at
  // all. With hooks that run after the writes, the whole save is one transaction. With hooks that
  // run before only, nothing the app runs comes after the writes: the hooks run as a transaction
  // (one that throws undoes what the others wrote) and the save writes as it does without hooks,
  // journaling nothing.
  let hooked = false
  for (const schema of batches.keys()) {
    const hooks = schema.features?.hooks
    if (hooks?.created || hooks?.updated || hooks?.saved) {
      db._atomic(() => writeBatches(db, batches, beforeWrites(db, batches, inputs, order), order))
      return
    }
    hooked ||= hooks !== undefined
  }
  if (hooked)
    db._atomic(() => beforeWrites(db, batches, inputs, order))
  else
    beforeWrites(db, batches, inputs, order)
  writeBatches(db, batches, undefined, order)
}

/** Writes each batch (each store once), then runs the after-hooks. */
function writeBatches(db: Database, batches: Map<Schema, Map<string, StoredRecord | undefined>>, after: After[] | undefined, order: HookOrder): void {
  for (const [schema, batch] of batches)
    db.write(schema.entity, batch)
  if (!after)
    return
  // In the transaction _saveBatches opened: one that throws undoes the writes above. Its readers
  // hear of them first, so that a hook reading through a computed or a live query sees them.
  db._settle()
  const savingFirst = order === 'saving first'
  for (const { hooks, model, record, created } of after) {
    if (savingFirst)
      hooks.saved?.(model, record)
    ;(created ? hooks.created : hooks.updated)?.(model, record)
    if (!savingFirst)
      hooks.saved?.(model, record)
  }
}

/**
 * Before anything is written: keeps `_meta`, runs the before-hooks (dropping the records they
 * refuse, keeping what they change), and returns the after-hooks to run once written.
 */
function beforeWrites(db: Database, batches: Map<Schema, Map<string, StoredRecord | undefined>>, inputs: ReadonlyMap<StoredRecord, StoredRecord> | undefined, order: HookOrder): After[] | undefined {
  const savingFirst = order === 'saving first'
  let after: After[] | undefined
  let now: number | undefined
  for (const [schema, batch] of batches) {
    const hooks = schema.features?.hooks
    const meta = _keepsMeta(schema, db)
    if (!hooks && !meta)
      continue
    const data = db.data(schema.entity)
    for (const [key, record] of batch) {
      // A record the save deletes (unlinking with a cascade rule) runs no save hook.
      if (record === undefined)
        continue
      const stored = recordAt(data, key)
      const created = stored === undefined
      if (meta) {
        // In seconds since the epoch, as pinia-orm keeps them.
        now ??= Math.floor(Date.now() / 1000)
        const previous = (stored?._meta ?? undefined) as { createdAt?: number } | undefined
        record._meta = { createdAt: previous?.createdAt ?? now, updatedAt: now }
      }
      if (!hooks)
        continue
      const model = schema.hydrate(record, db)
      const seen = snapshotConverted(schema, model)
      const before = created ? hooks.creating : hooks.updating
      const given = inputs?.get(record) ?? record
      // Both run, also after one refused the record, as in pinia-orm.
      const first = (savingFirst ? hooks.saving : before)?.(model, given)
      const second = (savingFirst ? before : hooks.saving)?.(model, given)
      if (first === false || second === false) {
        batch.delete(key)
        continue
      }
      if (before || hooks.saving)
        _writeBack(schema, model, record, seen)
      if (hooks.created || hooks.updated || hooks.saved)
        (after ??= []).push({ hooks, model, record: given, created })
    }
  }
  return after
}

/**
 * Deletes records of one model: `deletions` maps each key to `undefined` and `models` holds their
 * instances in the same order. Runs `deleting` (returning `false` keeps the record) before and
 * `deleted` after, as do the records its delete rules cascade to; a hook that throws leaves the
 * store as it was. Returns the instances of the records deleted. A model without those hooks or
 * rules writes `deletions` as they are. `hooksByClass` is `_hooksByClass` (subclassDispatch.ts):
 * under single-table inheritance, each instance's own class's hooks.
 *
 * @internal
 */
export function _deleteRecords(db: Database, schema: Schema, deletions: Map<string, undefined>, models: Model[], hooksByClass: (schema: Schema) => ((model: Model) => ModelHooks | undefined) | undefined): Model[] {
  const hooksOf = hooksByClass(schema)
  const hooks = schema.features?.hooks
  const rules = hasDeleteRules(schema)
  if (!hooksOf && !hooks?.deleting && !hooks?.deleted && !rules) {
    db.write(schema.entity, deletions)
    return models
  }
  // The hooks (the records' own, and those of the records the rules reach) are the app's code, and
  // may write too: as one transaction, all of it or nothing.
  let deleted: Model[] = []
  db._atomic(() => {
    deleted = deleteThroughHooks(db, schema, deletions, models, hooksOf ?? (() => hooks), Boolean(hooksOf || hooks?.deleting), rules && hooksByClass)
  })
  return deleted
}

function deleteThroughHooks(db: Database, schema: Schema, deletions: Map<string, undefined>, models: Model[], of: (model: Model) => ModelHooks | undefined, deleting: boolean, rules: HooksByClass | false): Model[] {
  let kept = deletions
  let deleted = models
  if (deleting) {
    kept = new Map()
    deleted = []
    let i = 0
    for (const key of deletions.keys()) {
      const model = models[i++]!
      const deleting = of(model)?.deleting
      if (deleting && deleting(model) === false)
        continue
      kept.set(key, undefined)
      deleted.push(model)
    }
  }
  // The records the delete rules reach run their own hooks (cascadeHooks.ts).
  const cascade = rules ? _cascadeHooks(db, rules) : undefined
  const planned = cascade ? planDeletesOf(db, schema, kept, cascade.refuses) : new Map([[schema, kept]])
  const cascaded = cascade && cascade.after.length > 0 ? cascade.after : undefined
  const after = deleted.some(model => of(model)?.deleted)
  if (!after && !cascaded) {
    for (const [target, changes] of planned)
      db.write(target.entity, changes)
    return deleted
  }
  for (const [target, changes] of planned)
    db.write(target.entity, changes)
  // In the transaction _deleteRecords opened: a `deleted` hook that throws undoes every store the
  // delete rules reached. Its readers hear of the deletes first, as the hooks may read them.
  db._settle()
  if (after) {
    for (const model of deleted)
      of(model)?.deleted?.(model)
  }
  if (cascaded) {
    for (const call of cascaded)
      call()
  }
  return deleted
}

/**
 * Runs `retrieved` on instances a query read.
 *
 * @internal
 */
export function _retrieved(schema: Schema, items: readonly Model[], hooksOf?: (model: Model) => ModelHooks | undefined): void {
  if (hooksOf) {
    for (const item of items)
      hooksOf(item)?.retrieved?.(item)
    return
  }
  const hook = schema.features?.hooks?.retrieved
  if (hook) {
    for (const item of items)
      hook(item)
  }
}

/**
 * The values of converted fields (and a date's time) before the hooks ran, so that only what they
 * changed is converted back: a cast's `set` (parsing, formatting) is the costly part of a write.
 */
function snapshotConverted(schema: Schema, model: Model): unknown[] | undefined {
  const write = schema.features?.conversions?.write
  if (!write || write.size === 0)
    return undefined
  const instance = model as unknown as StoredRecord
  const seen: unknown[] = []
  for (const field of write.keys()) {
    const value = instance[field]
    seen.push(value, value instanceof Date ? value.getTime() : undefined)
  }
  return seen
}

/** Copies what hooks changed on an instance back into the record to store, in stored form. */
function _writeBack(schema: Schema, model: Model, record: StoredRecord, seen: unknown[] | undefined): void {
  const instance = model as unknown as StoredRecord
  const write = schema.features?.conversions?.write
  for (const field of schema.attributeNames) {
    if (!Object.prototype.hasOwnProperty.call(instance, field) || write?.has(field))
      continue
    record[field] = instance[field]
  }
  if (!write)
    return
  let i = 0
  for (const [field, convert] of write) {
    const before = seen![i++]
    const time = seen![i++]
    if (!Object.prototype.hasOwnProperty.call(instance, field))
      continue
    const value = instance[field]
    // Unchanged: the same primitive, or the same Date still at the same time. Other objects may
    // have been changed in place, so they are converted again.
    if (value === before && (value instanceof Date ? value.getTime() === time : typeof value !== 'object' || value === null))
      continue
    record[field] = convert(value)
  }
}

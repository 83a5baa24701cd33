import { sameFields } from './sameFields'
import type { Database } from './database'
import { _showValue, _warnOnce, _warnedBefore } from './inputWarnings'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import { recordAt } from './ownRecords'
import { BelongsTo } from './relations/belongsTo'
import { getSchema } from './schema'
import type { RelatedRef, RelationLink, Schema } from './relations/Relation'
import { modelOfRef } from './relatedRef'

/**
 * The relation bound to this Pinia when its related model is registered with it, else
 * `undefined`. A dev-only check must neither register a model (which would create a store that a
 * production build does not have) nor throw where the app's own code would not.
 */
function registeredLink(db: Database, relation: BelongsTo, owner: Schema, field: string): RelationLink | undefined {
  try {
    const model = modelOfRef(relation._related as RelatedRef)
    if (model === undefined)
      return undefined
    const schema = typeof model === 'string' ? undefined : getSchema(model)
    const registered = schema ? db.schemaOf(schema.entity) : db.schemaNamed(model as string, `${owner.name}.${field}`)
    if (!registered || (schema && registered !== schema))
      return undefined
    return db.link(owner, field)
  }
  catch {
    return undefined
  }
}

type Batches = ReadonlyMap<Schema, ReadonlyMap<string, StoredRecord | undefined>>

/** A relation of the schema that the dangling-key check looks at, for this Pinia, still. */
function checked(db: Database, schema: Schema, i: number): boolean {
  return schema.relationList[i] instanceof BelongsTo && !_warnedBefore(db.pinia, `dangling ${schema.name}.${schema.relationNames[i]!}`)
}

/**
 * Dev only, before a save writes: the records it is about to replace, of the models whose
 * foreign keys `warnDanglingForeignKeys` checks after it. (Stores replace records, never change
 * them in place, so these keep what was stored.)
 * @internal
 */
export function storedBeforeSave(db: Database, batches: Batches): Map<Schema, Map<string, StoredRecord>> {
  const before = new Map<Schema, Map<string, StoredRecord>>()
  for (const [schema, batch] of batches) {
    if (!schema.relationList.some((_, i) => checked(db, schema, i)))
      continue
    const data = db.data(schema.entity)
    const stored = new Map<string, StoredRecord>()
    for (const key of batch.keys()) {
      const record = recordAt(data, key)
      if (record !== undefined)
        stored.set(key, record)
    }
    before.set(schema, stored)
  }
  return before
}

/**
 * Dev only (the caller guards it with `process.env.NODE_ENV`): after a save has written every
 * store, warns once per belongsTo relation and Pinia when a saved record's foreign key points at no
 * record of the related model, naming the model, the field and the value (an empty string names
 * none). Such a record loads the relation as `null`, which is right for data still to come but is
 * often a typo or a missing save. A record saved with the key it had before the save (`before`,
 * from `storedBeforeSave`) is not reported: the save did not put the key there (its owner was
 * deleted since, or the record came so from the server), as when a record read is saved back.
 * @internal
 */
export function warnDanglingForeignKeys(db: Database, batches: Batches, before: ReadonlyMap<Schema, ReadonlyMap<string, StoredRecord>>): void {
  for (const [schema, batch] of batches) {
    const { relationList, relationNames } = schema
    for (let i = 0; i < relationList.length; i++) {
      if (!checked(db, schema, i))
        continue
      const relation = relationList[i] as BelongsTo
      const name = `${schema.name}.${relationNames[i]!}`
      const link = registeredLink(db, relation, schema, relationNames[i]!)
      if (!link?.keys)
        continue
      const related = link.related
      const ownerKeys = link.keys.related
      const data = db.data(related.entity)
      const index = sameFields(ownerKeys, related.primaryKey) ? undefined : db.index(related.entity, ownerKeys, data)
      const stored = before.get(schema)
      let dangling = 0
      let first: StoredRecord | undefined
      for (const [id, record] of batch) {
        if (record === undefined)
          continue
        const key = keyOf(record, link.keys.parent)
        // '' is what a `this.string('')` foreign key holds for "no owner".
        if (key === undefined || key === '' || (index ? (index.get(key)?.length ?? 0) > 0 : recordAt(data, key) !== undefined))
          continue
        const previous = stored?.get(id)
        if (previous !== undefined && keyOf(previous, link.keys.parent) === key)
          continue
        dangling++
        first ??= record
      }
      if (!first)
        continue
      _warnOnce(db.pinia, `dangling ${name}`, danglingMessage(schema, relationNames[i]!, link.keys.parent, related, ownerKeys, first, dangling))
    }
  }
}

function danglingMessage(schema: Schema, field: string, foreignKey: readonly string[], related: Schema, ownerKeys: readonly string[], record: StoredRecord, count: number): string {
  const values = foreignKey.map(key => `${key} = ${_showValue(record[key])}`).join(', ')
  const others = count > 1 ? ` (and ${count - 1} more saved ${schema.name} record${count > 2 ? 's' : ''} like it)` : ''
  return `${schema.name}.${field}: a saved ${schema.name} has ${values}, but no ${related.name} record has that ${ownerKeys.join(', ')}${others}. `
    + `with('${field}') gives null for it until that ${related.name} is saved. Save the ${related.name} too (nested under '${field}' or with useRepo(${related.name}).save()), or set ${foreignKey.join(', ')} to null. `
    + `(Warned once per relation, in dev only.)`
}

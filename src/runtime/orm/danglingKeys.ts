import type { Pinia } from 'pinia'
import { createOrmError } from './errors'
import { sameFields } from './database'
import type { Database } from './database'
import { _showValue } from './inputWarnings'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import { recordAt } from './ownRecords'
import { BelongsTo } from './relations/belongsTo'
import { getSchema } from './schema'
import type { Schema } from './schema'
import type { ModelClass } from './types'

/** The belongsTo relations (`'Phone.user'`) already warned about, per Pinia: each warns once. */
const warned = new WeakMap<Pinia, Set<string>>()

function isModelClass(value: unknown): value is ModelClass {
  return typeof value === 'function' && typeof (value as Partial<ModelClass>).fields === 'function' && 'entity' in value
}

/**
 * The schema of a relation's related model when that model is registered with this Pinia, else
 * `undefined`. A dev-only check must neither register a model (which would create a store that a
 * production build does not have) nor throw where the app's own code would not.
 */
function registeredRelated(db: Database, relation: BelongsTo, owner: Schema, field: string): Schema | undefined {
  try {
    const ref = relation._related
    const model = typeof ref === 'string' || isModelClass(ref) ? ref : (ref as () => unknown)()
    if (typeof model === 'string')
      return db.schemaOf(model) && db.related(relation, owner, field)
    if (!isModelClass(model))
      return undefined
    const schema = getSchema(model)
    return db.schemaOf(schema.entity) === schema ? db.related(relation, owner, field) : undefined
  }
  catch {
    return undefined
  }
}

/**
 * Dev only (the caller guards it with `process.env.NODE_ENV`): after a save has written every
 * store, warns once per belongsTo relation and Pinia when a saved record's foreign key points at no
 * record of the related model, naming the model, the field and the value. Such a record loads the
 * relation as `null`, which is right for data still to come but is often a typo or a missing save.
 * @internal
 */
export function warnDanglingForeignKeys(db: Database, batches: ReadonlyMap<Schema, ReadonlyMap<string, StoredRecord>>): void {
  let seen = warned.get(db.pinia)
  for (const [schema, batch] of batches) {
    const { relationList, relationNames } = schema
    for (let i = 0; i < relationList.length; i++) {
      const relation = relationList[i]!
      const name = `${schema.name}.${relationNames[i]!}`
      if (!(relation instanceof BelongsTo) || seen?.has(name))
        continue
      const related = registeredRelated(db, relation, schema, relationNames[i]!)
      if (!related)
        continue
      const ownerKeys = relation._relatedKeys(schema, related)
      const data = db.data(related.entity)
      const index = sameFields(ownerKeys, related.primaryKey) ? undefined : db.index(related.entity, ownerKeys, data)
      let dangling = 0
      let first: StoredRecord | undefined
      for (const record of batch.values()) {
        const key = keyOf(record, relation._foreignKey)
        if (key === undefined || (index ? (index.get(key)?.length ?? 0) > 0 : recordAt(data, key) !== undefined))
          continue
        dangling++
        first ??= record
      }
      if (!first)
        continue
      if (!seen)
        warned.set(db.pinia, seen = new Set())
      seen.add(name)
      console.warn(createOrmError(danglingMessage(schema, relationNames[i]!, relation, related, ownerKeys, first, dangling)).message)
    }
  }
}

function danglingMessage(schema: Schema, field: string, relation: BelongsTo, related: Schema, ownerKeys: readonly string[], record: StoredRecord, count: number): string {
  const foreignKey = relation._foreignKey
  const values = foreignKey.map(key => `${key} = ${_showValue(record[key])}`).join(', ')
  const others = count > 1 ? ` (and ${count - 1} more saved ${schema.name} record${count > 2 ? 's' : ''} like it)` : ''
  return `${schema.name}.${field}: a saved ${schema.name} has ${values}, but no ${related.name} record has that ${ownerKeys.join(', ')}${others}. `
    + `with('${field}') gives null for it until that ${related.name} is saved. Save the ${related.name} too (nested under '${field}' or with useRepo(${related.name}).save()), or set ${foreignKey.join(', ')} to null. `
    + `(Warned once per relation, in dev only.)`
}

import type { Database } from './database'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import type { Model } from './Model'
import { getSchema } from './schema'
import type { Schema } from './relations/Relation'
import { _markShown } from './visibility'
import type { VisibilityOverride } from './visibility'
import { recordAt } from './ownRecords'
import { _storedFields, _visibilityIn } from './modelDefaults'

/**
 * Applies a query's `makeHidden()` / `makeVisible()` to the instances it read: hidden fields are
 * removed; fields made visible that the model hides are read again from the stored record, and the
 * instance remembers them so that `$toJson()` shows them too.
 *
 * @internal
 */
export function _showFields(db: Database, schema: Schema, items: readonly Model[], override: VisibilityOverride): void {
  for (const item of items) {
    const own = item.$self() === schema.model ? schema : getSchema(item.$self())
    const instance = item as unknown as StoredRecord
    if (override.hidden) {
      for (const field of override.hidden)
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a model attribute
        delete instance[field]
    }
    if (override.visible && _visibilityIn(own, db))
      show(db, own, instance, override.visible)
  }
}

function show(db: Database, schema: Schema, instance: StoredRecord, fields: ReadonlySet<string>): void {
  let record: StoredRecord | undefined
  const stored = _storedFields(schema, db)
  for (const field of fields) {
    if (!stored.includes(field) || Object.prototype.hasOwnProperty.call(instance, field))
      continue
    record ??= recordAt(db.data(schema.entity), keyOf(instance, schema.primaryKey) ?? '') ?? {}
    const convert = schema.features?.conversions?.read.get(field)
    instance[field] = convert ? convert(record[field]) : record[field]
  }
  _markShown(instance, fields)
}

import type { DeleteChanges } from './deleteRules'
// The database and model instances by their contract types (database.ts and Model.ts fill them
// in): hooks sit below the schema, so this file imports neither.
import type { ModelInstance as Model, Schema, SchemaDatabase as Database } from './relations/Relation'

// Lifecycle hooks of the records a delete reaches through `onDelete('cascade')`. pinia-orm deletes
// such records with `destroy()`, which runs their `deleting` and `deleted` hooks; so does this.

/**
 * Runs `deleting` on every record `planned` deletes besides the roots (`rootKeys` of `root`), and
 * drops from the plan those whose hook returns `false` (what they cascade to is still deleted, as
 * in pinia-orm, where a record's relations are handled before its own hook's answer counts).
 * Returns the `deleted` calls to make once the plan is written, or `undefined` when there are none.
 * Costs one lookup per model reached when no model reached declares those hooks.
 *
 * @internal
 */
export function _cascadeDeleting(db: Database, planned: DeleteChanges, root: Schema, rootKeys: ReadonlyMap<string, undefined>): (() => void)[] | undefined {
  let after: (() => void)[] | undefined
  for (const [schema, changes] of planned) {
    const hooks = schema.features?.hooks
    if (!hooks?.deleting && !hooks?.deleted)
      continue
    const data = db.data(schema.entity)
    for (const [key, change] of changes) {
      // A record set to null, not deleted, or one the caller's own hooks already saw.
      if (change !== undefined || (schema === root && rootKeys.has(key)))
        continue
      const model: Model = schema.hydrate(data[key]!, db)
      if (hooks.deleting && hooks.deleting(model) === false) {
        changes.delete(key)
        continue
      }
      const deleted = hooks.deleted
      if (deleted)
        (after ??= []).push(() => deleted(model))
    }
  }
  return after
}

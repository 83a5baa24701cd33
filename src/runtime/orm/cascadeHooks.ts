// The database and model instances by their contract types (database.ts and Model.ts fill them
// in): hooks sit below the schema, so this file imports neither.
import type { ModelInstance as Model, Schema, SchemaDatabase as Database } from './relations/Relation'

// Lifecycle hooks of the records a delete reaches through `onDelete('cascade')`. pinia-orm deletes
// such records with `destroy()`, which runs their `deleting` and `deleted` hooks; so does this.

/** The delete hooks of a model, as `ModelHooks` (hooks.ts) declares them. */
export interface DeleteHooks {
  readonly deleting?: (model: Model) => unknown
  readonly deleted?: (model: Model) => unknown
}

/**
 * The hooks of each instance of `schema`'s model under single-table inheritance (its own class's),
 * `undefined` outside it: `_hooksByClass` (subclassDispatch.ts), given by the caller, as that file
 * imports the schema, which imports the hooks.
 */
export type HooksByClass = (schema: Schema) => ((model: Model) => DeleteHooks | undefined) | undefined

/** The hooks of the records a delete's rules reach, run while the delete is planned. */
export interface CascadeHooks {
  /**
   * Runs the `deleting` hook of a record a rule reaches: `true` when it returns `false`, and the
   * record is then kept with everything it links to, as in pinia-orm, which applies a record's
   * rules only once it is deleted.
   */
  readonly refuses: (schema: Schema, key: string) => boolean
  /** The `deleted` calls to make once the plan is written. */
  readonly after: (() => void)[]
}

/**
 * The hooks of the records a delete of `db` reaches through its rules (not its roots: the caller
 * ran theirs). Costs one lookup per record reached when its model declares neither hook and has no
 * subclasses; a record of a single-table hierarchy takes its own class's hooks, as in pinia-orm.
 *
 * @internal
 */
export function _cascadeHooks(db: Database, hooksByClass: HooksByClass): CascadeHooks {
  const after: (() => void)[] = []
  const byClass = new Map<Schema, ReturnType<HooksByClass>>()
  return {
    after,
    refuses(schema, key) {
      let of = byClass.get(schema)
      if (of === undefined && schema.features?.inheritance !== undefined)
        byClass.set(schema, of = hooksByClass(schema))
      if (of === undefined && !schema.features?.hooks?.deleting && !schema.features?.hooks?.deleted)
        return false
      const model: Model = schema.hydrate(db.data(schema.entity)[key]!, db)
      const hooks = of === undefined ? schema.features!.hooks! : of(model)
      if (hooks?.deleting && hooks.deleting(model) === false)
        return true
      const deleted = hooks?.deleted
      if (deleted)
        after.push(() => deleted(model))
      return false
    },
  }
}

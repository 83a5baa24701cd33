import type { ModelHooks } from './hooks'
import type { ModelInstance, Schema, SchemaModel } from './relations/Relation'
import { getSchema } from './schema'

/**
 * Under single-table inheritance, the hooks that run for one instance a query of `schema`'s model
 * read: those of the instance's own class, as pinia-orm calls `model.$self().deleting(model)`, so a
 * subclass's `deleting`, `deleted` and `retrieved` run for its records read through the base.
 * `undefined` for a model outside inheritance, whose instances all take its own hooks.
 *
 * @internal
 */
export function _hooksByClass(schema: Schema): ((model: ModelInstance) => ModelHooks | undefined) | undefined {
  if (!schema.features?.inheritance)
    return undefined
  return (model) => {
    const type = model.constructor as SchemaModel
    return type === schema.model ? schema.features?.hooks : getSchema(type).features?.hooks
  }
}

/**
 * The schemas of the classes `types()` lists that extend `schema`'s model (none outside
 * inheritance): the fields an `update()` through the base may set on their records.
 *
 * @internal
 */
export function _subclassSchemas(schema: Schema): Schema[] {
  const inheritance = schema.features?.inheritance
  if (!inheritance)
    return []
  return inheritance.classes.filter(type => type.prototype instanceof schema.model).map(type => getSchema(type as SchemaModel))
}

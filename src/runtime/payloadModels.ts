import { _filledEmpty, _markFilledEmpty, _stillEmpty } from './orm/filledRelations'
import type { Model, ModelClass } from './orm'
import { _namespacedEntity } from './modelFiles'

/** A model instance as the payload carries it. @internal */
export interface ReducedModel {
  entity: string
  fields: Record<string, unknown>
  /** The relations a read loaded empty (or that were left out), still holding that value. */
  empty?: string[]
}

/** A model instance as its entity, its own fields and its relations filled empty. @internal */
export function reduceModel(value: Model): ReducedModel {
  const fields = { ...value } as Record<string, unknown>
  const filled = _filledEmpty(value)
  const empty = filled === undefined ? [] : [...filled.keys()].filter(field => _stillEmpty(filled, field, fields[field]))
  return empty.length === 0 ? { entity: _namespacedEntity(value.$self()), fields } : { entity: _namespacedEntity(value.$self()), fields, empty }
}

/**
 * The instance of `model` a {@link ReducedModel} describes, its fields as they were on the server's
 * instance (a field it lacked is not filled with its default) and its empty relations marked as
 * they were, so that saving it back unlinks nothing there either.
 * @internal
 */
export function reviveModel(model: ModelClass, { fields, empty }: ReducedModel): Model {
  const instance = Object.assign(new model(undefined, { fill: false }), fields) as Model
  for (const field of empty ?? [])
    _markFilledEmpty(instance, field, (instance as unknown as Record<string, unknown>)[field])
  return instance
}

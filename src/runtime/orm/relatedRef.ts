import type { RelatedRef } from './relations/Relation'
import type { ModelClass } from './types'

/**
 * Whether `value` is a model class: a function with `fields()` and an `entity`.
 *
 * @internal
 */
export function isModelClass(value: unknown): value is ModelClass {
  return typeof value === 'function' && typeof (value as Partial<ModelClass>).fields === 'function' && 'entity' in value
}

/**
 * What a relation's related model reference names, without a Pinia to register it with: the class
 * (given, or returned by its function), the entity name as given, or `undefined` when the function
 * returns no model class. A function that throws throws.
 *
 * @internal
 */
export function modelOfRef(ref: RelatedRef): ModelClass | string | undefined {
  if (typeof ref === 'string' || isModelClass(ref))
    return ref
  const model: unknown = (ref as () => unknown)()
  return isModelClass(model) ? model : undefined
}

import type { Schema } from '../relations/Relation'
import { _isVisible } from '../visibility'

// pinia-orm filters, sorts and groups model instances, reading `instance[field]`: a field with a
// cast's or mutator's `get` compares as the instance shows it, and a getter of the model class
// (`get fullName()`) can be named like an attribute. Here records are tested as stored, unless a
// condition names such a field: only then are instances made for it.

/**
 * Whether `field` is a getter of the model class (`get fullName() { ... }`), not a `$` method.
 *
 * @internal
 */
export function _isGetter(schema: Schema, field: string): boolean {
  if (field.startsWith('$') || schema.attributes.has(field) || schema.relations.has(field))
    return false
  let proto: object | null = (schema.model as unknown as { prototype: object }).prototype
  while (proto !== null && proto !== Object.prototype) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, field)
    if (descriptor)
      return typeof descriptor.get === 'function'
    proto = Object.getPrototypeOf(proto) as object | null
  }
  return false
}

/**
 * Whether reading `field` needs the model instance: a getter of the class, or an attribute whose
 * stored value a cast's or mutator's `get` converts. A model without either pays nothing. A field
 * the model hides is not on its instances: it is compared as stored.
 *
 * @internal
 */
export function _readsOnInstance(schema: Schema, field: string): boolean {
  const features = schema.features
  if (features?.conversions?.read.has(field) === true)
    return _isVisible(field, features.visibility)
  return _isGetter(schema, field)
}

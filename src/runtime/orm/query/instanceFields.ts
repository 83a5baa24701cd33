import type { Schema } from '../relations/Relation'
import { _subclassSchemas } from '../subclassDispatch'
import { _isVisible } from '../visibility'

// pinia-orm filters, sorts and groups model instances, reading `instance[field]`: a field with a
// cast's or mutator's `get` compares as the instance shows it, and a getter of the model class
// (`get fullName()`) can be named like an attribute. Here records are tested as stored, unless a
// condition names such a field: only then are instances made for it. Under single-table
// inheritance, a query of a class reads records of its subclasses as their instances, so a field
// only a subclass declares can be named too.

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
 * Whether `field` is an attribute of a subclass of the model under single-table inheritance (one
 * of its `types()`), not of the model itself: its records are read as the subclass's instances.
 *
 * @internal
 */
export function _isSubclassField(schema: Schema, field: string): boolean {
  if (!schema.features?.inheritance || schema.attributes.has(field) || schema.relations.has(field))
    return false
  return _subclassSchemas(schema).some(sub => sub.attributes.has(field))
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
  return _isGetter(schema, field) || _isSubclassField(schema, field)
}

/**
 * Whether a query of the model can name `field` besides its attributes: a getter of the class, or
 * an attribute of a subclass under single-table inheritance.
 *
 * @internal
 */
export function _isInstanceField(schema: Schema, field: string): boolean {
  return _isGetter(schema, field) || _isSubclassField(schema, field)
}

import { Attribute } from './attributes'
import { createOrmError } from './errors'
import { Relation } from './relations/Relation'
import type { ModelClass } from './types'

/**
 * Refuses a field name that model instances cannot hold as plain own data: a member of the
 * instances' prototype chain (`constructor`, `toString`, `hasOwnProperty`, `__proto__`, the
 * model's `$` methods, or a method or accessor of the model class). An attribute `constructor`
 * would break `$self()`, an attribute `toString` would replace the method with a string, and a
 * `__proto__` attribute would re-prototype every instance.
 *
 * @internal
 */
export function checkFieldName(model: ModelClass, name: string, field: string): void {
  if (field in model.prototype)
    throw createOrmError(`${name}.fields() declares '${field}', which is a member of every ${name} instance (from ${memberOwner(model, field)}), so the field could not be kept as plain data. Rename the field (the stored key can differ from the name in your API data: map it before saving).`)
}

/**
 * Refuses a `fields()` object whose prototype is a field: an object literal entry `__proto__: ...`
 * sets the prototype instead of declaring a field, so the field would be silently dropped.
 *
 * @internal
 */
export function checkFieldsObject(name: string, fields: object): void {
  const prototype: unknown = Object.getPrototypeOf(fields)
  if (prototype instanceof Attribute || prototype instanceof Relation)
    throw createOrmError(`${name}.fields() sets a field as its object's __proto__ (an object literal entry \`__proto__: ...\` sets the prototype and declares nothing). A field cannot be named '__proto__': rename it.`)
}

function memberOwner(model: ModelClass, field: string): string {
  for (let owner: object | null = model.prototype; owner; owner = Object.getPrototypeOf(owner) as object | null) {
    if (Object.prototype.hasOwnProperty.call(owner, field))
      return owner === Object.prototype ? 'Object.prototype' : `${(owner.constructor as { name?: string }).name || 'its class'}.prototype`
  }
  return 'its prototype'
}

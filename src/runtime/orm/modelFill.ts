import type { Schema } from './relations/Relation'
import type { StoredRecord } from './keys'

/**
 * What `$fill()` and the model constructor do with their attributes (pinia-orm's `$fill`): each
 * attribute is set from `attributes`; one they leave out keeps the value the instance already has
 * (an instance being filled for the first time has none) or gets its default. Values set here go
 * through the model's read conversions (casts' `get`, mutators); a value kept is not converted
 * again. Relations given in `attributes` are set as given.
 *
 * @internal
 */
export function _fillAttributes(schema: Schema, instance: StoredRecord, attributes: StoredRecord): void {
  const read = schema.features?.conversions?.read
  for (const [field, attribute] of schema.attributes) {
    let value = attributes[field]
    if (value === undefined) {
      if (instance[field] !== undefined)
        continue
      value = attribute._makeDefault()
    }
    const convert = read?.get(field)
    instance[field] = convert ? convert(value) : value
  }
  for (const field of schema.relationNames) {
    if (attributes[field] !== undefined)
      instance[field] = attributes[field]
  }
}

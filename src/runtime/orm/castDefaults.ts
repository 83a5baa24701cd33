import type { Attribute } from './attributes'
import type { CastAttribute } from './casts/CastAttribute'

/**
 * Gives every attribute whose cast makes defaults (`static _makesDefault`, the id casts) its
 * default from that cast: a new record without a value gets `set(undefined)`, and a primary key
 * with such a cast counts as generated, so `normalize` fills it before it keys the record (the
 * store key and the instance's id are then the same). The attribute stays what it was (class,
 * options, flags): it is only seen through an object whose default is the cast's. The cast is the
 * one that converts the field on write, so a cast with state (the v1 UUID clock) has it once.
 *
 * @internal
 */
export function _applyCastDefaults(casts: ReadonlyMap<string, CastAttribute>, attributes: Map<string, Attribute>): void {
  for (const [field, cast] of casts) {
    const attribute = Object.create(attributes.get(field)!) as Attribute
    attribute._makeDefault = () => cast.set(undefined)
    attribute._generated = true
    attributes.set(field, attribute)
  }
}

/**
 * pinia-orm's `pinia-orm/uuid/v4`, as `nuxt-pinia-orm/uuid/v4`: an id cast and its decorator that
 * generate random (version 4) UUIDs with `crypto.randomUUID`, or `crypto.getRandomValues` where a
 * browser withholds it (plain http), the same generator as `this.uid()`. No `uuid` package is needed.
 *
 * ```ts
 * import { Uid, UidCast } from 'nuxt-pinia-orm/uuid/v4'
 *
 * class User extends Model {
 *   static entity = 'users'
 *   static fields() { return { id: this.uid(), name: this.string('') } }
 *   static casts() { return { id: UidCast } }
 * }
 * ```
 */
import { _IdCast } from '../casts/idCast'
import { _idCastDecorator } from '../decorators/idCastDecorator'
import type { PropertyDecorator } from '../decorators/propertyDecorator'
import { createOrmError } from '../errors'
import { generateUuid } from '../uid'

/**
 * The options of the v4 `UidCast`: none. The `uuid` package's `random` and `rng` (fixed random
 * bytes, for tests) are not supported, and giving them is an error.
 */
export type V4Options = Record<string, never>

/** A cast that keeps a given id and generates a random UUID (version 4) for a record without. */
export class UidCast extends _IdCast {
  constructor() {
    super()
    const given = Object.keys(this.getParameters())
    if (given.length > 0)
      throw createOrmError(`UidCast of nuxt-pinia-orm/uuid/v4 takes no options, but got ${given.map(key => `'${key}'`).join(', ')} (uuid's random and rng are not supported). Use UidCast without withParameters(), or @Uid() without options.`)
  }

  protected override generate(): string {
    return generateUuid()
  }
}

/** `@Uid()`: declares the field with `this.uid()` and the UUID v4 {@link UidCast}. */
export const Uid: (options?: V4Options) => PropertyDecorator = _idCastDecorator<V4Options>(UidCast)

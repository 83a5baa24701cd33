import { CastAttribute } from './CastAttribute'

/**
 * The base of the id casts (`UidCast` of `nuxt-pinia-orm/nanoid` and `nuxt-pinia-orm/uuid/*`): a
 * given id is kept, a missing one (`null` or `undefined`) is generated. It also makes the field's
 * default, so a record saved without an id gets one before it is keyed: the store key and the
 * instance's id are the same.
 *
 * @internal
 */
export abstract class _IdCast extends CastAttribute<string> {
  static override _makesDefault = true

  /** A new id, as the subclass makes them. */
  protected abstract generate(): string

  override set(value: unknown): unknown {
    return value ?? this.generate()
  }
}

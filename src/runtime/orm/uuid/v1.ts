/**
 * pinia-orm's `pinia-orm/uuid/v1`, as `nuxt-pinia-orm/uuid/v1`: an id cast and its decorator that
 * generate time-based (version 1) UUIDs: the time, a clock sequence and a random node id (with the
 * multicast bit set, as RFC 9562 asks of a node that is no network address), from `crypto`. No
 * `uuid` package is needed.
 *
 * ```ts
 * import { Uid, UidCast } from 'nuxt-pinia-orm/uuid/v1'
 *
 * class Event extends Model {
 *   static entity = 'events'
 *   static fields() { return { id: this.uid(), name: this.string('') } }
 *   static casts() { return { id: UidCast } }
 * }
 * ```
 */
import { _IdCast } from '../casts/idCast'
import { _idCastDecorator } from '../decorators/idCastDecorator'
import type { PropertyDecorator } from '../decorators/propertyDecorator'
import { _createV1Generator } from './v1Clock'
import type { V1Options } from './v1Clock'

export type { V1Options } from './v1Clock'

/**
 * A cast that keeps a given id and generates a version 1 UUID for a record without. Ids of one
 * model are unique and their timestamps strictly increase. Parameters, as the `uuid` package names
 * them: `UidCast.withParameters({ node, clockseq, msecs, nsecs })`.
 */
export class UidCast extends _IdCast {
  readonly #next: () => string

  constructor() {
    super()
    this.#next = _createV1Generator(this.getParameters() as V1Options)
  }

  protected override generate(): string {
    return this.#next()
  }
}

/** `@Uid(options?)`: declares the field with `this.uid()` and the UUID v1 {@link UidCast}. */
export const Uid: (options?: V1Options) => PropertyDecorator = _idCastDecorator<V1Options>(UidCast)

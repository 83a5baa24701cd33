/**
 * pinia-orm's `pinia-orm/casts`, as `nuxt-pinia-orm/casts`: the cast base class and the built-in
 * casts (also exported by `nuxt-pinia-orm/orm`).
 *
 * ```ts
 * import { DateCast } from 'nuxt-pinia-orm/casts'
 *
 * class User extends Model {
 *   static entity = 'users'
 *   static fields() { return { id: this.attr(null), birthday: this.attr(null) } }
 *   static casts() { return { birthday: DateCast } }
 * }
 * ```
 */
export { CastAttribute } from './CastAttribute'
export type { CastClass } from './CastAttribute'
export { StringCast, NumberCast, BooleanCast, ArrayCast, DateCast } from './builtin'

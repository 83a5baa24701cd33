/**
 * pinia-orm's `pinia-orm/nanoid/async`, as `nuxt-pinia-orm/nanoid/async`. pinia-orm's cast there
 * stores a Promise of the id; a store key has to be the id itself, so these give the id at once,
 * as `nuxt-pinia-orm/nanoid` does. Code that awaits it (`await user.id`) still gets the id.
 *
 * @deprecated pinia-orm deprecates it (nanoid 5 dropped its async API): use `nuxt-pinia-orm/nanoid`.
 */
import { Uid as NanoidUid, UidCast as NanoidUidCast } from './index'
import type { NanoidOptions } from './index'
import type { PropertyDecorator } from '../decorators/propertyDecorator'

export type { NanoidOptions } from './index'

/**
 * The nanoid `UidCast` of `nuxt-pinia-orm/nanoid`.
 * @deprecated Use `UidCast` of `nuxt-pinia-orm/nanoid`; pinia-orm deprecates this one.
 */
export const UidCast: typeof NanoidUidCast = NanoidUidCast

/**
 * The nanoid `@Uid()` of `nuxt-pinia-orm/nanoid`.
 * @deprecated Use `Uid` of `nuxt-pinia-orm/nanoid`; pinia-orm deprecates this one.
 */
export const Uid: (options?: NanoidOptions) => PropertyDecorator = NanoidUid

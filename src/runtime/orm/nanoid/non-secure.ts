/**
 * pinia-orm's `pinia-orm/nanoid/non-secure`, as `nuxt-pinia-orm/nanoid/non-secure`: the same
 * `UidCast` and `@Uid()` as `nuxt-pinia-orm/nanoid`. pinia-orm's draws from `Math.random`; these
 * draw from `crypto.getRandomValues`, which every browser and server runtime has, so there is no
 * cheaper generator to fall back to.
 */
export { Uid, UidCast } from './index'
export type { NanoidOptions } from './index'

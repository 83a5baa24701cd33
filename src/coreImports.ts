/**
 * Exports of the ORM core that an app gets without an import. `useRepo` is not among them: the
 * app gets the Nuxt-aware one from `runtime/composables`.
 * @internal
 */
export const CORE_IMPORTS = ['Model'] as const

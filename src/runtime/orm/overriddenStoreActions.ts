import type { Pinia } from 'pinia'
import { _warnOnce } from './inputWarnings'
import { ORM_STORE_ACTIONS } from './storeActions'

// pinia-orm documents overriding its store actions (what its `useStoreActions()` gives) in
// `static piniaOptions`; here each entity store keeps its own (storeActions.ts), whose only body is
// the write the database makes: an override is never called.

/**
 * The ORM store actions that the resolved `static piniaOptions` of a model define: the keys of
 * `actions` of an option store, or the functions a setup store returns under those names.
 *
 * @internal
 */
export function _overriddenStoreActions(members: unknown, storeType: 'optionStore' | 'setupStore'): string[] {
  const source = storeType === 'optionStore' ? (members as { actions?: unknown } | null | undefined)?.actions : members
  if (source === null || typeof source !== 'object')
    return []
  return ORM_STORE_ACTIONS.filter(name => typeof (source as Record<string, unknown>)[name] === 'function')
}

/**
 * Warns, in dev, once per model and Pinia (once per request on a server), when a model's
 * `static piniaOptions` overrides a store action pinia-orm writes through: it would never run.
 *
 * @internal
 */
export function _warnOverriddenStoreActions(pinia: Pinia, model: string, members: unknown, storeType: 'optionStore' | 'setupStore'): void {
  if (process.env.NODE_ENV === 'production')
    return
  const names = _overriddenStoreActions(members, storeType)
  if (names.length === 0)
    return
  const where = storeType === 'optionStore' ? 'piniaOptions.actions' : 'piniaOptions'
  const list = names.map(name => `${where}.${name}`).join(', ')
  _warnOnce(
    pinia,
    `overridden store actions ${model}`,
    `${model}.${list}: nuxt-pinia-orm keeps the entity store's ${ORM_STORE_ACTIONS.join(', ')} actions as its own (their body is the write its database makes, so that $onAction hears each write), so ${names.length === 1 ? 'this override is' : 'these overrides are'} never called by useRepo(${model}).${names[0]}() or any other write. `
    + `To run code on writes, use a lifecycle hook (static saving(), saved(), creating(), deleting(), ...), a plugin (createORM({ plugins: [definePiniaOrmPlugin(...)] })), or a method of a custom repository (class ${model}Repository extends Repository). `
    + `Other actions in piniaOptions work as in pinia-orm. (Warned once per model and Pinia, in dev only.)`,
  )
}

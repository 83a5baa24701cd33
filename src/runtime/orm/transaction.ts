import { getActivePinia } from 'pinia'
import type { Pinia } from 'pinia'
import { getDatabase } from './database'
import type { Database } from './database'
import { createOrmError } from './errors'
import { _transactionState } from './transactions/state'

/**
 * Runs `fn` as one write: its saves, updates and deletes, across any models of the Pinia, are seen
 * by readers outside as a whole or not at all.
 *
 * - Reads inside `fn` (through repositories and queries) see the writes made so far.
 * - Computeds, watchers, renders and Pinia's `$subscribe` hear of the writes once, when `fn`
 *   returns: one store patch per entity written.
 * - When `fn` throws (a hook, a validation error, or its own code), every record, index, count
 *   and cached query is put back as it was, and the error is thrown again.
 * - A transaction inside another joins it. When the inner one throws, its own writes are undone;
 *   the outer one goes on if it catches the error.
 * - `fn` must be synchronous: a returned promise undoes the writes and throws, because anything
 *   could read or write the stores while it waits. Use {@link optimistic} to show a write at once
 *   while a request runs.
 *
 * Only writes through the ORM belong to the transaction, and registering a model (creating its
 * entity store) is not undone.
 *
 * @param fn - The writes. What it returns, `transaction()` returns.
 * @param pinia - The Pinia whose records `fn` writes; the active one by default.
 *
 * @example
 * ```ts
 * transaction(() => {
 *   const order = useRepo(Order).save({ id: 1, customerId: 7 })
 *   useRepo(Stock).where('productId', 3).update({ reserved: true })
 *   useRepo(Cart).destroy(7)
 *   return order
 * })
 * ```
 */
export function transaction<T>(fn: () => T, pinia?: Pinia): T {
  return _transactionState(_databaseFor('transaction', fn, pinia)).run(fn, 'transaction')
}

/**
 * The database of the Pinia a transaction or optimistic write runs in, checking its arguments.
 *
 * @internal
 */
export function _databaseFor(caller: string, fn: unknown, pinia: Pinia | undefined): Database {
  if (typeof fn !== 'function')
    throw createOrmError(`${caller}() takes a function that makes the writes, e.g. ${caller}(() => useRepo(User).save(user)), not ${fn === null ? 'null' : typeof fn}.`)
  if (pinia !== undefined && (pinia === null || typeof pinia !== 'object' || typeof (pinia as { use?: unknown }).use !== 'function' || !('state' in pinia)))
    throw createOrmError(`${caller}(fn, pinia) takes a Pinia instance (createPinia(), or useNuxtApp().$pinia) as its second argument, not ${pinia === null ? 'null' : typeof pinia === 'object' ? 'an object that is not one' : typeof pinia}. Leave it out to use the active Pinia.`)
  const active = pinia ?? getActivePinia()
  if (!active)
    throw createOrmError(`${caller}() was called with no active Pinia. Pass the Pinia instance, ${caller}(fn, pinia), or install Pinia first (app.use(pinia) or setActivePinia(pinia)).`)
  return getDatabase(active)
}

import { createOrmError } from './errors'
import type { StoredRecord } from './keys'
import { setRecord } from './ownRecords'

// The actions of an entity store. pinia-orm's repositories write each store through an action
// named after the repository's method (`save`, `destroy`, ...), so Pinia's `$onAction` hears every
// write: its documentation shows `useRepo(User).piniaStore().$onAction(...)` and a Pinia plugin
// calling `store.$onAction(...)` as ways to listen to repository writes. Here the database writes
// each store in one `$patch`; it makes that patch the body of the store's action of the same name,
// so listeners hear the same names, with `after` and `onError` as for any action.

/** The actions of pinia-orm's entity store, each named after the repository method that calls it. */
export const ORM_STORE_ACTIONS = ['save', 'insert', 'update', 'fresh', 'destroy', 'delete', 'flush'] as const

/** One of {@link ORM_STORE_ACTIONS}. */
export type OrmStoreAction = typeof ORM_STORE_ACTIONS[number]

/** The write an action call is made for: run by the action's body, once. */
interface PendingWrite {
  readonly write: () => void
  /** 0: not run yet, 1: running, 2: done. */
  state: 0 | 1 | 2
}

/** The write of the action being called (synchronous: set and cleared around one call). */
let pending: PendingWrite | undefined

/** The body of each action: the write the database is making, or an error for a call by the app. */
function storeAction(name: OrmStoreAction) {
  return function (this: { $id: string }, _payload?: unknown, triggerQueryAction?: unknown): void {
    const call = pending
    if (triggerQueryAction === false && call !== undefined && call.state === 0) {
      call.state = 1
      call.write()
      call.state = 2
      return
    }
    throw createOrmError(`the store '${this.$id}' has ${name}() so that $onAction listeners hear the repository's writes, as in pinia-orm; it writes nothing itself. Write through the repository: useRepo(Model).${name}(...).`)
  }
}

/**
 * The actions every entity store gets, one function each for every store of every Pinia (they
 * hold nothing). Give each store a copy: Pinia writes its wrapped actions into the object given.
 *
 * @internal
 */
export const _ormStoreActions: Readonly<Record<OrmStoreAction, (payload?: unknown, triggerQueryAction?: unknown) => void>> = Object.freeze(
  Object.fromEntries(ORM_STORE_ACTIONS.map(name => [name, storeAction(name)])) as Record<OrmStoreAction, (payload?: unknown, triggerQueryAction?: unknown) => void>,
)

/** What {@link _writeAsAction} returns when no listener threw. */
export const NO_LISTENER_ERROR: unique symbol = Symbol('no listener error')

/**
 * Makes `write` the body of a call of the store's action `name`, with pinia-orm's arguments
 * (`payload, false`), so that `$onAction` listeners hear it. A listener (or an `after` callback)
 * that throws does not stop the write, which the rest of the repository's call depends on: the
 * write is made, and the error is returned, for the database to throw once every store is
 * written. An error of the write itself is thrown at once. A store without the action (one the app
 * defined under the same id) is written directly.
 *
 * @internal
 */
export function _writeAsAction(store: object, name: OrmStoreAction, payload: unknown, write: () => void): unknown {
  const action = (store as Record<string, unknown>)[name]
  if (typeof action !== 'function') {
    write()
    return NO_LISTENER_ERROR
  }
  const call: PendingWrite = { write, state: 0 }
  const outer = pending
  pending = call
  try {
    (action as (payload: unknown, triggerQueryAction: boolean) => void).call(store, payload, false)
  }
  catch (error) {
    if (call.state === 1)
      throw error
    if (call.state === 0) {
      // A listener threw before the body ran (or a listener replaced the action): write anyway.
      pending = outer
      write()
    }
    return error
  }
  finally {
    pending = outer
  }
  if (call.state === 0)
    write()
  return NO_LISTENER_ERROR
}

/**
 * The action a store write of a repository call is heard as, and its argument, as pinia-orm's
 * repositories call it: the records by key for `save`, `insert`, `update` and `fresh`, the keys for
 * `destroy` and `delete`, nothing for `flush`. A delete rule's writes are heard as pinia-orm makes
 * them: a cascade as `destroy`, a `set null` as `update`.
 *
 * @internal
 */
export function _actionOf(operation: OrmStoreAction, changes: ReadonlyMap<string, StoredRecord | undefined>): [OrmStoreAction, unknown] {
  let records: Record<string, StoredRecord> | undefined
  let ids: string[] | undefined
  changes.forEach((record, key) => {
    if (record === undefined)
      (ids ??= []).push(key)
    else
      setRecord(records ??= {}, key, record)
  })
  const deletes = operation === 'destroy' || operation === 'delete' || operation === 'flush'
  if (records === undefined)
    return deletes ? [operation, operation === 'flush' ? undefined : ids ?? []] : ['destroy', ids ?? []]
  return [deletes ? 'update' : operation, records]
}

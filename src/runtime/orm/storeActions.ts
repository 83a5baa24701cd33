import { toRaw } from 'vue'
import { createOrmError } from './errors'
import type { StoredRecord } from './keys'

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

/** The write an action call is made for: run by the body of that store's action, once. */
interface PendingWrite {
  /** The store it writes, by id and Pinia: Pinia's devtools call an action on a proxy of the store. */
  readonly id: unknown
  readonly pinia: unknown
  readonly write: () => void
  /** 0: not run yet, 1: running, 2: done. */
  state: 0 | 1 | 2
}

/**
 * The write of the action being called. Module-level, so shared by every Pinia of a server, but it
 * holds a write only for the span of one synchronous call (set before it, put back after it, also
 * when it throws): no request ever sees another's, as no await can come between.
 */
let pending: PendingWrite | undefined

/** The body of each action: the write the database is making, or an error for a call by the app. */
function storeAction(name: OrmStoreAction) {
  return function (this: { $id: string, _p?: unknown }, _payload?: unknown, triggerQueryAction?: unknown): void {
    const call = pending
    // Only the call made for the write: not one a listener makes, to this store or another.
    if (triggerQueryAction === false && call !== undefined && call.state === 0 && this.$id === call.id && this._p === call.pinia) {
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

/** Set on a raw entity store whose actions may have listeners (see {@link _watchActionListeners}). */
const LISTENED = Symbol('nuxt-pinia-orm:listened')

/**
 * Watches for listeners of an entity store's actions. Pinia's action wrapper costs about a
 * microsecond per call (it copies `arguments`, makes two Sets and the listener's context), which
 * a save of one record would pay for nothing; a store no listener can hear is written directly.
 * A listener subscribes through `$onAction`, wrapped here, or from a plugin as the store is made:
 * a Pinia with a plugin other than `createORM()`'s has its stores heard from the start.
 *
 * @internal
 */
export function _watchActionListeners(store: object, pluginsMayListen: boolean): void {
  const raw = toRaw(store) as { [LISTENED]?: true, $onAction: (...args: unknown[]) => unknown }
  if (pluginsMayListen)
    raw[LISTENED] = true
  const subscribe = raw.$onAction
  if (typeof subscribe !== 'function')
    return
  raw.$onAction = function (this: unknown, ...args: unknown[]) {
    raw[LISTENED] = true
    return subscribe.apply(this, args)
  }
}

/** Whether an entity store's actions may have listeners: else a write need not be an action call. @internal */
export function _listened(store: object): boolean {
  return (toRaw(store) as { [LISTENED]?: true })[LISTENED] === true
}

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
  const call: PendingWrite = { id: (store as { $id?: unknown }).$id, pinia: (store as { _p?: unknown })._p, write, state: 0 }
  const outer = pending
  pending = call
  // Pinia's action wrapper makes the store's Pinia the active one, as a write of pinia-orm's does.
  // It cannot be put back: Pinia 4 logs an error for each read of the active Pinia on a server.
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
 * `destroy` and `delete`, nothing for `flush`. The root store of a `delete` or `flush` hears that
 * name; the stores its delete rules reach hear what pinia-orm makes there: a cascade `destroy`, a
 * `set null` `update`. The records are given as a read-only view of `changes`, made only when read:
 * a write pays nothing for it when no listener looks.
 *
 * @internal
 */
export function _actionOf(operation: OrmStoreAction, root: boolean, changes: ReadonlyMap<string, StoredRecord | undefined>): [OrmStoreAction, unknown] {
  let deletions = 0
  changes.forEach((record) => {
    if (record === undefined)
      deletions++
  })
  const deletes = operation === 'destroy' || operation === 'delete' || operation === 'flush'
  if (deletions === changes.size) {
    const name = !deletes ? 'destroy' : root ? operation : 'destroy'
    return [name, name === 'flush' ? undefined : [...changes.keys()]]
  }
  return [deletes ? 'update' : operation, recordsView(changes)]
}

/** The records of `changes` (deletions left out) as a read-only object, read through on each access. */
function recordsView(changes: ReadonlyMap<string, StoredRecord | undefined>): Readonly<Record<string, StoredRecord>> {
  const own = (key: string | symbol) => typeof key === 'string' && changes.get(key) !== undefined
  // The target stays empty and extensible: a proxy may only report keys its target lacks then.
  return new Proxy(Object.create(null) as Record<string, StoredRecord>, {
    get: (_target, key) => own(key) ? changes.get(key as string) : undefined,
    has: (_target, key) => own(key),
    ownKeys: () => [...changes.keys()].filter(own),
    getOwnPropertyDescriptor: (_target, key) => own(key) ? { value: changes.get(key as string), writable: false, enumerable: true, configurable: true } : undefined,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  })
}

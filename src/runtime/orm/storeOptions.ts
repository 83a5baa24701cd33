import { defineStore } from 'pinia'
import type { Pinia, StateTree } from 'pinia'
import { ref } from 'vue'
import { createOrmError } from './errors'
import type { StoredRecord } from './keys'
import { _warnOverriddenStoreActions } from './overriddenStoreActions'
import { _ormStoreActions } from './storeActions'

/** The records of one entity store, by primary key. */
export type EntityData = Record<string, StoredRecord>

/** What a model may declare besides its fields to shape its entity store. */
export interface StoreStatics {
  readonly name: string
  /** Store id prefix: the store of `users` with `namespace = 'auth'` is `auth/users`. */
  namespace?: string
  /**
   * Extra state, getters and actions of the entity store (`storeType: 'optionStore'`), or the extra
   * members a setup store returns (`storeType: 'setupStore'`): an object, or a function returning
   * one, which gives each Pinia instance its own refs.
   */
  piniaOptions?: unknown
}

/**
 * The id of a model's entity store: its entity, prefixed by `static namespace` when it has one, else
 * by the Pinia's `createORM({ model: { namespace } })`.
 *
 * @internal
 */
export function entityStoreId(entity: string, model: StoreStatics | undefined, defaultNamespace = ''): string {
  const namespace = model?.namespace ?? defaultNamespace
  return typeof namespace === 'string' && namespace !== '' ? `${namespace}/${entity}` : entity
}

interface OptionStoreOptions {
  state?: () => StateTree
  getters?: Record<string, unknown>
  actions?: Record<string, unknown>
  [key: string]: unknown
}

/**
 * Creates the entity store of a model in a Pinia: `{ data }` plus what `static piniaOptions`
 * adds, as an option store or a setup store, with pinia-orm's store actions (storeActions.ts),
 * through which the database writes it.
 *
 * @internal
 */
export function createEntityStore(id: string, model: StoreStatics | undefined, storeType: 'optionStore' | 'setupStore', pinia: Pinia) {
  const extra = model?.piniaOptions
  if (extra === undefined)
    return defineStore(id, { state: () => ({ data: {} as EntityData }), actions: { ..._ormStoreActions } })(pinia)
  if (extra === null || (typeof extra !== 'object' && typeof extra !== 'function'))
    throw createOrmError(`${model!.name}.piniaOptions must be an object (state, getters, actions), not ${extra === null ? 'null' : typeof extra}.`)
  if (storeType === 'setupStore') {
    return defineStore(id, () => {
      const members = typeof extra === 'function' ? (extra as () => Record<string, unknown>)() : extra as Record<string, unknown>
      _warnOverriddenStoreActions(pinia, model!.name, members, storeType)
      return { ...members, data: ref({} as EntityData), ..._ormStoreActions }
    })(pinia) as unknown as OptionEntityStore
  }
  const options = (typeof extra === 'function' ? (extra as () => OptionStoreOptions)() : extra) as OptionStoreOptions
  _warnOverriddenStoreActions(pinia, model!.name, options, storeType)
  const storeOptions = { ...options, state: () => ({ ...options.state?.(), data: {} as EntityData }), actions: { ...options.actions, ..._ormStoreActions } }
  return defineStore(id, storeOptions as unknown as { state: () => { data: EntityData }, actions: typeof _ormStoreActions })(pinia)
}

type OptionEntityStore = ReturnType<ReturnType<typeof defineStore<string, { data: EntityData }>>>

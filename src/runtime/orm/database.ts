import type { Pinia } from 'pinia'
import { effect, effectScope, isRef, shallowRef, toRaw, toRef, triggerRef } from 'vue'
import type { EffectScope, ShallowRef } from 'vue'
import { hasOtherPlugins, installedOrmOptions, resolveConfig } from './config'
import type { CreateOrmOptions, OrmConfig } from './config'
import { createOrmError } from './errors'
import { _applyModelDefaults } from './modelDefaults'
import type { AppliedModelDefaults } from './modelDefaults'
import { CheckedFkIndex, FkIndex } from './fkIndex'
import { _warnOnce } from './inputWarnings'
import { recordAt, setRecord } from './ownRecords'
import { EntityCounts } from './query/entityCounts'
import { QueryCache } from './query/queryCache'
import { createEntityStore, entityStoreId } from './storeOptions'
import { _actionOf, _listened, _watchActionListeners, _writeAsAction, NO_LISTENER_ERROR } from './storeActions'
import type { OrmStoreAction } from './storeActions'
import type { EntityData } from './storeOptions'
import type { StoredRecord } from './keys'
import type { RelatedRef, Relation, RelationHost, RelationLink, Schema } from './relations/Relation'
import { getSchema } from './schema'
import { sameFields } from './sameFields'
import { Signals } from './reactivity/signals'
import type { Dep } from './reactivity/matchers'
import type { ModelClass } from './types'
import { isModelClass } from './relatedRef'
import { _replacementOf } from './transactions/effects'
import { _transactionState } from './transactions/state'
import type { WriteInterceptor } from './transactions/state'

declare module './relations/Relation' {
  // The database a schema hydrates instances for (the contract file does not import this one).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SchemaDatabase extends Database {}
}

// The records of one entity store, by primary key (declared where the stores are made).
export type { EntityData } from './storeOptions'

/** The state of an entity store: `{ data: { [id]: attributes } }`. */
export interface EntityState {
  data: EntityData
}

/** The Pinia store that keeps one entity's records. */
export type EntityStore = ReturnType<typeof createEntityStore>

/** Options of {@link registerModels}. */
export interface RegisterOptions {
  /**
   * Let a class take over an entity already claimed by another class, instead of throwing. Meant
   * for hot module replacement, where an edited model file yields a new class for the same entity.
   * @default false
   */
  replace?: boolean
}

const NO_CHANGES: ReadonlyMap<string, StoredRecord | undefined> = new Map()
/** What watches one entity store's `data` for a new object by assignment (see Database.hearAssignedData). */
interface DataWatch {
  readonly scope: EffectScope
  /** The store's raw state, and its `data`, as last seen. */
  state: EntityState | undefined
  data: unknown
}

/** A repository's answer to `count()`, kept on it until a write (see Database._countOf). */
export interface KeptCount {
  readonly size: number
  /** Tells whether an effect is running (see Signals._probe): the kept answer is for reads outside one. */
  readonly probe: Dep
}

/** What `Database._countOf` needs of a repository. */
interface CountingRepository {
  readonly _scopedQuery: boolean
  readonly _schema: Schema
  _counted: KeptCount | undefined
  query: () => { count: () => number }
}

/** The records of an entity that has no store yet: none (frozen, so that nothing writes into it). */
const noRecords: EntityData = Object.freeze({})

/**
 * Everything the ORM keeps for one Pinia instance: which model claims which entity, the entity
 * stores, the foreign-key indexes and the signals that make reads reactive. Nothing here is ever
 * shared between two Pinia instances, so two server requests never see each other's data.
 *
 * @internal
 */
export class Database {
  readonly pinia: Pinia
  private readonly schemas = new Map<string, Schema>()
  private readonly stores = new Map<string, EntityStore>()
  /** What hears each store's `data` replaced by assignment (see hearAssignedData). */
  private readonly dataWatches = new Map<string, DataWatch>()
  private readonly versions = new Map<string, ShallowRef<number>>()
  private writes = 0
  private readonly indexes = new Map<string, FkIndex[]>()
  /** Resolved and checked relations; emptied when a model is replaced. */
  private readonly resolved = new Map<Relation, RelationLink>()
  /** What relations bind to. */
  private readonly host: RelationHost = {
    schemaOf: (ref, owner, field) => this.resolve(ref, owner, field),
    data: entity => this.data(entity),
    index: (entity, fields, data) => this.index(entity, fields, data),
    twinsOf: schema => [...this.schemas.values()].filter(other => other.type === schema.type && other.entity !== schema.entity),
  }

  /** Store ids of namespaced entities (`static namespace`); others use the entity. */
  private readonly storeIds = new Map<string, string>()
  /** The entity of each store id made here (see `_entityOfStore`). */
  private readonly storeEntities = new Map<string, string>()
  private readonly counts = new EntityCounts()
  /** The repository holding a kept answer to `count()` (see `_countOf`), one at a time. */
  private counted: CountingRepository | undefined
  private ownWrite = false
  private stateProxy: unknown
  private stateRaw: Record<string, EntityState | undefined> | undefined
  private resolvedConfig: OrmConfig | undefined
  private readonly seenOptions = new Set<CreateOrmOptions>()
  /** How many Pinia plugins `_newlyInstalled` last saw. */
  private pluginsSeen = 0
  /**
   * Results of `useCache()` queries in this Pinia.
   * @internal
   */
  readonly _queryCache: QueryCache = new QueryCache(this)
  /**
   * The plain repository of each model, reused by `useRepo` while no plugin runs per repository
   * (emptied when the configuration or a model changes).
   * @internal
   */
  readonly _repositories = new Map<unknown, unknown>()
  /**
   * The load maps `with(name)` shares between queries (see eagerLoad's sharedLoad).
   * @internal
   */
  readonly _sharedLoads = new Map<Schema, Map<string, readonly unknown[]>>()
  private reads: Set<string> | undefined
  /**
   * What `createORM({ model })` defaults make of each model in this Pinia; `undefined` without
   * defaults, so reads and writes then take the models' own path. Set with the config.
   * @internal
   */
  _defaults: AppliedModelDefaults | undefined
  /**
   * Set while a transaction is open or an optimistic write is pending (see `transactions/`).
   * @internal
   */
  _interceptor: WriteInterceptor | undefined

  /**
   * The repository method writing now (`save`, `destroy`, ...; see {@link Database._as}): each store
   * it writes is written as that store's action of that name, which `$onAction` hears.
   * @internal
   */
  _action: OrmStoreAction | undefined = undefined

  /** The entity whose repository method {@link Database._action} is: the other stores it writes are reached by delete rules. */
  private actionRoot: string | undefined

  /** The first error an `$onAction` listener threw during {@link Database._as}'s call, if any. */
  private listenerError: unknown = NO_LISTENER_ERROR
  /**
   * Fine-grained dependencies and live queries of this Pinia (see `reactivity/signals.ts`).
   * @internal
   */
  readonly _signals = new Signals()
  /**
   * While set, `data()` leaves dependencies to the read under way, which tracks finer ones.
   * @internal
   */
  _fine = false

  constructor(pinia: Pinia) {
    this.pinia = pinia
  }

  /**
   * The ORM configuration of this Pinia: the options of the `createORM()` plugins installed on it,
   * read when first needed (at the latest, before the first entity store is made).
   */
  get config(): OrmConfig {
    if (!this.resolvedConfig) {
      const list = installedOrmOptions(this.pinia)
      for (const options of list)
        this.seenOptions.add(options)
      this.resolvedConfig = resolveConfig(list)
      this._defaults = _applyModelDefaults(this.resolvedConfig.model)
    }
    return this.resolvedConfig
  }

  /**
   * Called by the `createORM()` plugin when Pinia runs it. Options that reach a Pinia after its
   * entity stores were made still apply to later repositories; a store type they change cannot
   * apply to stores that exist, which is warned about in dev.
   *
   * @internal
   */
  _configure(options: CreateOrmOptions): void {
    if (this.seenOptions.has(options))
      return
    const before = this.resolvedConfig
    this.resolvedConfig = undefined
    this._repositories.clear()
    const after = this.config
    this.seenOptions.add(options)
    if (before && this.stores.size > 0 && before.model.namespace !== after.model.namespace && process.env.NODE_ENV !== 'production')
      console.warn(`[nuxt-pinia-orm] createORM({ model: { namespace: '${after.model.namespace}' } }) reached this Pinia after its entity stores (${[...this.stores.keys()].join(', ')}) were made, so their ids keep the namespace they had. Call pinia.use(createORM(...)) after app.use(pinia) and before the first useRepo().`)
    if (before && this.stores.size > 0 && before.pinia.storeType !== after.pinia.storeType && process.env.NODE_ENV !== 'production')
      console.warn(`[nuxt-pinia-orm] createORM({ pinia: { storeType: '${after.pinia.storeType}' } }) reached this Pinia after its entity stores (${[...this.stores.keys()].join(', ')}) were made, so they stay '${before.pinia.storeType}'. Call pinia.use(createORM(...)) after app.use(pinia) and before the first useRepo().`)
  }

  /**
   * Applies the `createORM()` options installed on this Pinia since the last look and returns
   * them. Pinia runs a plugin for the stores made after `pinia.use()` only, so options installed
   * once the entity stores exist (from an app's own Nuxt plugin, say, as pinia-orm's guide adds its
   * axios plugin) would otherwise wait for some other store to be made. O(1) when no plugin was
   * added: `useRepo()` calls it every time.
   *
   * @internal
   */
  _newlyInstalled(): readonly CreateOrmOptions[] {
    const count = (this.pinia as Pinia & { _p?: unknown[] })._p?.length ?? 0
    if (count === this.pluginsSeen)
      return []
    this.pluginsSeen = count
    const fresh = installedOrmOptions(this.pinia).filter(options => !this.seenOptions.has(options))
    for (const options of fresh)
      this._configure(options)
    return fresh
  }

  /** The number of records of an entity: O(1) after the first count. */
  count(entity: string): number {
    return this.counts.get(entity, this.data(entity))
  }

  /**
   * A repository's `count()` with no answer kept on it: how many records its `query()` matches,
   * read (and tracked) from the store. The answer is then kept on the repository, for `count()`
   * and `exists()` asked again outside an effect, until the next write to any entity. Kept only
   * while no query cache records the entities read, and only for an entity whose option store
   * exists: its subscription and its watch of `data` hear every change.
   *
   * @internal
   */
  _countOf(repo: CountingRepository): number {
    // A custom repository's query() may add constraints, and a subclass under single-table
    // inheritance counts only its types: their answer is the query's, never kept.
    if (repo._scopedQuery || repo._schema.features?.inheritance?.ownTypes !== undefined)
      return repo.query().count()
    const entity = repo._schema.entity
    const size = this.counts.get(entity, this.data(entity))
    this.dropCount()
    // Not for a setup store: a new `data` given to its ref is heard by effects only (see hearAssignedData).
    if (this.reads === undefined && this.stores.has(entity) && !isRef(this.rawState()[this.storeIds.get(entity) ?? entity]?.data)) {
      repo._counted = { size, probe: this._signals._probe }
      this.counted = repo
    }
    return size
  }

  private dropCount(): void {
    if (this.counted !== undefined) {
      this.counted._counted = undefined
      this.counted = undefined
    }
  }

  /**
   * While set, every entity read through `data()` is added to it (see QueryCache).
   * @internal
   */
  get _reads(): Set<string> | undefined {
    return this.reads
  }

  set _reads(reads: Set<string> | undefined) {
    this.reads = reads
    // A kept count would answer without reading: the cache would not learn what it read.
    this.dropCount()
  }

  /**
   * The write counter of an entity (reading it makes the running effect depend on it).
   * @internal
   */
  _version(entity: string): number {
    const version = this.version(entity).value
    // Written in an open transaction and not yet triggered: no cached result of it is current.
    return this._interceptor?.pending(entity) ? Number.NaN : version
  }

  /** Registers a model class with this Pinia, creating its entity store, and returns its schema. */
  register(model: ModelClass, options?: RegisterOptions): Schema {
    const schema = getSchema(model)
    // A subclass under single-table inheritance keeps its records in its base's store.
    const base = schema.features?.inheritance?.root
    if (base && base !== model) {
      this.register(base, options)
      return schema
    }
    const current = this.schemas.get(schema.entity)
    if (current === schema)
      return schema
    if (current && !options?.replace)
      throw duplicateEntityError(schema.entity, current.model, schema.model)
    // A model of the same entity in another namespace: relations named by that entity, and the
    // checks of type columns, are resolved again.
    let twin = false
    for (const other of this.schemas.values())
      twin ||= other.type === schema.type
    this.schemas.set(schema.entity, schema)
    try {
      this.store(schema.entity)
    }
    catch (error) {
      // Its store cannot be made (another model's has that id): the model stays unregistered.
      if (current)
        this.schemas.set(schema.entity, current)
      else
        this.schemas.delete(schema.entity)
      throw error
    }
    if (current)
      this.indexes.delete(schema.entity)
    if (current || twin)
      this.forgetLinks()
    return schema
  }

  /** Drops what was bound to the models registered so far: relations resolve again at next use. */
  private forgetLinks(): void {
    this.resolved.clear()
    this._repositories.clear()
    this._sharedLoads.clear()
  }

  /**
   * Under hot replacement, the new versions of the model classes (all of them, as the models
   * module gives them): a class whose namespace changed has a new key, so its old version (same
   * class name and entity, a key none of the new versions has) leaves, and the entity names one
   * model again. Its records stay in the store of the old namespace.
   *
   * @internal
   */
  _dropReplaced(incoming: readonly Schema[]): void {
    const keys = new Set(incoming.map(schema => schema.entity))
    let dropped = false
    for (const [key, other] of this.schemas) {
      if (!keys.has(key) && incoming.some(schema => schema.type === other.type && schema.name === other.name)) {
        this.schemas.delete(key)
        this.indexes.delete(key)
        dropped = true
      }
    }
    if (dropped)
      this.forgetLinks()
  }

  /**
   * The entity whose store has this id: a namespaced store's id (`app/users`) is not its entity.
   * @internal
   */
  _entityOfStore(id: string): string {
    return this.storeEntities.get(id) ?? id
  }

  /** The registered schema of an entity, if any. */
  schemaOf(entity: string): Schema | undefined {
    return this.schemas.get(entity)
  }

  /**
   * The registered schema a name given by the app means: the model of that entity or store id, else
   * the one model whose entity it is under a namespace (`'users'` for `admin/users`). Two such models and
   * no plain one: an error, since the name cannot tell them apart.
   */
  schemaNamed(name: string, usedBy: string): Schema | undefined {
    // The entity (with its own namespace), or the id of its store (with the Pinia's default one,
    // as `$modelEntity()` and `$storeName()` give it).
    const schema = this.schemas.get(name) ?? this.schemas.get(this.storeEntities.get(name) ?? '')
    if (schema)
      return schema
    let found: Schema | undefined
    for (const candidate of this.schemas.values()) {
      if (candidate.type !== name)
        continue
      if (found)
        throw createOrmError(`${usedBy} names the entity '${name}', which ${found.name} ('${found.entity}') and ${candidate.name} ('${candidate.entity}') share in different namespaces. Give it as '${found.entity}' or '${candidate.entity}', or pass the model class.`)
      found = candidate
    }
    return found
  }

  /** The schema of a relation's related model, registering the model when given as a class. */
  related(relation: Relation, owner: Schema, field: string): Schema {
    return this.link(owner, field, relation).related
  }

  /**
   * The relation `field` of `owner` bound to this database: resolved, checked, and able to read,
   * save and unlink its records. Built on first use.
   */
  link(owner: Schema, field: string, relation = owner.relations.get(field)): RelationLink {
    if (!relation)
      throw createOrmError(`${owner.name} has no relation '${field}'. Its relations are: ${owner.relationNames.join(', ') || 'none'}.`)
    let link = this.resolved.get(relation)
    if (!link) {
      link = relation._bind(this.host, owner, field)
      this.resolved.set(relation, link)
    }
    return link
  }

  private resolve(ref: RelatedRef, owner: Schema, field: string): Schema {
    if (typeof ref === 'string') {
      const schema = this.schemaNamed(ref, `${owner.name}.${field}`)
      if (!schema)
        throw createOrmError(`${owner.name}.${field} refers to the entity '${ref}', but no model of that entity is registered with this Pinia. Register it first (registerModels(pinia, [...]) or useRepo(ThatModel)), or pass the class, or a function returning it, instead of the name.`)
      return schema
    }
    if (isModelClass(ref))
      return this.register(ref)
    // Most often a class not yet defined when fields() ran, through a circular import.
    if (typeof ref !== 'function')
      throw createOrmError(`${owner.name}.${field}: the related model is ${ref === null ? 'null' : ref === undefined ? 'undefined' : `not a model class but ${typeof ref}`}. When models import each other, pass a function returning the class (\`() => Phone\`) or the entity name.`)
    let model: unknown
    try {
      model = (ref as () => unknown)()
    }
    catch (error) {
      throw createOrmError(`${owner.name}.${field}: the function that gives the related model threw. Make it return the model class, e.g. \`() => Phone\`.`, { cause: error })
    }
    if (!isModelClass(model))
      throw createOrmError(`${owner.name}.${field}: the related model could not be resolved; its function returned ${model === undefined ? 'undefined' : typeof model}. Make it return a model class, e.g. \`() => Phone\`, or give the entity name.`)
    return this.register(model)
  }

  /** The entity store, created on first use. */
  store(entity: string): EntityStore {
    let store = this.stores.get(entity)
    if (!store) {
      const model = this.schemas.get(entity)?.model
      const id = entityStoreId(this.schemas.get(entity)?.type ?? entity, model, this.config.model.namespace)
      const other = this.storeEntities.get(id)
      if (other !== undefined && other !== entity)
        throw createOrmError(`${model?.name ?? entity} and ${this.schemas.get(other)?.model.name ?? other} would both keep their records in the store '${id}' (a namespace of one model and the Pinia's default namespace of the other give the same id). Give one of them another \`static namespace\` or entity.`)
      if (id !== entity)
        this.storeIds.set(entity, id)
      this.storeEntities.set(id, entity)
      store = createEntityStore(id, model, this.config.pinia.storeType, this.pinia)
      _watchActionListeners(store, hasOtherPlugins(this.pinia))
      this.stores.set(entity, store)
      // Any change through Pinia's API ($patch, $reset, $state = ...) counts as a write. Not deep:
      // a deep watch would walk every record on every change.
      store.$subscribe(() => this.touch(entity), { detached: true, flush: 'sync', deep: false })
      this.dataWatches.set(entity, this.hearAssignedData(entity, id))
    }
    return store
  }

  /**
   * Makes a new `data` given by assignment (`store.data = { ... }`) a write, as a `$patch` is: Pinia's
   * subscription watches the store's state object only. An effect reads `state.data` once; each
   * trigger of it (every ORM write triggers it too, see patch) compares the records object with
   * the one it saw, and that comparison is all a write pays. A watch one level deep would hear it
   * too, but enumerates the state through its proxy on every write (10 µs per `destroy()`).
   * A setup store's `data` is a ref, which `data()` reads through, so effects hear it already.
   * Detached, as the subscription is: a component that first used the store may unmount.
   */
  private hearAssignedData(entity: string, id: string): DataWatch {
    const watch: DataWatch = { scope: effectScope(true), state: undefined, data: undefined }
    const runner = watch.scope.run(() => effect(() => {
      void this.pinia.state.value[id]?.data
      watch.state = this.rawState()[id]
      watch.data = watch.state?.data
    }, {
      scheduler: () => {
        const state = this.rawState()[id]
        if (state !== watch.state) {
          // The state object was replaced, which the subscription hears: watch the new one.
          runner!()
        }
        else if (state !== undefined && state.data !== watch.data && !isRef(state.data)) {
          watch.data = state.data
          this.touch(entity)
        }
      },
    }))
    return watch
  }

  /**
   * The records of an entity, as the raw object the store keeps. Reading it inside a computed or a
   * render makes that effect depend on every write to the entity and on a replacement of Pinia's
   * whole state (hydration).
   */
  data(entity: string): EntityData {
    if (!this._fine)
      track(this.version(entity))
    this.reads?.add(entity)
    const id = this.storeIds.size === 0 ? entity : this.storeIds.get(entity) ?? entity
    const data = this.rawState()[id]?.data
    // No state for the store, or no records in it (Pinia's whole state was replaced without
    // them): no records, and no store made by a read. The next write makes them (see
    // storeToWrite) and bumps the version tracked above.
    if (data === undefined)
      return noRecords
    if (data === null || typeof data !== 'object')
      throw this.malformedState(entity, 'data', data)
    // A setup store (createORM({ pinia: { storeType: 'setupStore' } })) keeps its state as refs.
    return isRef(data) ? toRaw(data.value as EntityData) : data
  }

  /** The error for an entity store whose state, or its `data`, was set from outside to a non-object. */
  private malformedState(entity: string, part: string, value: unknown): Error {
    const name = this.schemas.get(entity)?.name ?? entity
    const shown = value === null ? 'null' : typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 20))}` : typeof value
    return createOrmError(`The ${part === 'data' ? '`data` in the state' : 'state'} of ${name}'s store was set to ${shown} from outside the ORM. It keeps ${name}'s records as an object by key (\`{ data: { 1: { ... } } }\`): set it to such an object, or to \`{ data: {} }\` for none.`)
  }

  /**
   * The entity store a write goes to, with records to write into. Pinia's whole state replaced
   * without this store's (`pinia.state.value = { ... }`, as a test or a hand-made hydration may
   * do) leaves the store holding nothing: it is made anew, as at its first use; a state without
   * `data` gets an empty one.
   */
  private storeToWrite(entity: string): EntityStore {
    const store = this.store(entity)
    const state = this.rawState()[this.storeIds.get(entity) ?? entity]
    if (state === null || (state !== undefined && typeof state !== 'object'))
      throw this.malformedState(entity, 'state', state)
    if (state === undefined) {
      store.$dispose()
      this.dataWatches.get(entity)?.scope.stop()
      this.stores.delete(entity)
      return this.store(entity)
    }
    if (state.data === undefined)
      store.$patch((writable) => { writable.data = {} })
    return store
  }

  /**
   * Pinia's whole state as the raw object behind its reactive proxy. `toRaw` goes through the
   * proxy's trap, so the raw object is kept for as long as the proxy is the same one.
   */
  private rawState(): Record<string, EntityState | undefined> {
    const proxy = this.pinia.state.value
    if (proxy !== this.stateProxy) {
      this.stateProxy = proxy
      this.stateRaw = toRaw(proxy) as Record<string, EntityState | undefined>
    }
    return this.stateRaw!
  }

  /**
   * The index of an entity's records by the values of `fields`, built by the first read that asks
   * for it and kept up to date by every write after. Built then, not at the first write: a bulk
   * build in one loop costs less than inserting record by record, and an index no read asks for
   * (a relation only ever saved through) costs nothing.
   */
  index(entity: string, fields: readonly string[], data: EntityData): FkIndex {
    const live = this.liveIndexes(entity, data)
    for (let i = 0; i < live.length; i++) {
      if (sameFields(live[i]!.fields, fields))
        return live[i]!
    }
    return this.newIndex(live, entity, fields, data)
  }

  /**
   * Builds and keeps the index {@link index} did not find. A method of its own: `index()` runs on
   * every relation lookup and V8 inlines it there only while it stays this small (with the build
   * and its dev-only closure inside it, `with('phone').find(id)` allocated 56 bytes more per call).
   */
  private newIndex(live: FkIndex[], entity: string, fields: readonly string[], data: EntityData): FkIndex {
    const index = process.env.NODE_ENV === 'production'
      ? new FkIndex(data, fields)
      : new CheckedFkIndex(data, fields, (id, key, record) => this.warnStale(entity, fields, id, key, record))
    live.push(index)
    return index
  }

  /** Dev only: a record of `entity` changed or removed outside `$patch`, found by an index lookup. */
  private warnStale(entity: string, fields: readonly string[], id: string, key: string, record: StoredRecord | undefined): void {
    const name = this.schemas.get(entity)?.name ?? entity
    const now = record === undefined ? 'is no longer in the store' : `holds ${fields.map(field => `${field} = ${String(record[field])}`).join(', ')}`
    _warnOnce(this.pinia, `stale ${entity}`, `${name} ${id} was changed in the store outside $patch (or is read inside a $patch that changes it): it ${now}, but relations still find it under ${fields.join(', ')} = ${key}. Relation loads and relation queries do not see such a change (where() does): make it inside useRepo(${name}).piniaStore().$patch(...) or through a repository, and read after it. (Warned once per model, in dev only.)`)
  }

  /**
   * Runs `fn` as a transaction (joining an open one): a write that runs the app's hooks goes
   * through here, so that whatever a hook writes is undone with the rest when one throws.
   */
  _atomic(fn: () => void): void {
    _transactionState(this).run(fn, 'a write with hooks')
  }

  /** In `_atomic`'s function: readers hear of the writes made so far (see TransactionState.settle). */
  _settle(): void {
    _transactionState(this).settle()
  }

  /**
   * Runs a repository method's writes (`operation` names it) as calls of the store actions of that
   * name, as pinia-orm's repositories make them, so that `$onAction` hears each store written. An
   * error a listener throws is thrown once the method's writes are all made (see _writeAsAction).
   * A method called inside another (by a hook) is heard under its own name, and an error of its
   * listeners is thrown at the end of the outermost one: the hook's write is not undone by it.
   *
   * @internal
   */
  _as<T>(operation: OrmStoreAction, entity: string, fn: () => T): T {
    const outer = this._action
    const outerRoot = this.actionRoot
    let outerError = this.listenerError
    this._action = operation
    this.actionRoot = entity
    this.listenerError = NO_LISTENER_ERROR
    try {
      const result = fn()
      if (this.listenerError !== NO_LISTENER_ERROR) {
        if (outer === undefined)
          throw this.listenerError
        if (outerError === NO_LISTENER_ERROR)
          outerError = this.listenerError
      }
      return result
    }
    finally {
      this._action = outer
      this.actionRoot = outerRoot
      this.listenerError = outerError
    }
  }

  /**
   * Writes records of one entity in one store mutation: a record for each key to set, `undefined`
   * for each key to delete. The ORM's own readers hear of it through the store subscription. In an
   * open transaction the records are written at once and the store is patched when it ends. Made
   * by a repository method ({@link Database._as}), it is the body of the store's action.
   */
  write(entity: string, changes: ReadonlyMap<string, StoredRecord | undefined>): void {
    if (changes.size === 0)
      return
    const store = this.storeToWrite(entity)
    if (this._action !== undefined && _listened(store)) {
      const [name, payload] = _actionOf(this._action, entity === this.actionRoot, changes)
      this.heard(_writeAsAction(store, name, payload, () => this.writeStore(store, entity, changes)))
      return
    }
    this.writeStore(store, entity, changes)
  }

  /** Runs `fn` with writes no `$onAction` listener hears: part of a write heard as one action. @internal */
  _unheard(fn: () => void): void {
    const action = this._action
    this._action = undefined
    try {
      fn()
    }
    finally {
      this._action = action
    }
  }

  /** Keeps the first error a listener threw, for {@link Database._as} to throw. */
  private heard(error: unknown): void {
    if (error !== NO_LISTENER_ERROR && this.listenerError === NO_LISTENER_ERROR)
      this.listenerError = error
  }

  private writeStore(store: EntityStore, entity: string, changes: ReadonlyMap<string, StoredRecord | undefined>): void {
    const data = toRaw(store.$state.data)
    this.counts.write(entity, data, changes)
    const indexes = this.liveIndexes(entity, data)
    if (indexes.length > 0) {
      changes.forEach((record, id) => {
        const before = recordAt(data, id)
        for (let i = indexes.length - 1; i >= 0; i--) {
          if (!indexes[i]!.update(id, before, record))
            indexes.splice(i, 1)
        }
      })
    }
    // Before the records change: the live queries are told each record's before and after once
    // the store is patched (at the end of a transaction, for a write inside one).
    this._signals.beforeWrite(entity, data, changes)
    if (this._interceptor?.write(entity, data, changes)) {
      this.writes++
      this.dropCount()
      return
    }
    this.ownWrite = true
    try {
      this.patch(store, data, changes)
    }
    finally {
      this.ownWrite = false
    }
  }

  /**
   * Triggers the readers of an entity once, for the writes an open transaction put into its records.
   * @internal
   */
  _flush(entity: string): void {
    const store = this.storeToWrite(entity)
    this.ownWrite = true
    try {
      this.patch(store, toRaw(store.$state.data), NO_CHANGES)
    }
    finally {
      this.ownWrite = false
    }
  }

  /**
   * Drops the indexes of an entity, rebuilt on next use (an undone transaction changed its key order).
   * @internal
   */
  _dropIndexes(entity: string): void {
    this.indexes.delete(entity)
  }

  private patch(store: EntityStore, data: EntityData, changes: ReadonlyMap<string, StoredRecord | undefined>): void {
    store.$patch((state) => {
      // Into the raw object: a reactive set per record (a proxy trap and a trigger each) would
      // cost more than the rest of a save. One trigger of the `data` key then reaches every
      // effect that reads records through the store, as each reads `state.data` first. It runs
      // inside $patch, so Pinia's own subscribers hear of the write once, as a patch. forEach, not
      // for...of: until this runs optimized (the first requests of a server), taking each entry
      // apart through the iterator protocol costs more than the write itself.
      changes.forEach(writeRecord, data)
      triggerRef(toRef(state, 'data'))
    })
  }

  /** Replaces all records of an entity (heard as `flush` when emptied by one, else as `fresh`). */
  replace(entity: string, data: EntityData): void {
    const action = this._action
    const store = this.storeToWrite(entity)
    if (action === undefined || !_listened(store)) {
      this.replaceRecords(store, entity, data)
      return
    }
    const name = action === 'flush' ? 'flush' : 'fresh'
    // One action for the whole replacement, also when a transaction writes it record by record.
    this.heard(_writeAsAction(store, name, name === 'flush' ? undefined : data, () => this._unheard(() => this.replaceRecords(store, entity, data))))
  }

  private replaceRecords(store: EntityStore, entity: string, data: EntityData): void {
    if (this._interceptor) {
      // Record by record, so that a transaction can undo it and an optimistic rollback replay it.
      this.write(entity, _replacementOf(toRaw(store.$state.data), data))
      return
    }
    // A write Pinia's subscription hears (a $patch): not one for the watch of assignments too.
    this.dataWatches.get(entity)!.data = data
    store.$patch((state) => {
      state.data = data
    })
    this.indexes.delete(entity)
  }

  private version(entity: string): ShallowRef<number> {
    let version = this.versions.get(entity)
    if (!version)
      this.versions.set(entity, version = shallowRef(0))
    return version
  }

  private touch(entity: string): void {
    if (!this.ownWrite) {
      // A write behind the ORM ($patch, $reset, an assignment) may have changed any record in place:
      // what was derived from the records is made again from them at its next use.
      this.counts.forget(entity)
      this.indexes.delete(entity)
    }
    this.writes++
    this.dropCount()
    this.version(entity).value++
    this._signals.afterWrite(entity, this.ownWrite)
  }

  /**
   * How many writes this database has seen: a cache of derived data is current while it is unchanged.
   *
   * @internal
   */
  _writeCount(): number {
    return this.writes
  }

  /** The indexes of an entity that still describe `data`; others (the store was replaced) are dropped. */
  private liveIndexes(entity: string, data: EntityData): FkIndex[] {
    let indexes = this.indexes.get(entity)
    if (!indexes)
      this.indexes.set(entity, indexes = [])
    else if (indexes.length > 0 && indexes[0]!.source !== data)
      indexes.length = 0
    return indexes
  }
}

/** Writes one change into the records (`this`): a record to set, `undefined` to delete. */
function writeRecord(this: EntityData, record: StoredRecord | undefined, id: string): void {
  if (record === undefined)
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the store is keyed by record id
    delete this[id]
  else
    setRecord(this, id, record)
}

/** Reads a signal so that the running effect, if any, depends on it. */
function track(signal: ShallowRef<number>): number {
  return signal.value
}

function duplicateEntityError(entity: string, first: { name: string, namespace?: string }, second: { name: string, namespace?: string }) {
  const names = first.name === second.name ? `two different classes named ${first.name}` : `${first.name} and ${second.name}`
  return createOrmError(`The entity '${entity}' is claimed by ${names}. Every model needs its own \`static entity\`: rename the entity of one of them, or, to keep both, give them different \`static namespace\`s (an empty namespace is none).`)
}

const databases = new WeakMap<Pinia, Database>()

/**
 * The ORM's database of a Pinia instance, created on first use. Kept in a `WeakMap` keyed by the
 * Pinia instance, so it lives and dies with it.
 *
 * @internal
 */
export function getDatabase(pinia: Pinia): Database {
  let database = databases.get(pinia)
  if (!database)
    databases.set(pinia, database = new Database(pinia))
  return database
}

/**
 * Registers model classes with a Pinia instance and creates their entity stores, so every store
 * exists before first use. Two classes that claim one entity throw, unless `replace` is set.
 */
export function registerModels(pinia: Pinia, models: readonly ModelClass[], options?: RegisterOptions): void {
  const claimed = new Map<string, ModelClass>()
  for (const model of models) {
    const schema = getSchema(model)
    const base = schema.features?.inheritance?.root
    if (base && base !== model)
      continue
    const other = claimed.get(schema.entity)
    if (other && other !== model)
      throw duplicateEntityError(schema.entity, other, schema.model)
    claimed.set(schema.entity, model)
  }
  const database = getDatabase(pinia)
  if (options?.replace)
    database._dropReplaced(models.map(model => getSchema(model)))
  for (const model of models)
    database.register(model, options)
}

import type { Store } from 'pinia'
import { checkIds } from './arguments'
import type { OrmConfig } from './config'
import type { Database, EntityStore, KeptCount } from './database'
import { createOrmError } from './errors'
import { runPlugins } from './plugins'
import { recordAt } from './ownRecords'
import type { QueryCache } from './query/queryCache'
import { revive } from './revive'
import type { Model } from './Model'
import { Query } from './query'
import type { LiveQuery } from './live/liveQuery'
import { destroyIds, freshRecords, INSERT, newRecord, persistRecords, removeAll, SAVE } from './writeRecords'
import type { ModelInstance, Schema } from './relations/Relation'
import type { Item, KeyOf, ModelClass, ModelClassOf, RecordInput } from './types'
import { _defaultsInstance, _madeInstance } from './modelFill'
import { RepositoryQueries } from './repositoryQueries'

declare module './config' {
  // What plugins get as `context.repository` is a Repository (config.ts imports no repository).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginRepository extends Repository {}
}

/**
 * A repository's `count()`: the answer kept on it when nothing was written since and no effect is
 * running, else the database's. Small, so that V8 inlines it, with Vue's `track()`, into a loop
 * that counts: the kept answer then costs about twice reading a Map's size (bench W12).
 */
function countOf(repo: Repository): number {
  const kept = repo._counted
  return kept !== undefined && kept.probe.track() === undefined ? kept.size : repo._db._countOf(repo)
}

/**
 * A repository class as `useRepo` takes it: `Repository` itself or a subclass declaring `use`.
 */
export type RepositoryClass<R extends Repository = Repository> = new (db: Database) => R

/**
 * The entry point to one model's records in one Pinia instance: saves, reads and deletes, and
 * every query method as a shortcut to `query()`. Made by `useRepo(Model)`.
 */
export class Repository<T extends ModelClass | ModelInstance = ModelClass, M extends ModelClass = ModelClassOf<T>> extends RepositoryQueries<M> {
  /**
   * The model a repository class serves when its instances set no `use`, as pinia-orm's
   * `static useModel`: `class UserRepository extends Repository { static useModel = User }`.
   */
  static useModel?: ModelClass
  /** Marks repository classes, as pinia-orm's flag of the same name. */
  static readonly _isRepository = true

  /**
   * Sets {@link Repository.useModel} on this class and returns it, as pinia-orm's `setModel()`: a
   * definition of the class, the same for every Pinia.
   */
  static setModel<T extends { useModel?: ModelClass }>(this: T, model: ModelClass): T {
    this.useModel = model
    return this
  }

  /**
   * The model class this repository serves. A custom repository sets it as a class field:
   * `class UserRepository extends Repository<typeof User> { use = User }`.
   */
  readonly use!: M
  /** @internal */
  readonly _db: Database
  /** @internal */
  _schema!: Schema
  /**
   * Whether this repository's `query()` is not the built-in one (a custom repository overrides
   * it, or a plugin replaced it): `find(id)`, `count()`, `exists()` and `destroy()` then go through
   * it. Read once, not per call: `count()` is O(1) and the check would be most of its cost.
   * @internal
   */
  _scopedQuery: boolean
  /**
   * This repository's last answer to `count()`, until the next write (see Database._countOf).
   * @internal
   */
  _counted: KeptCount | undefined = undefined
  /** The ORM configuration of this repository's Pinia, as its plugins left it. */
  config!: OrmConfig

  /**
   * Made by `useRepo(Model)` or `useRepo(CustomRepository)`, never directly: a custom repository's
   * `use` is a class field, set after this constructor runs, so `useRepo` binds it afterwards.
   *
   * @internal
   */
  constructor(db: Database, model?: M) {
    super()
    this._db = db
    this._scopedQuery = this.query !== Repository.prototype.query
    if (model) {
      this.use = model
      this._schema = db.register(model)
    }
  }

  /**
   * Binds a custom repository to its model, once its class fields (`use`) are set.
   *
   * @internal
   */
  _bind(): this {
    const model = (this.use ?? (this.constructor as typeof Repository).useModel) as unknown
    if (typeof model !== 'function' || typeof (model as ModelClass).fields !== 'function') {
      const name = this.constructor.name || 'The repository'
      throw createOrmError(`${name} has no model: set \`use\` to the model class it serves, e.g. \`class ${name} extends Repository<typeof User> { use = User }\` (\`override use = User\` with noImplicitOverride).${model === undefined ? '' : ` Its \`use\` is ${model === null ? 'null' : typeof model}.`}`)
    }
    ;(this as { use: M }).use = model as M
    this._schema = this._db.register(model as M)
    return this
  }

  /**
   * Runs the pinia-orm plugins of this Pinia for this repository.
   *
   * @internal
   */
  _applyPlugins(): this {
    const config = this._db.config
    this.config = config.plugins.length === 0 ? config : runPlugins(config, this)
    this._scopedQuery = this.query !== Repository.prototype.query
    return this
  }

  /** This repository's class, as pinia-orm's `$self()`. */
  $self(): typeof Repository {
    return this.constructor as typeof Repository
  }

  /** The query result cache of this Pinia, as {@link Repository.cache} (pinia-orm's property). */
  get queryCache(): QueryCache | undefined {
    return this.cache()
  }

  /** A new query on this model's records. */
  query(): Query<M, M> {
    return new Query<M, M>(this._db, this._schema)
  }

  /** All records as a live query (see {@link Query.live}). */
  live(): LiveQuery<Item<M>> {
    return this.query().live()
  }

  /** The Pinia store that keeps this model's records. */
  piniaStore(): EntityStore
  /** pinia-orm's form, typed by the store's whole state (`data` and the `piniaOptions` state). */
  piniaStore<S extends { data: Record<string, any> }>(): Store<string, S> // eslint-disable-line @typescript-eslint/no-explicit-any -- pinia-orm's DataStoreState
  piniaStore(): EntityStore {
    return this._db.store(this._schema.entity)
  }

  /** A new instance of the model with default values, not saved; its relations are left unset. */
  getModel(): InstanceType<M> {
    return _defaultsInstance(this.use) as InstanceType<M>
  }

  /**
   * An instance of the model with default values, for a custom repository's methods
   * (`this.model.$entity()`), as pinia-orm's protected `model`; made at its first read (see the
   * accessor below the class), and writable, as there.
   */
  declare protected model: InstanceType<M>

  /** Every record of the model, without relations. */
  all(): Item<M>[] {
    return this.query().all()
  }

  /** {@inheritDoc Query.find} */
  find(id: KeyOf<M> | string | number): Item<M> | null
  find(ids: readonly KeyOf<M>[]): Item<M>[]
  find(ids: KeyOf<M> | string | number | readonly KeyOf<M>[]): Item<M> | Item<M>[] | null {
    const schema = this._schema
    if ((typeof ids === 'number' || typeof ids === 'string') && !schema.features && schema.primaryKey.length === 1 && !this._db._signals.tracking() && !this._scopedQuery) {
      // One id, a model with no hooks, casts or visibility, outside a computed or render (where the
      // query tracks what it read), and a repository whose query() adds nothing: a direct lookup,
      // no query made.
      checkIds('find', schema, ids)
      const record = recordAt(this._db.data(schema.entity), ids)
      return record === undefined ? null : schema.hydrate(record, this._db) as Item<M>
    }
    return this.query().find(ids as KeyOf<M>)
  }

  /**
   * Inserts or updates records, with nested related records: they are split into their entity
   * stores and the keys linking them are filled in. An existing record keeps the fields the input
   * leaves out. Each store is written once. Returns model instances with the nested relations.
   */
  save(records: readonly RecordInput[]): Item<M>[]
  save(record: RecordInput): Item<M>
  save(records: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] {
    return persistRecords(this._db, this._schema, records, SAVE) as Item<M> | Item<M>[]
  }

  /**
   * Inserts records as given, replacing any record with the same key; relations are ignored.
   */
  insert(records: readonly RecordInput[]): Item<M>[]
  insert(record: RecordInput): Item<M>
  insert(records: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] {
    return persistRecords(this._db, this._schema, records, INSERT) as Item<M> | Item<M>[]
  }

  /**
   * Replaces all records of the model with the given ones; relations are ignored.
   */
  fresh(records: readonly RecordInput[]): Item<M>[]
  fresh(record: RecordInput): Item<M>
  fresh(records: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] {
    return freshRecords(this._db, this._schema, records) as Item<M> | Item<M>[]
  }

  /** A model instance (or several) filled from `attributes` and defaults, not saved. */
  make(attributes: readonly RecordInput[]): Item<M>[]
  make(attributes?: RecordInput): Item<M>
  make(attributes?: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] {
    if (Array.isArray(attributes))
      return attributes.map(values => _madeInstance(this.use, values as Record<string, unknown>)) as Item<M>[]
    return _madeInstance(this.use, (attributes ?? {}) as Record<string, unknown>) as Item<M>
  }

  /**
   * A model instance with every field at its default, saved unless `persist` is `false`. The
   * `creating` and `saving` hooks run on it (and `created`, `saved` once saved); `null` when one of
   * the first two returns `false`. Saving needs a primary key made with `this.uid()`.
   */
  new(persist = true): Item<M> | null {
    return newRecord(this._db, this._schema, persist) as Item<M> | null
  }

  /**
   * Deletes the record with this primary key and returns it (or `null`); given a list of keys,
   * deletes those found and returns them.
   */
  destroy(id: KeyOf<M> | string | number): Item<M> | null
  destroy(ids: readonly KeyOf<M>[]): Item<M>[]
  destroy(ids: KeyOf<M> | string | number | readonly KeyOf<M>[]): Item<M> | Item<M>[] | null {
    // A custom repository's query() may add constraints, and a subclass's query its types (so
    // another type's record under the key stays), which a query's destroy() honours.
    if (this._scopedQuery || this._schema.features?.inheritance?.ownTypes !== undefined)
      return this.query().destroy(ids as KeyOf<M>)
    return destroyIds(this._db, this._schema, ids) as Item<M> | Item<M>[] | null
  }

  /** Deletes every record of the model and returns them. */
  flush(): Item<M>[] {
    const deleted = this.all()
    removeAll(this._db, this._schema)
    return deleted
  }

  /** The repository of another model (or a custom repository) in the same Pinia. */
  repo<R extends Repository>(repository: RepositoryClass<R>): R
  repo<O extends ModelClass>(model: O): Repository<O, O>
  repo<O extends Model>(model: ModelClass<O>): Repository<O>
  repo(target: ModelClass | RepositoryClass): Repository {
    const isRepository = target === Repository || target.prototype instanceof Repository
    const repository = isRepository ? new (target as RepositoryClass)(this._db)._bind() : new Repository(this._db, target as ModelClass)
    return repository._applyPlugins()
  }

  /**
   * The query result cache of this Pinia (see {@link Query.useCache}): `size`, `clear()`;
   * `undefined` when `createORM({ cache: false })` turned caching off, as in pinia-orm.
   */
  cache(): QueryCache | undefined {
    return this._db.config.cache ? this._db._queryCache : undefined
  }

  /** {@inheritDoc Query.count} */
  count(): number {
    return countOf(this)
  }

  /** {@inheritDoc Query.exists} */
  exists(): boolean {
    return countOf(this) > 0
  }

  /** {@inheritDoc Query.load} */
  load(items: readonly Model[]): void {
    this.query().load(items)
  }

  /**
   * Model instances rebuilt from a nested structure of keys (`{ id: 1, posts: [{ id: 2 }] }`):
   * each record as it is in the store, with the relations the structure names loaded.
   */
  revive(input: readonly RecordInput[]): Item<M>[]
  revive(input: RecordInput): Item<M> | null
  revive(input: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] | null {
    return revive(this._db, this._schema, input) as Item<M> | Item<M>[] | null
  }

  /** {@inheritDoc Query.newQuery} */
  newQuery<O extends ModelClass | ModelInstance = ModelClass>(entity: string): Query<O> {
    return this.query().newQuery<O>(entity)
  }

  /** {@inheritDoc Query.newQueryWithConstraints} */
  newQueryWithConstraints<O extends ModelClass | ModelInstance = ModelClass>(entity: string): Query<O> {
    return this.query().newQueryWithConstraints<O>(entity)
  }

  /**
   * The first record whose fields equal `attributes`, updated with `values`; or, when there is
   * none, a new record saved from both.
   */
  updateOrCreate(attributes: RecordInput, values: RecordInput = {}): Item<M> {
    const found = this.whereAll(attributes).first()
    return found
      ? this.save({ ...(found as unknown as Model).$getAttributes(), ...values })
      : this.save({ ...attributes, ...values })
  }

  /**
   * The first record whose fields equal `attributes`; or, when there is none, a new record saved
   * from `attributes` and `values`.
   */
  firstOrCreate(attributes: RecordInput, values: RecordInput = {}): Item<M> {
    return this.whereAll(attributes).first() ?? this.save({ ...attributes, ...values })
  }

  private whereAll(attributes: RecordInput): Query<M, M> {
    if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes))
      throw createOrmError(`${this._schema.name}: updateOrCreate() and firstOrCreate() take an object of attributes to look for, e.g. { email: 'john@example.com' }.`)
    const query = this.query()
    for (const [field, value] of Object.entries(attributes))
      query.where(field, (actual: unknown) => actual === value)
    return query
  }
}

// `Repository.model`: made when first read, then an own property of the repository; assigning it
// (a custom repository's `model = ...` field, or `this.model = ...`) makes it one at once.
Object.defineProperty(Repository.prototype, 'model', {
  configurable: true,
  get(this: Repository) {
    const model = this.getModel()
    Object.defineProperty(this, 'model', { value: model, writable: true, configurable: true })
    return model
  },
  set(this: Repository, value: unknown) {
    Object.defineProperty(this, 'model', { value, writable: true, configurable: true, enumerable: true })
  },
})

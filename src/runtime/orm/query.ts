import { checkCount, checkIds, checkOrderBy, checkWhereField, checkWhereValues, checkWithArguments } from './arguments'
import type { Database } from './database'
import { addEager, loadEager, loadEagerOne, sharedLoad } from './eagerLoad'
import type { EagerList } from './eagerLoad'
import { createOrmError } from './errors'
import { keyOf, keysOfIds } from './keys'
import type { StoredRecord } from './keys'
import { warnAboutUpdate } from './inputWarnings'
import type { Model } from './Model'
import { recordAt } from './ownRecords'
import { addRelationWhere } from './relationQueries'
import type { HasOperator, RelationCondition } from './relationQueries'
import type { Schema } from './relations/Relation'
import { didYouMean } from './suggest'
import type { Item, KeyOf, ModelClass } from './types'
import { _deleteRecords, _retrieved, _saveBatches } from './hooks'
import { _showFields } from './queryVisibility'
import type { VisibilityOverride } from './visibility'
import { aggregate } from './query/aggregates'
import { groupItems } from './query/groupBy'
import { compareOrdered, orderPairs, stringCompare } from './query/orderBy'
import type { OrderByList, OrderByOptions, StringCompare } from './query/orderBy'
import { pageWindow, paginated } from './query/paginate'
import type { Paginated } from './query/paginate'
import { describeQuery } from './query/queryCache'
import { likeMatcher } from './query/whereLike'
import { _readFinely } from './reactivity/fineRead'
import type { QueryShape } from './reactivity/fineRead'
import { _createLiveQuery } from './live/liveQuery'
import type { LiveQuery } from './live/liveQuery'

const NO_WHERES: readonly never[] = Object.freeze([])
const NO_EAGER: EagerList<any> = Object.freeze([]) // eslint-disable-line @typescript-eslint/no-explicit-any -- empty: fits every query
const NO_ORDERS: readonly never[] = Object.freeze([])

/** A query grouped with `groupBy()`: its `get()` returns the groups by key. */
export type GroupedQuery<M extends ModelClass> = Omit<Query<M>, 'get'> & {
  /** The matching model instances in groups, keyed as pinia-orm keys them. */
  get: <_T extends 'group' | 'collection' = 'group'>() => Record<string, Item<M>[]>
}

/** A test of one field's value. */
export type ValuePredicate = (value: never) => boolean

/** A relation constraint: receives the query of the related model to narrow or extend it. */
export type RelationConstraint = (query: Query) => void

interface Where {
  field: string | ((item: Model) => boolean)
  value: unknown
  or: boolean
  /** The function reads the stored record's attributes only: no model instance needed. */
  raw?: boolean
  /** For a relation query (`has`, `whereHas`, ...), what it asks of which relation. */
  relation?: RelationCondition
}

interface Order {
  by: string | ((item: Model) => unknown)
  desc: boolean
  strings?: StringCompare
}

/**
 * A query on one model's records: constraints (`where`, `whereId`, ...), ordering, paging and the
 * relations to load, then a read (`get`, `first`, `find`) or a write (`update`, `delete`).
 * Made by `useRepo(Model).query()` or any of the repository's query methods.
 */
export class Query<M extends ModelClass = ModelClass> {
  /** @internal */
  readonly _db: Database
  /** @internal */
  readonly _schema: Schema
  // Shared empty lists until the first where/orderBy: a find by id allocates no list for them.
  private wheres: readonly Where[] = NO_WHERES
  private orders: readonly Order[] = NO_ORDERS
  /** @internal */
  _eager: EagerList<Query> = NO_EAGER
  private ids: string[] | undefined
  private take: number | undefined
  private skip = 0
  private groups: string[] | undefined
  private cacheKey: string | undefined

  /** @internal */
  _visibility: VisibilityOverride | undefined
  /** @internal */
  _reading = false

  /** @internal */
  constructor(db: Database, schema: Schema) {
    this._db = db
    this._schema = schema
    // A subclass under single-table inheritance reads only the records of its types.
    const inheritance = schema.features?.inheritance
    if (inheritance?.ownTypes)
      this.where(inheritance.typeKey, inheritance.ownTypes)
  }

  /**
   * Keeps records whose `field` equals `value`, is one of `value` (an array), or passes `value` (a
   * function of the field's value). Given a function alone, keeps the model instances it accepts.
   */
  where(field: string | ((item: Item<M>) => boolean), value?: unknown): this {
    checkWhereField('where', this._schema, field)
    return this.addWhere(field as Where['field'], value, false)
  }

  /** Like {@link Query.where}, but records passing either this or the `where` group are kept. */
  orWhere(field: string | ((item: Item<M>) => boolean), value?: unknown): this {
    checkWhereField('orWhere', this._schema, field)
    return this.addWhere(field as Where['field'], value, true)
  }

  /** Keeps records whose `field` is one of `values`. */
  whereIn(field: string, values: Iterable<unknown>): this {
    checkWhereValues('whereIn', this._schema, values)
    const set = new Set(values)
    return this.where(field, (value: unknown) => set.has(value))
  }

  /** Keeps records whose `field` is none of `values`. */
  whereNotIn(field: string, values: Iterable<unknown>): this {
    checkWhereValues('whereNotIn', this._schema, values)
    const set = new Set(values)
    return this.where(field, (value: unknown) => !set.has(value))
  }

  /** Keeps records whose `field` is `null` or missing. */
  whereNull(field: string): this {
    return this.where(field, (value: unknown) => value === null || value === undefined)
  }

  /** Keeps records whose `field` has a value. */
  whereNotNull(field: string): this {
    return this.where(field, (value: unknown) => value !== null && value !== undefined)
  }

  /**
   * Keeps the records with these primary keys (an array of values for a composite key), looked up
   * directly rather than by scanning the store.
   */
  whereId(ids: KeyOf<M> | readonly KeyOf<M>[]): this {
    checkIds('whereId', this._schema, ids)
    this.ids = keysOfIds(ids, this._schema.primaryKey).keys
    return this
  }

  /**
   * Sorts by a field, by several (`['name', ['age', 'desc']]`), or by what a function returns for
   * each model instance. `options.collator` compares strings with an `Intl.Collator`.
   */
  orderBy(by: string | OrderByList | ((item: Item<M>) => unknown), direction: 'asc' | 'desc' = 'asc', options?: OrderByOptions): this {
    const strings = stringCompare(options)
    if (Array.isArray(by)) {
      for (const [field, fieldDirection] of orderPairs(by as OrderByList, direction)) {
        checkOrderBy(this._schema, field, fieldDirection)
        this.orders = [...this.orders, { by: field, desc: fieldDirection === 'desc', strings }]
      }
      return this
    }
    checkOrderBy(this._schema, by, direction)
    this.orders = [...this.orders, { by: by as Order['by'], desc: direction === 'desc', strings }]
    return this
  }

  /** Keeps at most `count` records. */
  limit(count: number): this {
    checkCount('limit', this._schema, count)
    this.take = count
    return this
  }

  /** Skips the first `count` records. */
  offset(count: number): this {
    checkCount('offset', this._schema, count)
    this.skip = count
    return this
  }

  /**
   * Loads a relation into the results. A dotted name (`'phone.user'`) loads nested relations; the
   * constraint applies to the query of the last one.
   */
  with(name: string, constraint?: RelationConstraint): this {
    checkWithArguments(this._schema, name, constraint)
    this._eager = this._eager === NO_EAGER && constraint === undefined
      ? sharedLoad(this._db, this._schema, name)
      : addEager(this._db, this._schema, this._eager, name, constraint)
    return this
  }

  /** Loads every relation of the model (one level), each with the constraint if given. */
  withAll(constraint?: RelationConstraint): this {
    for (const field of this._schema.relations.keys())
      this.with(field, constraint)
    return this
  }

  /** Loads every relation, and theirs, down to `depth` levels. */
  withAllRecursive(depth = 3): this {
    this.withAll(depth > 1 ? query => query.withAllRecursive(depth - 1) : undefined)
    return this
  }

  /**
   * The model instances matching the query, with the requested relations loaded; after
   * `groupBy()`, the groups by key (`get<'group'>()` types it so).
   */
  get<T extends 'group' | 'collection' = 'collection'>(): T extends 'group' ? Record<string, Item<M>[]> : Item<M>[] {
    type Result = T extends 'group' ? Record<string, Item<M>[]> : Item<M>[]
    if (this.cacheKey !== undefined)
      return this.cachedGet() as Result
    if (!this._reading && this._db._signals.tracking())
      return _readFinely(this, () => this.get() as Item<M>[]) as Result
    const items = this.select(this.candidates(), this.ids !== undefined && !this.hasOr())
    this.load(items)
    if (this._schema.features || this._visibility)
      this.retrieve(items)
    return (this.groups ? groupItems(items, this.groups) : items) as Result
  }

  /** The first model instance matching the query, or `null`. */
  first(): Item<M> | null {
    const take = this.take
    this.take = Math.min(take ?? 1, 1)
    try {
      return this.get()[0] ?? null
    }
    finally {
      this.take = take
    }
  }

  /**
   * The record with this primary key, or `null`; given a list of keys, the records found. For a
   * composite key, one key is an array of values and a list of keys is an array of such arrays.
   */
  find(id: KeyOf<M>): Item<M> | null
  find(ids: readonly KeyOf<M>[]): Item<M>[]
  find(ids: KeyOf<M> | readonly KeyOf<M>[]): Item<M> | Item<M>[] | null {
    if (!this._reading && this._db._signals.tracking())
      return _readFinely(this, () => this.find(ids as KeyOf<M>))
    checkIds('find', this._schema, ids)
    const schema = this._schema
    let key: string | number | undefined
    if ((typeof ids === 'number' || typeof ids === 'string') && schema.primaryKey.length === 1 && this.wheres.length === 0) {
      // The common case: one id of a single-field key, looked up directly (no list of keys, and a
      // number as it is: it names the same record as its string).
      key = ids
      if (this._reading)
        // A fine-grained read depends on the ids the query looked up.
        this.ids = [String(ids)]
    }
    else {
      const { keys, many } = keysOfIds(ids, schema.primaryKey)
      this.ids = keys
      if (many)
        return this.get()
      // One key: a direct lookup, whatever the paging.
      if (this.wheres.length > 0)
        return this.first()
      key = keys[0]
    }
    const record = key === undefined ? undefined : recordAt(this._db.data(schema.entity), key)
    if (record === undefined)
      return null
    const item = schema.hydrate(record, this._db)
    if (!schema.features && !this._visibility) {
      if (this._eager.length > 0)
        loadEagerOne(this._db, schema, item, this._eager, newQuery)
    }
    else {
      const items = [item]
      this.load(items)
      this.retrieve(items)
    }
    return item as Item<M>
  }

  /**
   * Loads the relations requested with `with()` into model instances already retrieved.
   */
  load(items: readonly Model[]): void {
    if (this._eager.length > 0)
      loadEager(this._db, this._schema, items, this._eager, newQuery)
  }

  /**
   * Keeps records that have related records under `relation` (dotted for nested relations): at
   * least one, or as many as `operator` and `count` say (`has('posts', 2)`, `has('posts', '>', 2)`).
   */
  has(relation: string, operator?: HasOperator | number, count?: number): this {
    addRelationWhere<Query>(this, relation, undefined, operator, count, false, false)
    return this
  }

  /** Like {@link Query.has}, with "or". */
  orHas(relation: string, operator?: HasOperator | number, count?: number): this {
    addRelationWhere<Query>(this, relation, undefined, operator, count, true, false)
    return this
  }

  /** Keeps records that have no related records under `relation`. */
  doesntHave(relation: string): this {
    addRelationWhere<Query>(this, relation, undefined, undefined, undefined, false, true)
    return this
  }

  /** Like {@link Query.doesntHave}, with "or". */
  orDoesntHave(relation: string): this {
    addRelationWhere<Query>(this, relation, undefined, undefined, undefined, true, true)
    return this
  }

  /** Keeps records that have related records under `relation` that pass `constraint`. */
  whereHas(relation: string, constraint?: RelationConstraint, operator?: HasOperator | number, count?: number): this {
    addRelationWhere<Query>(this, relation, constraint, operator, count, false, false)
    return this
  }

  /** Like {@link Query.whereHas}, with "or". */
  orWhereHas(relation: string, constraint?: RelationConstraint, operator?: HasOperator | number, count?: number): this {
    addRelationWhere<Query>(this, relation, constraint, operator, count, true, false)
    return this
  }

  /** Keeps records that have no related records under `relation` that pass `constraint`. */
  whereDoesntHave(relation: string, constraint?: RelationConstraint): this {
    addRelationWhere<Query>(this, relation, constraint, undefined, undefined, false, true)
    return this
  }

  /** Like {@link Query.whereDoesntHave}, with "or". */
  orWhereDoesntHave(relation: string, constraint?: RelationConstraint): this {
    addRelationWhere<Query>(this, relation, constraint, undefined, undefined, true, true)
    return this
  }

  /**
   * Keeps records whose stored attributes pass `test` (no model instance is made for it).
   *
   * @internal
   */
  _whereRecord(test: (record: StoredRecord) => boolean, or: boolean, relation?: RelationCondition): this {
    this.wheres = [...this.wheres, { field: test as unknown as Where['field'], value: undefined, or, raw: true, relation }]
    return this
  }

  /** @internal */
  _selectFrom(records: StoredRecord[]): Model[] {
    return this.select(records, false)
  }

  /**
   * The stored records among `records` that the query's constraints accept, with no instance made
   * for them unless a `where` function needs one: what `whereHas()` asks of its constraint. A
   * constraint that orders or pages gives `undefined` (its records are then selected as a query).
   *
   * @internal
   */
  _acceptedRecords(records: StoredRecord[]): StoredRecord[] | undefined {
    if (this.orders.length > 0 || this.take !== undefined || this.skip > 0 || this._eager.length > 0)
      return undefined
    const idSet = this.ids !== undefined ? new Set(this.ids) : undefined
    if (this.wheres.length === 0 && idSet === undefined)
      return records
    const instances = this.testsInstances()
    const accepted: StoredRecord[] = []
    for (const record of records) {
      if (this.accepts(record, idSet, instances))
        accepted.push(record)
    }
    return accepted
  }

  /**
   * A test of one stored record against the query's constraints, with no instance made for it
   * unless a `where` function needs one: what `whereHas()` asks of its constraint, record by record
   * (see query/relatedCounts.ts). `undefined` when the query orders, pages or loads relations.
   *
   * @internal
   */
  _recordTest(): ((record: StoredRecord) => boolean) | undefined {
    if (this.orders.length > 0 || this.take !== undefined || this.skip > 0 || this._eager.length > 0)
      return undefined
    const idSet = this.ids !== undefined ? new Set(this.ids) : undefined
    const instances = this.testsInstances()
    return record => this.accepts(record, idSet, instances)
  }

  /** Whether a `where` takes model instances (a function given alone): records are then tested as instances. */
  private testsInstances(): boolean {
    return this.wheres.some(where => typeof where.field === 'function' && !where.raw)
  }

  /** Whether a stored record passes the `where`s and `idSet`, made an instance first when a `where` takes one. */
  private accepts(record: StoredRecord, idSet: Set<string> | undefined, instances: boolean): boolean {
    return this.matches(instances ? this._schema.hydrate(record, this._db) as unknown as StoredRecord : record, idSet)
  }

  /**
   * Sets `values` on every record matching the query, in one store write, and returns the updated
   * model instances. Relations in `values` are not saved; use `save()` for nested data.
   */
  update(values: Record<string, unknown>): Item<M>[] {
    const schema = this._schema
    if (values === null || typeof values !== 'object' || Array.isArray(values))
      throw createOrmError(`update() on ${schema.name} takes an object of attributes, e.g. { name: 'New name' }.`)
    for (const field of Object.keys(values)) {
      if (!schema.attributes.has(field))
        throw createOrmError(`update() on ${schema.name}: '${field}' is not an attribute of ${schema.name}. Its attributes are: ${schema.attributeNames.join(', ')}.`)
      if (schema.primaryKey.includes(field))
        throw createOrmError(`update() on ${schema.name} cannot change the primary key '${field}'. Save a record with the new key and destroy the old one instead.`)
    }
    const changes = new Map<string, StoredRecord>()
    const data = this._db.data(schema.entity)
    const given = schema.features?.write ? schema.features.write(values) : values
    warnAboutUpdate(this._db.pinia, schema, given)
    for (const item of this.matchingRecords()) {
      const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
      changes.set(key, { ...recordAt(data, key), ...given })
    }
    _saveBatches(this._db, new Map([[schema, changes]]))
    return [...changes.values()].map(record => schema.hydrate(record, this._db)) as Item<M>[]
  }

  /** Deletes every record matching the query, in one store write, and returns them. */
  delete(): Item<M>[] {
    const schema = this._schema
    const deletions = new Map<string, undefined>()
    const found: Model[] = []
    for (const item of this.matchingRecords()) {
      const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
      if (!deletions.has(key)) {
        deletions.set(key, undefined)
        found.push(item)
      }
    }
    return _deleteRecords(this._db, schema, deletions, found) as Item<M>[]
  }

  private matchingRecords(): Model[] {
    return this.select(this.candidates(), this.ids !== undefined && !this.hasOr())
  }

  private addWhere(field: Where['field'], value: unknown, or: boolean): this {
    if (typeof field === 'string' && !this._schema.attributes.has(field))
      throw createOrmError(`where() on ${this._schema.name}: '${field}' is not an attribute of ${this._schema.name}.${process.env.NODE_ENV !== 'production' ? didYouMean(field, this._schema.attributeNames) : ''} Its attributes are: ${this._schema.attributeNames.join(', ')}. To filter by a relation, load it with with() and filter with a function.`)
    this.wheres = [...this.wheres, { field, value, or }]
    return this
  }

  private hasOr(): boolean {
    return this.wheres.some(where => where.or)
  }

  /** The stored records to consider: those named by `whereId` when that decides alone, else all. */
  private candidates(): StoredRecord[] {
    const data = this._db.data(this._schema.entity)
    if (this.ids === undefined || this.hasOr())
      return Object.values(data)
    const records: StoredRecord[] = []
    for (const id of this.ids) {
      const record = recordAt(data, id)
      if (record !== undefined)
        records.push(record)
    }
    return records
  }

  /** Filters, sorts and pages `records`, and makes model instances of what is left. */
  private select(records: StoredRecord[], idsApplied: boolean): Model[] {
    const schema = this._schema
    const idSet = this.ids !== undefined && !idsApplied ? new Set(this.ids) : undefined
    const needsInstances = this.testsInstances() || this.orders.some(order => typeof order.by === 'function')
    const db = this._db
    if (!needsInstances && (this.wheres.length > 0 || idSet !== undefined) && this.orders.length === 0 && this.skip === 0 && this.take === undefined) {
      // Filtered only: one pass, an instance made for each record that passes.
      const found: Model[] = []
      for (let i = 0; i < records.length; i++) {
        if (this.matches(records[i]!, idSet))
          found.push(schema.hydrate(records[i]!, db))
      }
      return found
    }
    let items: StoredRecord[] = needsInstances ? records.map(record => schema.hydrate(record, db) as unknown as StoredRecord) : records
    if (this.wheres.length > 0 || idSet)
      items = items.filter(item => this.matches(item, idSet))
    if (this.orders.length > 0)
      items.sort((a, b) => this.compare(a, b))
    if (this.skip > 0 || this.take !== undefined)
      items = items.slice(this.skip, this.take === undefined ? undefined : this.skip + this.take)
    return needsInstances ? items as unknown as Model[] : items.map(record => schema.hydrate(record, db))
  }

  /** The `where` group all passes, or any `orWhere` passes (pinia-orm's grouping). */
  private matches(item: StoredRecord, idSet: ReadonlySet<string> | undefined): boolean {
    return matchesWheres(this.wheres, item, idSet === undefined ? undefined : idSet.has(keyOf(item, this._schema.primaryKey) ?? ''))
  }

  /**
   * A test of a stored record against the query's `where`s as they are now (a later `where()` does
   * not change it): which records a read depends on, when it read too many to track one by one.
   *
   * @internal
   */
  _filter(): (record: StoredRecord) => boolean {
    const wheres = this.wheres
    return record => matchesWheres(wheres, record, undefined)
  }

  private compare(a: StoredRecord, b: StoredRecord): number {
    for (const order of this.orders) {
      const x = typeof order.by === 'function' ? order.by(a as unknown as Model) : a[order.by]
      const y = typeof order.by === 'function' ? order.by(b as unknown as Model) : b[order.by]
      const result = compareOrdered(x, y, order.strings)
      if (result !== 0)
        return order.desc ? -result : result
    }
    return 0
  }

  /**
   * What reads kept up to date (fine-grained dependencies, live queries) need to know of the query.
   *
   * @internal
   */
  _shape(): QueryShape {
    return { wheres: this.wheres, orders: this.orders, ids: this.ids, take: this.take, skip: this.skip, grouped: this.groups !== undefined }
  }

  /** @internal */
  _passes(record: StoredRecord, instance: boolean, ids?: ReadonlySet<string>): boolean {
    return (this.wheres.length === 0 && ids === undefined) || this.matches(instance ? this._schema.hydrate(record, this._db) as unknown as StoredRecord : record, ids)
  }

  /** @internal */
  _compare(a: StoredRecord, b: StoredRecord): number {
    return this.compare(a, b)
  }

  /** @internal */
  _afterRead(items: Model[]): void {
    if (this._schema.features || this._visibility)
      this.retrieve(items)
  }

  /** @internal */
  _newQuery(schema: Schema): Query {
    return newQuery(this._db, schema)
  }

  /** @internal */
  _load(items: Model[], eager: EagerList<Query>): void {
    loadEager(this._db, this._schema, items, eager, newQuery)
  }

  /**
   * The query's result as a live query: a read-only ref kept up to date by applying each write's
   * changes (records added, removed, changed) instead of re-running the query. Items whose records
   * did not change keep their identity. Made in a component (an effect scope), it stops with it;
   * call `stop()` otherwise. In a server render it is computed once. See docs/live-queries.md.
   */
  live(): LiveQuery<Item<M>> {
    return _createLiveQuery(this, () => this.get() as Model[]) as unknown as LiveQuery<Item<M>>
  }

  /**
   * Plain when it only loads: no constraint changes which related records come back.
   *
   * @internal
   */
  _isPlain(): boolean {
    return this.wheres.length === 0 && this.orders.length === 0 && this.ids === undefined && this.take === undefined && this.skip === 0
  }

  /** Leaves these attributes out of the results (and their `$toJson()`). */
  makeHidden(fields: readonly string[]): this {
    const override = this._visibility ??= {}
    for (const field of fields) {
      ;(override.hidden ??= new Set()).add(field)
      override.visible?.delete(field)
    }
    return this
  }

  /** Shows these attributes in the results even when the model hides them. */
  makeVisible(fields: readonly string[]): this {
    const override = this._visibility ??= {}
    for (const field of fields) {
      ;(override.visible ??= new Set()).add(field)
      override.hidden?.delete(field)
    }
    return this
  }

  /** Shows `_meta` (`{ createdAt, updatedAt }`) of a model with `static config = { withMeta: true }`. */
  withMeta(): this {
    return this.makeVisible(['_meta'])
  }

  /** Applies makeHidden()/makeVisible() and runs `retrieved` on what a read returns. */
  private retrieve(items: Model[]): void {
    if (this._visibility)
      _showFields(this._db, this._schema, items, this._visibility)
    _retrieved(this._schema, items)
  }

  /** Like {@link Query.whereIn}, but records passing either this or the `where` group are kept. */
  orWhereIn(field: string, values: Iterable<unknown>): this {
    const set = new Set(values)
    return this.orWhere(field, (value: unknown) => set.has(value))
  }

  /** Like {@link Query.whereNotIn}, but records passing either this or the `where` group are kept. */
  orWhereNotIn(field: string, values: Iterable<unknown>): this {
    const set = new Set(values)
    return this.orWhere(field, (value: unknown) => !set.has(value))
  }

  /**
   * Keeps records whose `field` matches an SQL `LIKE` pattern: `%` for any run of characters, `_`
   * for one. Case-insensitive unless `caseSensitive` is `true`.
   */
  whereLike(field: string, pattern: string | number, caseSensitive = false): this {
    return this.where(field, likeMatcher(pattern, caseSensitive))
  }

  /** Like {@link Query.whereLike}, but records passing either this or the `where` group are kept. */
  orWhereLike(field: string, pattern: string | number, caseSensitive = false): this {
    return this.orWhere(field, likeMatcher(pattern, caseSensitive))
  }

  /**
   * Groups the results of `get()` by the values of these attributes: an object whose keys are the
   * value (one field) or `[a,b]` (several fields), each holding the matching instances in order.
   */
  groupBy(...fields: (string | readonly string[])[]): GroupedQuery<M> {
    const list = fields.flat()
    for (const field of list) {
      if (!this._schema.attributes.has(field))
        throw createOrmError(`groupBy() on ${this._schema.name}: '${field}' is not an attribute of ${this._schema.name}. Its attributes are: ${this._schema.attributeNames.join(', ')}.`)
    }
    this.groups = [...(this.groups ?? []), ...list]
    return this as unknown as GroupedQuery<M>
  }

  /** The number of records matching the query. Without constraints it is O(1). */
  count(): number {
    const total = this.countMatching()
    const rest = Math.max(0, total - this.skip)
    return this.take === undefined ? rest : Math.min(rest, this.take)
  }

  /** Whether any record matches the query. Without constraints it is O(1). */
  exists(): boolean {
    // Not a `for...in` with an early return: V8 lists every key of a large object before the first.
    return this.count() > 0
  }

  /** The last model instance matching the query (in its order), or `null`. */
  last(): Item<M> | null {
    const items = this.get() as Item<M>[]
    return items[items.length - 1] ?? null
  }

  /** The sum of a number attribute over the matching records; `null` values count as nothing. */
  sum(field: string): number {
    return this.aggregate('sum', field)!
  }

  /** The smallest value of a number attribute over the matching records, or `null` when none. */
  min(field: string): number | null {
    return this.aggregate('min', field)
  }

  /** The largest value of a number attribute over the matching records, or `null` when none. */
  max(field: string): number | null {
    return this.aggregate('max', field)
  }

  /**
   * One page of the results, pages counting from 1: `{ data, total, page, perPage, lastPage }`.
   * A page past the end has no data; `total` counts every matching record.
   */
  paginate(page: number, perPage: number): Paginated<Item<M>> {
    const { skip, take } = pageWindow(this._schema.name, page, perPage)
    const total = this.countMatching()
    const [oldSkip, oldTake] = [this.skip, this.take]
    this.skip = skip
    this.take = take
    try {
      const data = skip >= total ? [] : this.get() as Item<M>[]
      return paginated(data, total, page, perPage)
    }
    finally {
      this.skip = oldSkip
      this.take = oldTake
    }
  }

  /**
   * Caches what `get()` returns, in this Pinia only, until a write to an entity the query read.
   * Give a `key` (and the `params` the query depends on) to share a result between equal queries
   * built apart; without one, the query's own description is the key.
   */
  useCache(key?: string, params?: Record<string, unknown>): this {
    this.cacheKey = key === undefined ? '' : `key:${key}:${params === undefined ? '' : JSON.stringify(params)}`
    return this
  }

  private cachedGet(): unknown {
    const db = this._db
    const key = this.cacheKey!
    this.cacheKey = undefined
    try {
      if (!db.config.cache)
        return this.get()
      const full = key !== '' ? `${this._schema.entity}|${key}` : `${this._schema.entity}|auto:${this.describe()}`
      return db._queryCache._run(full, () => this.get())
    }
    finally {
      this.cacheKey = key
    }
  }

  private describe(): string {
    const db = this._db
    const eager = (list: EagerList<Query>): unknown => list.map(load => [load.name, load.constraints, eager(load.nested)])
    return describeQuery(
      [this.wheres, this.orders.map(order => [order.by, order.desc, order.strings]), this.ids, this.take, this.skip, this.groups, eager(this._eager)],
      fn => db._queryCache._idOf(fn),
    )
  }

  /** The number of records passing the `where`s and `whereId`, whatever the order and paging. */
  private countMatching(): number {
    const schema = this._schema
    if (this.wheres.length === 0 && this.ids === undefined)
      return this._db.count(schema.entity)
    const idsApplied = this.ids !== undefined && !this.hasOr()
    const idSet = this.ids !== undefined && !idsApplied ? new Set(this.ids) : undefined
    if (this.wheres.length === 0 && idSet === undefined)
      return this.candidates().length
    // A relation condition (`has`) tests the stored record: only a `where` function given alone
    // needs an instance.
    const instances = this.testsInstances()
    let count = 0
    for (const record of this.candidates()) {
      if (this.accepts(record, idSet, instances))
        count++
    }
    return count
  }

  private aggregate(kind: 'sum' | 'min' | 'max', field: string): number | null {
    if (!this._schema.attributes.has(field))
      throw createOrmError(`${kind}() on ${this._schema.name}: '${field}' is not an attribute of ${this._schema.name}. Its attributes are: ${this._schema.attributeNames.join(', ')}.`)
    return aggregate(this.matchingRecords() as unknown as StoredRecord[], kind, this._schema.name, field)
  }
}

/** A query of a related model, for eager loading (one function, not a closure per load). */
function newQuery(db: Database, schema: Schema): Query {
  return new Query(db, schema)
}

/** Whether `item` passes `wheres` (and, when given, `inIds`: whether its key is among the query's ids). */
function matchesWheres(wheres: readonly Where[], item: StoredRecord, inIds: boolean | undefined): boolean {
  let and = inIds ?? true
  let hasAnd = inIds !== undefined
  let or = false
  for (const where of wheres) {
    if (where.or) {
      or ||= test(where, item)
    }
    else {
      hasAnd = true
      and &&= test(where, item)
    }
  }
  return (hasAnd && and) || or
}

function test(where: Where, item: StoredRecord): boolean {
  const { field, value } = where
  if (typeof field === 'function')
    return field(item as unknown as Model)
  const actual = item[field]
  if (typeof value === 'function')
    return (value as (value: unknown) => boolean)(actual)
  if (Array.isArray(value))
    return value.includes(actual)
  if (value instanceof Set)
    return value.has(actual)
  return actual === value
}

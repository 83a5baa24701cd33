import { checkCount, checkIds, checkWhereField, checkWhereValues, checkWithArguments } from './arguments'
import type { Database } from './database'
import { addEager, loadEager, sharedLoad } from './eagerLoad'
import type { EagerList } from './eagerLoad'
import { distinctKeys, keyOf, keysOfIds } from './keys'
import type { StoredRecord } from './keys'
import { recordAt } from './ownRecords'
import { createOrmError } from './errors'
import type { Model } from './Model'
import { _relationNamesWithSubclasses } from './inheritedRelations'
import { addRelationWhere } from './relationQueries'
import type { HasOperator } from './relationQueries'
import type { ModelInstance, Schema } from './relations/Relation'
import type { Element, Item, KeyOf, ModelClass, ModelClassOf, RelatedModelOf, WhereValue } from './types'
import { countMatching } from './query/accept'
import { aggregateMatching } from './query/aggregates'
import { cachedGet } from './query/cachedRead'
import { findKeys } from './query/find'
import { addGroups, groupItems, refuseGrouped } from './query/groupBy'
import type { FieldReader } from './query/groupBy'
import { addOrders, compareRecords, sortsByRelations } from './query/orderBy'
import { _unmarkFilledEmpty } from './filledRelations'
import type { Order, OrderByList, OrderByOptions } from './query/orderBy'
import { paginateQuery } from './query/paginate'
import type { Paginated } from './query/paginate'
import { NO_EAGER } from './query/queryState'
import { QueryRecords } from './query/records'
import { makeHidden, makeVisible, retrieve } from './query/retrieve'
import { candidates, select } from './query/select'
import { addWhere, hasOr } from './query/where'
import type { Where } from './query/where'
import { deleteMatching, updateMatching } from './query/write'
import { likeMatcher } from './query/whereLike'
import { _readFinely } from './reactivity/fineRead'
import { _createLiveQuery } from './live/liveQuery'
import type { LiveQuery } from './live/liveQuery'
import { copyConstraints, schemaOfEntity } from './query/entityQuery'
import { _describedAs, _userCacheKey } from './query/queryCache'

/** A query grouped with `groupBy()`: its `get()` returns the groups by key. */
export type GroupedQuery<M extends ModelClass> = Omit<Query<M, M>, 'get' | `_${string}`> & {
  /** The matching model instances in groups, keyed as pinia-orm keys them. */
  get: <_T extends 'group' | 'collection' = 'group'>() => Record<string, Item<M>[]>
}

/** A test of one field's value. */
export type ValuePredicate = (value: never) => boolean

/** A relation constraint: receives the query of the related model to narrow or extend it. */
export type RelationConstraint<R extends ModelClass | ModelInstance = ModelClass> = (query: Query<R>) => void

/**
 * A query on one model's records: constraints (`where`, `whereId`, ...), ordering, paging and the
 * relations to load, then a read (`get`, `first`, `find`) or a write (`update`, `delete`).
 * Made by `useRepo(Model).query()` or any of the repository's query methods.
 */
export class Query<T extends ModelClass | ModelInstance = ModelClass, M extends ModelClass = ModelClassOf<T>> extends QueryRecords<M, Query> {
  /**
   * Set on the queries a constraint written for several models runs on (a morphTo's, one query per
   * model, or withAll()'s): a field one of them lacks then matches nothing there, as in pinia-orm,
   * instead of throwing. @internal
   */
  declare _sharedConstraint?: boolean

  /**
   * A query of no database, kept for as long as the class, for the reason `FkIndex._kept` gives: a
   * query lives for one read, and a GC that finds none alive would drop the code optimized for
   * queries.
   *
   * @internal
   */
  static readonly _kept: Query = new Query(undefined as unknown as Database, {} as Schema)

  /** @internal */
  constructor(db: Database, schema: Schema) {
    super(db, schema)
    // A subclass under single-table inheritance reads only the records of its types, whatever
    // `orWhere()` or `orHas()` adds (pinia-orm 1.10.2's `orWhere` lets other types through).
    const inheritance = schema.features?.inheritance
    if (inheritance?.ownTypes)
      this._wheres = addWhere(schema, this._wheres, inheritance.typeKey, inheritance.ownTypes, false).map(where => ({ ...where, always: true }))
  }

  /**
   * Keeps records whose `field` equals `value`, is one of `value` (an array), or passes `value` (a
   * function of the field's value). Given a function alone, keeps the model instances it accepts.
   * Given the list of the primary key's fields, `value` is one id or a list of ids, as for
   * {@link Query.whereId}.
   */
  where<F extends string>(field: F | readonly string[] | ((item: Item<M>) => boolean), value?: WhereValue<Item<M>, F>): this {
    checkWhereField('where', this._schema, field)
    if (typeof field === 'object')
      return this.whereId(value as KeyOf<M>)
    this._wheres = addWhere(this._schema, this._wheres, field as Where['field'], value, false, this._sharedConstraint)
    return this
  }

  /** Like {@link Query.where}, but records passing either this or the `where` group are kept. */
  orWhere<F extends string>(field: F | readonly string[] | ((item: Item<M>) => boolean), value?: WhereValue<Item<M>, F>): this {
    checkWhereField('orWhere', this._schema, field)
    if (typeof field === 'object') {
      checkIds('orWhere', this._schema, value)
      const keys = new Set(keysOfIds(value, this._schema.primaryKey).keys)
      const primaryKey = this._schema.primaryKey
      return this._whereRecord(_describedAs(record => keys.has(keyOf(record, primaryKey) ?? ''), ['ids', keys]), true)
    }
    this._wheres = addWhere(this._schema, this._wheres, field as Where['field'], value, true, this._sharedConstraint)
    return this
  }

  /** Keeps records whose `field` is one of `values`. */
  whereIn(field: string, values: Iterable<unknown>): this {
    checkWhereValues('whereIn', this._schema, values)
    // A Set value: membership, and on the primary key a lookup by key, as pinia-orm's whereIn.
    return this.where(field, new Set(values))
  }

  /** Keeps records whose `field` is none of `values`. */
  whereNotIn(field: string, values: Iterable<unknown>): this {
    checkWhereValues('whereNotIn', this._schema, values)
    const set = new Set(values)
    return this.where(field, _describedAs((value: unknown) => !set.has(value), ['notIn', set]))
  }

  /** Keeps records whose `field` is `null` or missing. */
  whereNull(field: string): this {
    return this.where(field, _describedAs((value: unknown) => value === null || value === undefined, ['null']))
  }

  /** Keeps records whose `field` has a value. */
  whereNotNull(field: string): this {
    return this.where(field, _describedAs((value: unknown) => value !== null && value !== undefined, ['notNull']))
  }

  /**
   * Keeps the records with these primary keys (an array of values for a composite key), looked up
   * directly rather than by scanning the store.
   */
  whereId(ids: KeyOf<M> | readonly KeyOf<M>[]): this {
    checkIds('whereId', this._schema, ids)
    const keys = distinctKeys(keysOfIds(ids, this._schema.primaryKey).keys)
    // A second whereId() narrows, as two where()s on the key do in pinia-orm.
    const earlier = this._ids === undefined ? undefined : new Set(this._ids)
    this._ids = earlier === undefined ? keys : keys.filter(key => earlier.has(key))
    return this
  }

  /**
   * Sorts by a field, by several (`['name', ['age', 'desc']]`), or by what a function returns for
   * each model instance. `options.collator` compares strings with an `Intl.Collator`. A function
   * whose parameter is annotated with another type compiles too, as pinia-orm types it `any`.
   */
  orderBy(by: string | OrderByList | ((item: Item<M>) => unknown), direction?: 'asc' | 'desc', options?: OrderByOptions | Intl.Collator): this
  orderBy(by: (item: any) => unknown, direction?: 'asc' | 'desc', options?: OrderByOptions | Intl.Collator): this // eslint-disable-line @typescript-eslint/no-explicit-any, @typescript-eslint/unified-signatures -- pinia-orm's `OrderBy` type; one signature of both would leave an unannotated function's parameter untyped
  orderBy(by: string | OrderByList | ((item: Item<M>) => unknown), direction: 'asc' | 'desc' = 'asc', options?: OrderByOptions | Intl.Collator): this {
    addOrders(this, by, direction, options)
    return this
  }

  /** Keeps at most `count` records. */
  limit(count: number): this {
    checkCount('limit', this._schema, count)
    this._take = count
    return this
  }

  /** Skips the first `count` records. */
  offset(count: number): this {
    checkCount('offset', this._schema, count)
    this._skip = count
    return this
  }

  /**
   * Loads a relation into the results. A dotted name (`'phone.user'`) loads nested relations; the
   * constraint applies to the query of the last one.
   */
  with<K extends string>(name: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>): this {
    checkWithArguments(this._schema, name, constraint)
    this._eager = this._eager === NO_EAGER && constraint === undefined
      ? sharedLoad(this._db, this._schema, name)
      : addEager(this._db, this._schema, this._eager, name, constraint as RelationConstraint | undefined)
    return this
  }

  /**
   * Loads every relation of the model (one level), each with the constraint if given. The
   * constraint runs on each relation's query: a field some of their models lack matches nothing
   * there (`withAll(q => q.orderBy('createdAt'))`), as in pinia-orm.
   */
  withAll(constraint?: RelationConstraint): this {
    for (const field of _relationNamesWithSubclasses(this._db, this._schema)) {
      if (constraint === undefined) {
        this.with(field)
        continue
      }
      checkWithArguments(this._schema, field, constraint)
      this._eager = addEager(this._db, this._schema, this._eager, field, constraint, true)
    }
    return this
  }

  /**
   * Loads every relation, and theirs, `depth + 1` levels down as pinia-orm does: `withAll()` here,
   * and `withAllRecursive(depth - 1)` in each relation's query while `depth > 0`.
   */
  withAllRecursive(depth = 3): this {
    if (!Number.isInteger(depth) || depth < 0)
      throw createOrmError(`withAllRecursive() on ${this._schema.name} takes how many levels below the first to load, a number from 0 (\`withAllRecursive(0)\` is \`withAll()\`), not ${typeof depth === 'number' ? depth : typeof depth}.`)
    this.withAll(depth > 0 ? query => query.withAllRecursive(depth - 1) : undefined)
    return this
  }

  /**
   * The model instances matching the query, with the requested relations loaded; after
   * `groupBy()`, the groups by key (`get<'group'>()` types it so).
   */
  get<T extends 'group' | 'collection' = 'collection'>(): T extends 'group' ? Record<string, Item<M>[]> : Item<M>[] {
    type Result = T extends 'group' ? Record<string, Item<M>[]> : Item<M>[]
    if (this._cacheKey !== undefined)
      return cachedGet(this) as Result
    if (!this._reading && this._db._signals.tracking())
      return _readFinely(this, () => this.get() as Item<M>[]) as Result
    let items: Model[]
    if (this._orders.some(order => sortsByRelations(order, this._eager.length > 0))) {
      // Sorted by what the loads bring: every match loaded first, then sorted and paged.
      checkSortedLoads(this._schema, this._orders, this._eager)
      items = this._matching()
      this._loadFresh(items)
      items.sort((a, b) => compareRecords(this._orders, a as unknown as StoredRecord, b as unknown as StoredRecord))
      items = items.slice(this._skip, this._take === undefined ? undefined : this._skip + this._take)
    }
    else {
      items = select(this, candidates(this), this._ids !== undefined && !hasOr(this._wheres))
      this._loadFresh(items)
    }
    if (this._schema.features || this._visibility)
      retrieve(this, items)
    return (this._groups ? groupItems(items, this._groups, this._groupReader()) : items) as Result
  }

  /**
   * How `get()` reads the fields it groups by: from the instances, and a field they hide
   * (`static hidden`, `makeHidden()`) from the stored record, as `where()` and `orderBy()` read it.
   */
  private _groupReader(): FieldReader | undefined {
    if (!this._schema.features?.visibility && !this._visibility && !this._db._defaults)
      return undefined
    const data = this._db.data(this._schema.entity)
    const key = this._schema.primaryKey
    return (item, field) => field in item ? item[field] : recordAt(data, keyOf(item as StoredRecord, key)!)?.[field]
  }

  /** The first model instance matching the query, or `null`. */
  first(): Item<M> | null {
    refuseGrouped(this, 'first')
    const take = this._take
    this._take = Math.min(take ?? 1, 1)
    try {
      return this.get()[0] ?? null
    }
    finally {
      this._take = take
    }
  }

  /**
   * The record with this primary key, or `null`; given a list of keys, the records found. For a
   * composite key, one key is an array of values and a list of keys is an array of such arrays.
   */
  find(id: KeyOf<M> | string | number): Item<M> | null
  find(ids: readonly KeyOf<M>[]): Item<M>[]
  find(ids: KeyOf<M> | string | number | readonly KeyOf<M>[]): Item<M> | Item<M>[] | null {
    if (!this._reading && this._db._signals.tracking())
      return _readFinely(this, () => this.find(ids as KeyOf<M>))
    checkIds('find', this._schema, ids)
    refuseGrouped(this, 'find')
    return findKeys(this, ids, newQuery) as Item<M> | Item<M>[] | null
  }

  /**
   * Loads the relations requested with `with()` into model instances already retrieved.
   */
  load(items: readonly Model[]): void {
    // The app's instances may hold marks of relations an earlier read loaded empty: this load sets
    // those relations anew (and marks them again if it finds nothing).
    const eager = this._eager
    for (let i = 0; i < items.length; i++) {
      for (let j = 0; j < eager.length; j++)
        _unmarkFilledEmpty(items[i]!, eager[j]!.name)
    }
    this._loadFresh(items)
  }

  /**
   * {@link Query.load} of instances this query just made, which hold no marks to clear: what
   * `get()` and `find()` load into (clearing them cost 128 bytes per record of a read).
   *
   * @internal
   */
  _loadFresh(items: readonly Model[]): void {
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
  whereHas<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>, operator?: HasOperator | number, count?: number): this {
    addRelationWhere<Query>(this, relation, constraint as RelationConstraint | undefined, operator, count, false, false)
    return this
  }

  /** Like {@link Query.whereHas}, with "or". */
  orWhereHas<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>, operator?: HasOperator | number, count?: number): this {
    addRelationWhere<Query>(this, relation, constraint as RelationConstraint | undefined, operator, count, true, false)
    return this
  }

  /** Keeps records that have no related records under `relation` that pass `constraint`. */
  whereDoesntHave<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>): this {
    addRelationWhere<Query>(this, relation, constraint as RelationConstraint | undefined, undefined, undefined, false, true)
    return this
  }

  /** Like {@link Query.whereDoesntHave}, with "or". */
  orWhereDoesntHave<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>): this {
    addRelationWhere<Query>(this, relation, constraint as RelationConstraint | undefined, undefined, undefined, true, true)
    return this
  }

  /**
   * Sets `values` on every record matching the query, in one store write, and returns the updated
   * model instances. Relations in `values` are not saved; use `save()` for nested data.
   */
  update(values: Element): Item<M>[] {
    return updateMatching(this, values) as Item<M>[]
  }

  /** Deletes every record matching the query, in one store write, and returns them. */
  delete(): Item<M>[] {
    return deleteMatching(this) as Item<M>[]
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

  /** Leaves these attributes out of the results (and their `$toJson()`). */
  makeHidden(fields: readonly string[]): this {
    makeHidden(this, fields)
    return this
  }

  /** Shows these attributes in the results even when the model hides them. */
  makeVisible(fields: readonly string[]): this {
    makeVisible(this, fields)
    return this
  }

  /** Shows `_meta` (`{ createdAt, updatedAt }`) of a model with `static config = { withMeta: true }`. */
  withMeta(): this {
    return this.makeVisible(['_meta'])
  }

  /** Like {@link Query.whereIn}, but records passing either this or the `where` group are kept. */
  orWhereIn(field: string, values: Iterable<unknown>): this {
    return this.orWhere(field, new Set(values))
  }

  /** Like {@link Query.whereNotIn}, but records passing either this or the `where` group are kept. */
  orWhereNotIn(field: string, values: Iterable<unknown>): this {
    const set = new Set(values)
    return this.orWhere(field, _describedAs((value: unknown) => !set.has(value), ['notIn', set]))
  }

  /**
   * Keeps records whose `field` matches an SQL `LIKE` pattern: `%` for any run of characters, `_`
   * for one. Case-insensitive unless `caseSensitive` is `true`.
   */
  whereLike(field: string, pattern: string | number, caseSensitive = false): this {
    return this.where(field, _describedAs(likeMatcher(pattern, caseSensitive), ['like', pattern, caseSensitive]))
  }

  /** Like {@link Query.whereLike}, but records passing either this or the `where` group are kept. */
  orWhereLike(field: string, pattern: string | number, caseSensitive = false): this {
    return this.orWhere(field, _describedAs(likeMatcher(pattern, caseSensitive), ['like', pattern, caseSensitive]))
  }

  /**
   * Groups the results of `get()` by the values of these attributes: an object whose keys are the
   * value (one field) or `[a,b]` (several fields), each holding the matching instances in order.
   */
  groupBy(...fields: (string | readonly string[])[]): GroupedQuery<M> {
    addGroups(this, fields)
    return this as unknown as GroupedQuery<M>
  }

  /** The number of records matching the query. Without constraints it is O(1). */
  count(): number {
    const total = countMatching(this)
    const rest = Math.max(0, total - this._skip)
    return this._take === undefined ? rest : Math.min(rest, this._take)
  }

  /** Whether any record matches the query. Without constraints it is O(1). */
  exists(): boolean {
    // Not a `for...in` with an early return: V8 lists every key of a large object before the first.
    return this.count() > 0
  }

  /** The last model instance matching the query (in its order), or `null`. */
  last(): Item<M> | null {
    refuseGrouped(this, 'last')
    const items = this.get() as Item<M>[]
    return items[items.length - 1] ?? null
  }

  /** The sum of a number attribute over the matching records; `null` values count as nothing. */
  sum(field: string): number {
    return aggregateMatching(this, 'sum', field)!
  }

  /** The smallest value of a number attribute over the matching records, or `null` when none. */
  min(field: string): number | null {
    return aggregateMatching(this, 'min', field)
  }

  /** The largest value of a number attribute over the matching records, or `null` when none. */
  max(field: string): number | null {
    return aggregateMatching(this, 'max', field)
  }

  /**
   * One page of the results, pages counting from 1: `{ data, total, page, perPage, lastPage }`.
   * A page past the end has no data; `total` counts every matching record.
   */
  paginate(page: number, perPage: number): Paginated<Item<M>> {
    return paginateQuery(this, page, perPage)
  }

  /**
   * Caches what `get()` returns, in this Pinia only, until a write to an entity the query read.
   * Give a `key` (and the `params` the query depends on) to share a result between equal queries
   * built apart; without one, the query's own description is the key.
   */
  useCache(key?: string, params?: Element): this {
    this._cacheKey = key === undefined ? '' : _userCacheKey(key, params)
    return this
  }

  /** A new query of the model registered under `entity` in this Pinia (`newQuery('posts')`). */
  newQuery<O extends ModelClass | ModelInstance = ModelClass>(entity: string): Query<O> {
    return newQuery(this._db, schemaOfEntity(this._db, this._schema, entity, 'newQuery')) as Query<O>
  }

  /**
   * Like {@link Query.newQuery}, with this query's conditions, order, paging, loads and cache key
   * (loads only for a query of the same model).
   */
  newQueryWithConstraints<O extends ModelClass | ModelInstance = ModelClass>(entity: string): Query<O> {
    const query = newQuery(this._db, schemaOfEntity(this._db, this._schema, entity, 'newQueryWithConstraints'))
    copyConstraints<Query>(this, query, 'newQueryWithConstraints')
    return query as Query<O>
  }
}

/** A query of a related model, for eager loading (one function, not a closure per load). */
function newQuery(db: Database, schema: Schema): Query {
  return new Query(db, schema)
}

/** A sort through a relation needs that relation loaded: without it every value is missing. */
function checkSortedLoads(schema: Schema, orders: readonly Order[], eager: readonly { readonly name: string }[]): void {
  for (const { throughRelation, path } of orders) {
    if (throughRelation && !eager.some(load => load.name === path![0]))
      throw createOrmError(`orderBy('${path!.join('.')}') on ${schema.name} sorts by the relation '${path![0]}', which the query does not load. Load it too: with('${path![0]}').`)
  }
}

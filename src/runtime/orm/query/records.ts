import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import { _showFields } from '../queryVisibility'
import type { Schema } from '../relations/Relation'
import { revive, reviveMany, reviveOne } from '../revive'
import type { Item, KeyOf, ModelClass, RecordInput } from '../types'
import { destroyIds, freshRecords, INSERT, newRecord, persistRecords, removeAll, SAVE } from '../writeRecords'
import { QueryState } from './queryState'
import { candidates, select } from './select'
import { hasOr, testsInstances } from './where'

// pinia-orm's Query members that read or write the model's records as its repository does (`all`,
// `save`, `destroy`, ...): one-line calls into the repository's own logic, kept apart from the
// query's constraints and reads.

/**
 * The members of a query that act on the model's records as the repository does. `Query` extends
 * it; `Q` is the query class, made by `_newQuery`.
 *
 * @internal
 */
export abstract class QueryRecords<M extends ModelClass, Q extends { get: () => unknown }> extends QueryState<Q> {
  /** A query of `schema`'s model on the same database. @internal */
  abstract _newQuery(schema: Schema): Q

  /** Every record of the model, as the repository's `all()`: this query's constraints do not apply. */
  all(): Item<M>[] {
    return this._newQuery(this._schema).get() as Item<M>[]
  }

  /**
   * The instances passing the query's `where`s and `whereId`, in the store's (or `whereId`'s)
   * order, unpaged, with nothing else a read does.
   *
   * @internal
   */
  _matching(): Model[] {
    const source = { _db: this._db, _schema: this._schema, _wheres: this._wheres, _ids: this._ids, _orders: [], _take: undefined, _skip: 0 }
    return select(source, candidates(this), this._ids !== undefined && !hasOr(this._wheres))
  }

  /**
   * The model instances passing the query's `where`s and `whereId`, before anything else a read
   * does: no order, paging, relations or `retrieved` hook.
   */
  select(): Item<M>[] {
    const items = this._matching()
    if (this._visibility)
      _showFields(this._db, this._schema, items, this._visibility)
    return items as Item<M>[]
  }

  /**
   * Model instances rebuilt from a nested structure of keys (`{ id: 1, posts: [{ id: 2 }] }`), as
   * the repository's `revive()`: records not in the store are left out (`null` for one object).
   */
  revive(input: readonly RecordInput[]): Item<M>[]
  revive(input: RecordInput): Item<M> | null
  revive(input: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] | null {
    return revive(this._db, this._schema, input) as Item<M> | Item<M>[] | null
  }

  /** Like {@link QueryRecords.revive}, for one object of keys. */
  reviveOne(input: RecordInput): Item<M> | null {
    return reviveOne(this._db, this._schema, input) as Item<M> | null
  }

  /** Like {@link QueryRecords.revive}, for a list of objects of keys. */
  reviveMany(input: RecordInput[]): Item<M>[] {
    return reviveMany(this._db, this._schema, input) as Item<M>[]
  }

  /**
   * A model instance with every field at its default, saved unless `persist` is `false`, as the
   * repository's `new()`; `null` when a `creating` or `saving` hook returns `false`.
   */
  new(persist = true): Item<M> | null {
    return newRecord(this._db, this._schema, persist) as Item<M> | null
  }

  /** Saves records with their nested relations, as the repository's `save()` (constraints do not apply). */
  save(records: readonly RecordInput[]): Item<M>[]
  save(record: RecordInput): Item<M>
  save(records: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] {
    return persistRecords(this._db, this._schema, records, SAVE) as Item<M> | Item<M>[]
  }

  /** Inserts records as given, as the repository's `insert()` (constraints do not apply). */
  insert(records: readonly RecordInput[]): Item<M>[]
  insert(record: RecordInput): Item<M>
  insert(records: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] {
    return persistRecords(this._db, this._schema, records, INSERT) as Item<M> | Item<M>[]
  }

  /** Replaces all records of the model, as the repository's `fresh()` (constraints do not apply). */
  fresh(records: readonly RecordInput[]): Item<M>[]
  fresh(record: RecordInput): Item<M>
  fresh(records: RecordInput | readonly RecordInput[]): Item<M> | Item<M>[] {
    return freshRecords(this._db, this._schema, records) as Item<M> | Item<M>[]
  }

  /**
   * Deletes the record with this primary key and returns it (or `null`); given a list of keys,
   * deletes those found and returns them. With `where`s, only records passing them, as in pinia-orm.
   */
  destroy(id: KeyOf<M>): Item<M> | null
  destroy(ids: readonly KeyOf<M>[]): Item<M>[]
  destroy(ids: KeyOf<M> | readonly KeyOf<M>[]): Item<M> | Item<M>[] | null {
    const accept = this._wheres.length === 0 && this._ids === undefined ? undefined : acceptRecord(this)
    return destroyIds(this._db, this._schema, ids, accept) as Item<M> | Item<M>[] | null
  }

  /** Deletes every record of the model and returns them, as the repository's `flush()`. */
  flush(): Item<M>[] {
    const deleted = this.all()
    removeAll(this._db, this._schema)
    return deleted
  }
}

/** A test of a stored record against a query's `where`s and `whereId` (on an instance when one needs it). */
function acceptRecord(query: Pick<QueryState<never>, '_wheres' | '_ids' | '_passes'>): (record: StoredRecord) => boolean {
  const instance = testsInstances(query._wheres)
  const ids = query._ids === undefined ? undefined : new Set(query._ids)
  return record => query._passes(record, instance, ids)
}

import type { Database } from '../database'
import type { EagerList } from '../eagerLoad'
import type { StoredRecord } from '../keys'
import type { Model } from '../Model'
import type { QueryShape } from '../reactivity/fineRead'
import type { RelationCondition } from '../relationQueries'
import type { Schema } from '../relations/Relation'
import type { VisibilityOverride } from '../visibility'
import { acceptedRecords, recordTest } from './accept'
import { compareRecords } from './orderBy'
import type { Order } from './orderBy'
import { retrieve } from './retrieve'
import { select } from './select'
import { matches, matchesWheres } from './where'
import type { Where } from './where'

const NO_WHERES: readonly never[] = Object.freeze([])
/** The loads of a query that loads nothing, shared by all of them. @internal */
export const NO_EAGER: EagerList<any> = Object.freeze([]) // eslint-disable-line @typescript-eslint/no-explicit-any -- empty: fits every query
const NO_ORDERS: readonly never[] = Object.freeze([])

/**
 * The state of a query (its conditions, order, paging, loads, groups, cache key and visibility) and
 * what the other layers read of it: fine-grained reads (`FineSource`), live queries (`LiveSource`),
 * eager loading (`EagerQuery`) and relation queries (`RelationWhereQuery`). `Query` builds its
 * public API on it; `Q` is the query type of related models.
 *
 * @internal
 */
export class QueryState<Q> {
  /** @internal */
  readonly _db: Database
  /** @internal */
  readonly _schema: Schema
  // Shared empty lists until the first where/orderBy: a find by id allocates no list for them.
  /** @internal */
  _wheres: readonly Where[] = NO_WHERES
  /** @internal */
  _orders: readonly Order[] = NO_ORDERS
  /** @internal */
  _eager: EagerList<Q> = NO_EAGER
  /** @internal */
  _ids: string[] | undefined
  /** @internal */
  _take: number | undefined
  /** @internal */
  _skip = 0
  /** @internal */
  _groups: string[] | undefined
  /** @internal */
  _cacheKey: string | undefined

  /** @internal */
  _visibility: VisibilityOverride | undefined
  /** @internal */
  _reading = false

  /** @internal */
  constructor(db: Database, schema: Schema) {
    this._db = db
    this._schema = schema
  }

  /**
   * Keeps records whose stored attributes pass `test` (no model instance is made for it).
   *
   * @internal
   */
  _whereRecord(test: (record: StoredRecord) => boolean, or: boolean, relation?: RelationCondition): this {
    this._wheres = [...this._wheres, { field: test as unknown as Where['field'], value: undefined, or, raw: true, relation }]
    return this
  }

  /** @internal */
  _selectFrom(records: StoredRecord[]): Model[] {
    return select(this, records, false)
  }

  /** What `whereHas()` asks of its constraint: see {@link acceptedRecords}. @internal */
  _acceptedRecords(records: StoredRecord[]): StoredRecord[] | undefined {
    return acceptedRecords(this, records)
  }

  /** What `whereHas()` asks of its constraint, record by record: see {@link recordTest}. @internal */
  _recordTest(): ((record: StoredRecord) => boolean) | undefined {
    return recordTest(this)
  }

  /**
   * A test of a stored record against the query's `where`s as they are now (a later `where()` does
   * not change it): which records a read depends on, when it read too many to track one by one.
   *
   * @internal
   */
  _filter(): (record: StoredRecord) => boolean {
    const wheres = this._wheres
    return record => matchesWheres(wheres, record, undefined)
  }

  /**
   * What reads kept up to date (fine-grained dependencies, live queries) need to know of the query.
   *
   * @internal
   */
  _shape(): QueryShape {
    return { wheres: this._wheres, orders: this._orders, ids: this._ids, take: this._take, skip: this._skip, grouped: this._groups !== undefined }
  }

  /** @internal */
  _passes(record: StoredRecord, instance: boolean, ids?: ReadonlySet<string>): boolean {
    return (this._wheres.length === 0 && ids === undefined) || matches(this, instance ? this._schema.hydrate(record, this._db) as unknown as StoredRecord : record, ids)
  }

  /** @internal */
  _compare(a: StoredRecord, b: StoredRecord): number {
    return compareRecords(this._orders, a, b)
  }

  /** @internal */
  _afterRead(items: Model[]): void {
    if (this._schema.features || this._visibility)
      retrieve(this, items)
  }

  /**
   * Plain when it only loads: no constraint changes which related records come back.
   *
   * @internal
   */
  _isPlain(): boolean {
    return this._wheres.length === 0 && this._orders.length === 0 && this._ids === undefined && this._take === undefined && this._skip === 0
  }
}

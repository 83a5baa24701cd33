import type { Database } from './database'
import { deleteRecords } from './deleteRules'
import { addEager, loadEager } from './eagerLoad'
import type { EagerLoad } from './eagerLoad'
import { createOrmError } from './errors'
import { keyOf, keysOfIds } from './keys'
import type { StoredRecord } from './keys'
import type { Model } from './Model'
import { addRelationWhere } from './relationQueries'
import type { HasOperator } from './relationQueries'
import type { Schema } from './schema'
import type { Item, KeyOf, ModelClass } from './types'

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
}

interface Order {
  by: string | ((item: Model) => unknown)
  desc: boolean
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
  private readonly wheres: Where[] = []
  private readonly orders: Order[] = []
  /** @internal */
  readonly _eager = new Map<string, EagerLoad<Query>>()
  private ids: string[] | undefined
  private take: number | undefined
  private skip = 0

  /** @internal */
  constructor(db: Database, schema: Schema) {
    this._db = db
    this._schema = schema
  }

  /**
   * Keeps records whose `field` equals `value`, is one of `value` (an array), or passes `value` (a
   * function of the field's value). Given a function alone, keeps the model instances it accepts.
   */
  where(field: string | ((item: Item<M>) => boolean), value?: unknown): this {
    return this.addWhere(field as Where['field'], value, false)
  }

  /** Like {@link Query.where}, but records passing either this or the `where` group are kept. */
  orWhere(field: string | ((item: Item<M>) => boolean), value?: unknown): this {
    return this.addWhere(field as Where['field'], value, true)
  }

  /** Keeps records whose `field` is one of `values`. */
  whereIn(field: string, values: Iterable<unknown>): this {
    const set = new Set(values)
    return this.where(field, (value: unknown) => set.has(value))
  }

  /** Keeps records whose `field` is none of `values`. */
  whereNotIn(field: string, values: Iterable<unknown>): this {
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
    this.ids = keysOfIds(ids, this._schema.primaryKey).keys
    return this
  }

  /** Sorts by a field, or by what a function returns for each model instance. */
  orderBy(by: string | ((item: Item<M>) => unknown), direction: 'asc' | 'desc' = 'asc'): this {
    this.orders.push({ by: by as Order['by'], desc: direction === 'desc' })
    return this
  }

  /** Keeps at most `count` records. */
  limit(count: number): this {
    this.take = count
    return this
  }

  /** Skips the first `count` records. */
  offset(count: number): this {
    this.skip = count
    return this
  }

  /**
   * Loads a relation into the results. A dotted name (`'phone.user'`) loads nested relations; the
   * constraint applies to the query of the last one.
   */
  with(name: string, constraint?: RelationConstraint): this {
    addEager(this._db, this._schema, this._eager, name, constraint)
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

  /** The model instances matching the query, with the requested relations loaded. */
  get(): Item<M>[] {
    const items = this.select(this.candidates(), this.ids !== undefined && !this.hasOr())
    this.load(items)
    return items as Item<M>[]
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
    const { keys, many } = keysOfIds(ids, this._schema.primaryKey)
    this.ids = keys
    if (many)
      return this.get()
    // One key: a direct lookup, whatever the paging.
    if (this.wheres.length > 0)
      return this.first()
    const record = keys.length === 0 ? undefined : this._db.data(this._schema.entity)[keys[0]!]
    if (record === undefined)
      return null
    const item = this._schema.hydrate(record)
    this.load([item])
    return item as Item<M>
  }

  /**
   * Loads the relations requested with `with()` into model instances already retrieved.
   */
  load(items: readonly Model[]): void {
    loadEager(this._db, this._schema, items, this._eager, schema => new Query(this._db, schema))
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
  _whereRecord(test: (record: StoredRecord) => boolean, or: boolean): this {
    this.wheres.push({ field: test as unknown as Where['field'], value: undefined, or, raw: true })
    return this
  }

  /** @internal */
  _selectFrom(records: StoredRecord[]): Model[] {
    return this.select(records, false)
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
    for (const item of this.matchingRecords()) {
      const key = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
      changes.set(key, { ...data[key], ...values })
    }
    this._db.write(schema.entity, changes)
    return [...changes.values()].map(record => schema.hydrate(record)) as Item<M>[]
  }

  /** Deletes every record matching the query, in one store write, and returns them. */
  delete(): Item<M>[] {
    const schema = this._schema
    const deleted = this.matchingRecords()
    deleteRecords(this._db, schema, deleted.map(item => keyOf(item as unknown as StoredRecord, schema.primaryKey)!))
    return deleted as Item<M>[]
  }

  private matchingRecords(): Model[] {
    return this.select(this.candidates(), this.ids !== undefined && !this.hasOr())
  }

  private addWhere(field: Where['field'], value: unknown, or: boolean): this {
    if (typeof field === 'string' && !this._schema.attributes.has(field))
      throw createOrmError(`where() on ${this._schema.name}: '${field}' is not an attribute of ${this._schema.name}. Its attributes are: ${this._schema.attributeNames.join(', ')}. To filter by a relation, load it with with() and filter with a function.`)
    this.wheres.push({ field, value, or })
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
      const record = data[id]
      if (record !== undefined)
        records.push(record)
    }
    return records
  }

  /** Filters, sorts and pages `records`, and makes model instances of what is left. */
  private select(records: StoredRecord[], idsApplied: boolean): Model[] {
    const schema = this._schema
    const idSet = this.ids !== undefined && !idsApplied ? new Set(this.ids) : undefined
    const needsInstances = this.wheres.some(where => typeof where.field === 'function' && !where.raw) || this.orders.some(order => typeof order.by === 'function')
    let items: StoredRecord[] = needsInstances ? records.map(record => schema.hydrate(record) as unknown as StoredRecord) : records
    if (this.wheres.length > 0 || idSet)
      items = items.filter(item => this.matches(item, idSet))
    if (this.orders.length > 0)
      items.sort((a, b) => this.compare(a, b))
    if (this.skip > 0 || this.take !== undefined)
      items = items.slice(this.skip, this.take === undefined ? undefined : this.skip + this.take)
    return needsInstances ? items as unknown as Model[] : items.map(record => schema.hydrate(record))
  }

  /** The `where` group all passes, or any `orWhere` passes (pinia-orm's grouping). */
  private matches(item: StoredRecord, idSet: Set<string> | undefined): boolean {
    let and = idSet === undefined || idSet.has(keyOf(item, this._schema.primaryKey) ?? '')
    let hasAnd = idSet !== undefined
    let or = false
    for (const where of this.wheres) {
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

  private compare(a: StoredRecord, b: StoredRecord): number {
    for (const order of this.orders) {
      const x = typeof order.by === 'function' ? order.by(a as unknown as Model) : a[order.by]
      const y = typeof order.by === 'function' ? order.by(b as unknown as Model) : b[order.by]
      const result = compareValues(x, y)
      if (result !== 0)
        return order.desc ? -result : result
    }
    return 0
  }

  /**
   * Plain when it only loads: no constraint changes which related records come back.
   *
   * @internal
   */
  _isPlain(): boolean {
    return this.wheres.length === 0 && this.orders.length === 0 && this.ids === undefined && this.take === undefined && this.skip === 0
  }
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
  return actual === value
}

function compareValues(x: unknown, y: unknown): number {
  if (x === y)
    return 0
  if (x === null || x === undefined)
    return -1
  if (y === null || y === undefined)
    return 1
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0
}

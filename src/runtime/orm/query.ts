import { checkCount, checkIds, checkOrderBy, checkWhereField, checkWhereValues, checkWithArguments } from './arguments'
import type { Database } from './database'
import { sameFields } from './database'
import { createOrmError } from './errors'
import { keyOf, keysOfIds } from './keys'
import type { StoredRecord } from './keys'
import { warnAboutUpdate } from './inputWarnings'
import type { Model } from './Model'
import { hasRecord, recordAt } from './ownRecords'
import type { Relation } from './relations/Relation'
import type { Schema } from './schema'
import { didYouMean } from './suggest'
import type { Item, KeyOf, ModelClass } from './types'
import { _deleteRecords, _retrieved, _saveBatches } from './hooks'
import { _showFields } from './queryVisibility'
import type { VisibilityOverride } from './visibility'

/** A test of one field's value. */
export type ValuePredicate = (value: never) => boolean

/** A relation constraint: receives the query of the related model to narrow or extend it. */
export type RelationConstraint = (query: Query) => void

interface Where {
  field: string | ((item: Model) => boolean)
  value: unknown
  or: boolean
}

interface Order {
  by: string | ((item: Model) => unknown)
  desc: boolean
}

interface EagerLoad {
  relation: Relation
  related: Schema
  constraints: RelationConstraint[]
  nested: Map<string, EagerLoad>
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
  private readonly eager = new Map<string, EagerLoad>()
  private ids: string[] | undefined
  private take: number | undefined
  private skip = 0

  /** @internal */
  _visibility: VisibilityOverride | undefined

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

  /** Sorts by a field, or by what a function returns for each model instance. */
  orderBy(by: string | ((item: Item<M>) => unknown), direction: 'asc' | 'desc' = 'asc'): this {
    checkOrderBy(this._schema, by, direction)
    this.orders.push({ by: by as Order['by'], desc: direction === 'desc' })
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
    const fields = name.includes('.') ? name.split('.') : [name]
    let schema = this._schema
    let eager = this.eager
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!
      let load = eager.get(field)
      if (!load) {
        const relation = schema.relations.get(field)
        if (!relation)
          throw unknownRelationError(schema, field, name)
        load = { relation, related: this._db.related(relation, schema, field), constraints: [], nested: new Map() }
        eager.set(field, load)
      }
      if (constraint && i === fields.length - 1)
        load.constraints.push(constraint)
      schema = load.related
      eager = load.nested
    }
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
    if (this._schema.features || this._visibility)
      this.retrieve(items)
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
    checkIds('find', this._schema, ids)
    const { keys, many } = keysOfIds(ids, this._schema.primaryKey)
    this.ids = keys
    if (many)
      return this.get()
    // One key: a direct lookup, whatever the paging.
    if (this.wheres.length > 0)
      return this.first()
    const record = keys.length === 0 ? undefined : recordAt(this._db.data(this._schema.entity), keys[0]!)
    if (record === undefined)
      return null
    const item = this._schema.hydrate(record, this._db)
    this.load([item])
    if (this._schema.features || this._visibility)
      this.retrieve([item])
    return item as Item<M>
  }

  /**
   * Loads the relations requested with `with()` into model instances already retrieved.
   */
  load(items: readonly Model[]): void {
    this.loadRelations(items, this.eager)
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
    const found = new Map<string, Model>()
    for (const item of this.matchingRecords())
      found.set(keyOf(item as unknown as StoredRecord, schema.primaryKey)!, item)
    return _deleteRecords(this._db, schema, found) as Item<M>[]
  }

  private matchingRecords(): Model[] {
    return this.select(this.candidates(), this.ids !== undefined && !this.hasOr())
  }

  private addWhere(field: Where['field'], value: unknown, or: boolean): this {
    if (typeof field === 'string' && !this._schema.attributes.has(field))
      throw createOrmError(`where() on ${this._schema.name}: '${field}' is not an attribute of ${this._schema.name}.${process.env.NODE_ENV !== 'production' ? didYouMean(field, this._schema.attributeNames) : ''} Its attributes are: ${this._schema.attributeNames.join(', ')}. To filter by a relation, load it with with() and filter with a function.`)
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
    const needsInstances = this.wheres.some(where => typeof where.field === 'function') || this.orders.some(order => typeof order.by === 'function')
    const db = this._db
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

  /** Plain when it only loads: no constraint changes which related records come back. */
  private isPlain(): boolean {
    return this.wheres.length === 0 && this.orders.length === 0 && this.ids === undefined && this.take === undefined && this.skip === 0
  }

  private loadRelations(items: readonly Model[], eager: ReadonlyMap<string, EagerLoad>): void {
    if (items.length === 0)
      return
    for (const [field, load] of eager)
      this.loadRelation(items, field, load)
  }

  /**
   * Loads one relation into every parent: each parent's key is looked up directly (by primary key)
   * or through the related entity's index, so the cost is one lookup per parent.
   */
  private loadRelation(parents: readonly Model[], field: string, load: EagerLoad): void {
    const { relation, related } = load
    // A related query only when something narrows or extends what a lookup finds.
    let sub: Query | undefined
    if (load.constraints.length > 0 || load.nested.size > 0) {
      sub = new Query(this._db, related)
      for (const constraint of load.constraints)
        constraint(sub)
      for (const [name, nested] of load.nested) {
        if (!sub.eager.has(name))
          sub.eager.set(name, nested)
      }
    }
    const parentKeys = relation._parentKeys(this._schema, related)
    const relatedKeys = relation._relatedKeys(this._schema, related)
    const data = this._db.data(related.entity)
    const index = sameFields(relatedKeys, related.primaryKey) ? undefined : this._db.index(related.entity, relatedKeys, data)
    const plain = sub === undefined || sub.isPlain()
    const many = relation.many
    const children: Model[] = []

    for (const parent of parents) {
      const key = keyOf(parent as unknown as StoredRecord, parentKeys)
      let value: Model | Model[] | null
      if (key === undefined) {
        value = many ? [] : null
      }
      else if (plain && !many) {
        const record = index ? firstOf(index.get(key), data) : recordAt(data, key)
        value = record === undefined ? null : related.hydrate(record, this._db)
        if (value)
          children.push(value)
      }
      else {
        const ids = index ? index.get(key) ?? NONE : hasRecord(data, key) ? [key] : NONE
        let found: Model[]
        if (plain) {
          found = []
          for (const id of ids)
            found.push(related.hydrate(data[id]!, this._db))
        }
        else {
          found = sub!.select(ids.map(id => data[id]!), false)
        }
        value = many ? found : found[0] ?? null
        if (many)
          children.push(...found)
        else if (value)
          children.push(value as Model)
      }
      (parent as unknown as Record<string, unknown>)[field] = value
    }
    if (sub)
      sub.loadRelations(children, sub.eager)
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
}

const NONE: readonly string[] = Object.freeze([])

function firstOf(ids: readonly string[] | undefined, data: Record<string, StoredRecord>): StoredRecord | undefined {
  return ids === undefined || ids.length === 0 ? undefined : data[ids[0]!]
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

function unknownRelationError(schema: Schema, field: string, path: string) {
  const known = [...schema.relations.keys()]
  const hint = known.length > 0 ? `Its relations are: ${known.join(', ')}.` : `${schema.name} has no relations; declare one in fields(), e.g. this.hasOne(...).`
  const where = path === field ? `'${field}'` : `'${field}' (in '${path}')`
  return createOrmError(`with(): ${schema.name} has no relation ${where}.${process.env.NODE_ENV !== 'production' ? didYouMean(field, known) : ''} ${hint}`)
}

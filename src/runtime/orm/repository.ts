import type { Database, EntityStore } from './database'
import { createOrmError } from './errors'
import type { StoredRecord } from './keys'
import type { Model } from './Model'
import { normalize } from './normalize'
import type { NormalizeOptions, Normalized, SavedNode } from './normalize'
import { deleteRecords, hasDeleteRules } from './deleteRules'
import { Query } from './query'
import type { RelationConstraint } from './query'
import type { HasOperator } from './relationQueries'
import { writesOf } from './unlink'
import { keysOfIds } from './keys'
import { hasGeneratedKey } from './schema'
import type { Schema } from './schema'
import type { Item, KeyOf, ModelClass, RecordInput } from './types'

/**
 * The entry point to one model's records in one Pinia instance: saves, reads and deletes, and
 * every query method as a shortcut to `query()`. Made by `useRepo(Model)`.
 */
export class Repository<M extends ModelClass = ModelClass> {
  /** The model class this repository serves. */
  readonly use: M
  /** @internal */
  readonly _db: Database
  /** @internal */
  readonly _schema: Schema

  /** @internal */
  constructor(db: Database, model: M) {
    this.use = model
    this._db = db
    this._schema = db.register(model)
  }

  /** A new query on this model's records. */
  query(): Query<M> {
    return new Query<M>(this._db, this._schema)
  }

  /** The Pinia store that keeps this model's records. */
  piniaStore(): EntityStore {
    return this._db.store(this._schema.entity)
  }

  /** A new instance of the model with default values, not saved. */
  getModel(): InstanceType<M> {
    return new this.use() as InstanceType<M>
  }

  /** {@inheritDoc Query.where} */
  where(field: string | ((item: Item<M>) => boolean), value?: unknown): Query<M> {
    return this.query().where(field, value)
  }

  /** {@inheritDoc Query.orWhere} */
  orWhere(field: string | ((item: Item<M>) => boolean), value?: unknown): Query<M> {
    return this.query().orWhere(field, value)
  }

  /** {@inheritDoc Query.whereIn} */
  whereIn(field: string, values: Iterable<unknown>): Query<M> {
    return this.query().whereIn(field, values)
  }

  /** {@inheritDoc Query.whereNotIn} */
  whereNotIn(field: string, values: Iterable<unknown>): Query<M> {
    return this.query().whereNotIn(field, values)
  }

  /** {@inheritDoc Query.whereNull} */
  whereNull(field: string): Query<M> {
    return this.query().whereNull(field)
  }

  /** {@inheritDoc Query.whereNotNull} */
  whereNotNull(field: string): Query<M> {
    return this.query().whereNotNull(field)
  }

  /** {@inheritDoc Query.whereId} */
  whereId(ids: KeyOf<M> | readonly KeyOf<M>[]): Query<M> {
    return this.query().whereId(ids)
  }

  /** {@inheritDoc Query.orderBy} */
  orderBy(by: string | ((item: Item<M>) => unknown), direction: 'asc' | 'desc' = 'asc'): Query<M> {
    return this.query().orderBy(by, direction)
  }

  /** {@inheritDoc Query.limit} */
  limit(count: number): Query<M> {
    return this.query().limit(count)
  }

  /** {@inheritDoc Query.offset} */
  offset(count: number): Query<M> {
    return this.query().offset(count)
  }

  /** {@inheritDoc Query.with} */
  with(name: string, constraint?: RelationConstraint): Query<M> {
    return this.query().with(name, constraint)
  }

  /** {@inheritDoc Query.withAll} */
  withAll(constraint?: RelationConstraint): Query<M> {
    return this.query().withAll(constraint)
  }

  /** {@inheritDoc Query.withAllRecursive} */
  withAllRecursive(depth?: number): Query<M> {
    return this.query().withAllRecursive(depth)
  }

  /** {@inheritDoc Query.has} */
  has(relation: string, operator?: HasOperator | number, count?: number): Query<M> {
    return this.query().has(relation, operator, count)
  }

  /** {@inheritDoc Query.orHas} */
  orHas(relation: string, operator?: HasOperator | number, count?: number): Query<M> {
    return this.query().orHas(relation, operator, count)
  }

  /** {@inheritDoc Query.doesntHave} */
  doesntHave(relation: string): Query<M> {
    return this.query().doesntHave(relation)
  }

  /** {@inheritDoc Query.orDoesntHave} */
  orDoesntHave(relation: string): Query<M> {
    return this.query().orDoesntHave(relation)
  }

  /** {@inheritDoc Query.whereHas} */
  whereHas(relation: string, constraint?: RelationConstraint, operator?: HasOperator | number, count?: number): Query<M> {
    return this.query().whereHas(relation, constraint, operator, count)
  }

  /** {@inheritDoc Query.orWhereHas} */
  orWhereHas(relation: string, constraint?: RelationConstraint, operator?: HasOperator | number, count?: number): Query<M> {
    return this.query().orWhereHas(relation, constraint, operator, count)
  }

  /** {@inheritDoc Query.whereDoesntHave} */
  whereDoesntHave(relation: string, constraint?: RelationConstraint): Query<M> {
    return this.query().whereDoesntHave(relation, constraint)
  }

  /** {@inheritDoc Query.orWhereDoesntHave} */
  orWhereDoesntHave(relation: string, constraint?: RelationConstraint): Query<M> {
    return this.query().orWhereDoesntHave(relation, constraint)
  }

  /** Every record of the model, without relations. */
  all(): Item<M>[] {
    return this.query().get()
  }

  /** {@inheritDoc Query.find} */
  find(id: KeyOf<M>): Item<M> | null
  find(ids: readonly KeyOf<M>[]): Item<M>[]
  find(ids: KeyOf<M> | readonly KeyOf<M>[]): Item<M> | Item<M>[] | null {
    return this.query().find(ids as KeyOf<M>)
  }

  /**
   * Inserts or updates records, with nested related records: they are split into their entity
   * stores and the keys linking them are filled in. An existing record keeps the fields the input
   * leaves out. Each store is written once. Returns model instances with the nested relations.
   */
  save(record: RecordInput): Item<M>
  save(records: RecordInput[]): Item<M>[]
  save(records: RecordInput | RecordInput[]): Item<M> | Item<M>[] {
    return this.persist(records, { relations: true, merge: true })
  }

  /**
   * Inserts records as given, replacing any record with the same key; relations are ignored.
   */
  insert(record: RecordInput): Item<M>
  insert(records: RecordInput[]): Item<M>[]
  insert(records: RecordInput | RecordInput[]): Item<M> | Item<M>[] {
    return this.persist(records, { relations: false, merge: false })
  }

  /**
   * Replaces all records of the model with the given ones; relations are ignored.
   */
  fresh(record: RecordInput): Item<M>
  fresh(records: RecordInput[]): Item<M>[]
  fresh(records: RecordInput | RecordInput[]): Item<M> | Item<M>[] {
    const schema = this._schema
    const { roots, batches } = this.normalize(records, { relations: false, merge: false })
    const data: Record<string, StoredRecord> = {}
    for (const [key, record] of batches.get(schema) ?? [])
      data[key] = record
    this._db.replace(schema.entity, data)
    return this.result(records, roots)
  }

  /** A model instance (or several) filled from `attributes` and defaults, not saved. */
  make(attributes?: RecordInput): Item<M>
  make(attributes: RecordInput[]): Item<M>[]
  make(attributes?: RecordInput | RecordInput[]): Item<M> | Item<M>[] {
    if (Array.isArray(attributes))
      return attributes.map(values => new this.use(values)) as Item<M>[]
    return new this.use(attributes) as Item<M>
  }

  /** Saves a record with every field at its default; the primary key must be a `uid`. */
  new(): Item<M> {
    const schema = this._schema
    if (!hasGeneratedKey(schema))
      throw createOrmError(`new() on ${schema.name} needs a generated primary key. Declare ${schema.primaryKey.map(field => `'${field}'`).join(', ')} with this.uid(), or use save() with a key.`)
    return this.save({})
  }

  /**
   * Deletes the record with this primary key and returns it (or `null`); given a list of keys,
   * deletes those found and returns them.
   */
  destroy(id: KeyOf<M>): Item<M> | null
  destroy(ids: readonly KeyOf<M>[]): Item<M>[]
  destroy(ids: KeyOf<M> | readonly KeyOf<M>[]): Item<M> | Item<M>[] | null {
    const schema = this._schema
    const { keys, many } = keysOfIds(ids, schema.primaryKey)
    const data = this._db.data(schema.entity)
    const deleted: Item<M>[] = []
    const found = new Set<string>()
    for (const key of keys) {
      const record = data[key]
      if (record !== undefined && !found.has(key)) {
        found.add(key)
        deleted.push(schema.hydrate(record) as Item<M>)
      }
    }
    deleteRecords(this._db, schema, [...found])
    return many ? deleted : deleted[0] ?? null
  }

  /** Deletes every record of the model and returns them. */
  flush(): Item<M>[] {
    const deleted = this.all()
    if (hasDeleteRules(this._schema))
      deleteRecords(this._db, this._schema, Object.keys(this._db.data(this._schema.entity)))
    else
      this._db.replace(this._schema.entity, {})
    return deleted
  }

  private normalize(records: RecordInput | RecordInput[], options: NormalizeOptions): Normalized {
    const db = this._db
    // One read of each store per save, not one per record.
    const stores = new Map<Schema, Record<string, StoredRecord>>()
    return normalize({
      link: (owner, field) => db.link(owner, field),
      stored(schema, key) {
        let data = stores.get(schema)
        if (!data)
          stores.set(schema, data = db.data(schema.entity))
        return data[key]
      },
    }, this._schema, records, options)
  }

  /** Normalizes, then writes every store once; nothing is written when the input is bad. */
  private persist(records: RecordInput | RecordInput[], options: NormalizeOptions): Item<M> | Item<M>[] {
    const normalized = this.normalize(records, options)
    for (const [schema, batch] of writesOf(this._db, normalized))
      this._db.write(schema.entity, batch)
    return this.result(records, normalized.roots)
  }

  /** The model instances a write returns, with the nested relations of the input. */
  private result(records: RecordInput | RecordInput[], roots: SavedNode[]): Item<M> | Item<M>[] {
    const building = new Set<SavedNode>()
    const instantiate = (node: SavedNode): Model => {
      // node.attributes is the very record its batch holds: saves two Map lookups per record.
      const instance = node.schema.hydrate(node.attributes) as unknown as Record<string, unknown>
      const { fields, links } = node
      // A record reached again inside itself (cyclic input) is returned with its attributes only.
      if (fields === undefined || building.has(node))
        return instance as unknown as Model
      building.add(node)
      for (let i = 0; i < fields.length; i++) {
        const link = links![i]!
        instance[fields[i]!] = link === null ? null : Array.isArray(link) ? link.map(instantiate) : instantiate(link)
      }
      building.delete(node)
      return instance as unknown as Model
    }
    const items = roots.map(instantiate) as Item<M>[]
    return Array.isArray(records) ? items : items[0]!
  }
}

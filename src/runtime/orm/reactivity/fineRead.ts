import { sameFields } from '../sameFields'
import type { Database } from '../database'
import type { EagerList } from '../eagerLoad'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { RelationCondition } from '../relationQueries'
import type { ModelInstance, Schema } from '../relations/Relation'

// A read inside an effect (computed, watcher, render) depends on what it read, not on whole
// entities: the records it returned, the fields it filtered and sorted by, records being added or
// removed, and the records each loaded relation matches. Queries whose dependencies cannot be
// named so (a function `where`, relation constraints, pivot and morph relations) keep depending on
// every write to the entities they read.

/**
 * Above this many records, a read depends on any change to their entity through one signal: a
 * dependency per record would cost more to track than the re-runs it saves.
 */
const MANY = 128

/** What a fine-grained read needs to know of a query. @internal */
export interface QueryShape {
  readonly wheres: readonly { readonly field: unknown, readonly or: boolean, readonly raw?: boolean, readonly relation?: RelationCondition, readonly instance?: boolean }[]
  readonly orders: readonly { readonly by: unknown, readonly instance?: boolean, readonly path?: readonly string[], readonly throughRelation?: boolean }[]
  readonly ids: readonly string[] | undefined
  readonly take: number | undefined
  readonly skip: number
  readonly grouped: boolean
}

/** The query as the read sees it. @internal */
export interface FineSource<Q> {
  readonly _db: Database
  readonly _schema: Schema
  readonly _eager: EagerList<Q>
  /** Set while the read runs, so that its own nested call does not wrap it again. */
  _reading: boolean
  _shape: () => QueryShape
  /** A test of a stored record against the query's `where`s as they are at the read. */
  _filter: () => (record: StoredRecord) => boolean
}

/**
 * Runs a read of `query` that an effect is collecting dependencies of: in fine mode when its
 * dependencies can be named (then tracks them from the result), else as before.
 *
 * @internal
 */
export function _readFinely<Q, T extends ModelInstance | ModelInstance[] | null>(query: FineSource<Q>, run: () => T): T {
  const db = query._db
  const fine = isFine(db, query._schema, query._shape(), query._eager)
  const outer = db._fine
  db._fine = fine
  query._reading = true
  let result: T
  try {
    result = run()
  }
  finally {
    db._fine = outer
    query._reading = false
  }
  // The shape after the read: `find()` sets the ids it looks up.
  if (fine)
    trackRead(db, query, query._shape(), result === null ? [] : Array.isArray(result) ? result : [result])
  return result
}

function isFine<Q>(db: Database, schema: Schema, shape: QueryShape, eager: EagerList<Q>): boolean {
  if (shape.grouped)
    return false
  for (const where of shape.wheres) {
    // A field read on instances (cast or mutator): the filter of stored records cannot test it.
    if (typeof where.field !== 'string' || where.instance)
      return false
  }
  for (const order of shape.orders) {
    // A getter is no stored field whose changes could be tracked, nor a related record's field,
    // nor a value inside a field (tracked by the field's name, it would never change).
    if (typeof order.by !== 'string' || order.instance || order.path)
      return false
  }
  return isFineLoad(db, schema, eager)
}

function isFineLoad<Q>(db: Database, schema: Schema, eager: EagerList<Q>): boolean {
  for (const load of eager) {
    const field = load.name
    if (!schema.relations.has(field))
      continue
    const link = db.link(schema, field)
    if (!link.keys || link.pivot || link.targets.length !== 1 || load.constraints.length > 0)
      return false
    if (load.nested.length > 0 && !isFineLoad(db, link.related, load.nested))
      return false
  }
  return true
}

function trackRead<Q>(db: Database, query: FineSource<Q>, shape: QueryShape, items: readonly ModelInstance[]): void {
  const { _schema: schema, _eager: eager } = query
  const signals = db._signals
  const entity = schema.entity
  signals.outside(entity)
  if (items.length > MANY || (shape.ids !== undefined && shape.ids.length > MANY)) {
    // Too many records to depend on one by one: on a change to any record the filter matched or
    // matches (a record it matches neither before nor after cannot change the result).
    if (shape.ids === undefined && shape.wheres.length > 0)
      signals.matching(entity, query._filter())
    else
      signals.any(entity)
  }
  else if (shape.ids !== undefined && !shape.wheres.some(where => where.or)) {
    // Only these records can match: each one's changes (and its arrival) are what matter.
    for (const id of shape.ids)
      signals.record(entity, id)
  }
  else {
    signals.members(entity)
    for (const where of shape.wheres)
      signals.field(entity, where.field as string)
    for (const order of shape.orders)
      signals.field(entity, order.by as string)
    for (const item of items)
      signals.record(entity, keyOf(item as unknown as StoredRecord, schema.primaryKey)!)
  }
  if (eager.length > 0)
    trackLoads(db, schema, items, eager)
}

/** Depends on the records each parent's relations match, down the nested loads. */
function trackLoads<Q>(db: Database, schema: Schema, parents: readonly ModelInstance[], eager: EagerList<Q>): void {
  const signals = db._signals
  for (const load of eager) {
    const field = load.name
    if (!schema.relations.has(field))
      continue
    const link = db.link(schema, field)
    const { related } = link
    const keys = link.keys!
    const byPrimaryKey = sameFields(keys.related, related.primaryKey)
    signals.outside(related.entity)
    const many = parents.length > MANY
    if (many)
      signals.any(related.entity)
    if (many && load.nested.length === 0)
      continue
    const children: ModelInstance[] = []
    for (const parent of parents) {
      const key = many ? undefined : keyOf(parent as unknown as StoredRecord, keys.parent)
      if (key !== undefined) {
        if (byPrimaryKey)
          signals.record(related.entity, key)
        else
          signals.bucket(related.entity, keys.related, key)
      }
      if (load.nested.length === 0)
        continue
      const value = (parent as unknown as Record<string, unknown>)[field] as ModelInstance | ModelInstance[] | null | undefined
      if (Array.isArray(value))
        children.push(...value)
      else if (value)
        children.push(value)
    }
    if (load.nested.length > 0)
      trackLoads(db, related, children, load.nested)
  }
}

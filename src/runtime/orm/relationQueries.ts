import type { Database } from './database'
import { createOrmError } from './errors'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import { _relationNamesWithSubclasses, _subclassOwners } from './inheritedRelations'
import type { ModelInstance, RelationLink, Schema } from './relations/Relation'
import { _schemaForRecord } from './schema'
import { _relatedCounter } from './query/relatedCounts'
import type { RelatedCounter } from './query/relatedCounts'
import { _describedAs } from './query/queryCache'

// Relation queries (has, whereHas, doesntHave, ...): a parent passes when the number of its related
// records (by index) passes the comparison. A constraint tests the records a parent reaches
// (relations by equal keys), or is evaluated once per related model (the others).

/** The comparisons `has()` accepts. */
export type HasOperator = '=' | '==' | '===' | '!=' | '!==' | '<>' | '>' | '>=' | '<' | '<='

/**
 * What a relation query asks, for readers that keep its result up to date (live queries): the
 * relation (`nested` when the name was dotted) and the constraint on its records.
 *
 * @internal
 */
export interface RelationCondition {
  readonly field: string
  readonly nested: boolean
  /** The relations below `field` of a dotted name, in order. */
  readonly path: readonly string[]
  readonly constraint: ((query: never) => void) | undefined
}

/** What relation queries need of a query. */
export interface RelationWhereQuery<Q> {
  readonly _db: Database
  readonly _schema: Schema
  _whereRecord(test: (record: StoredRecord) => boolean, or: boolean, relation?: RelationCondition): unknown
  _selectFrom(records: StoredRecord[]): ModelInstance[]
  /** The records the query's constraints accept, without instances; `undefined` when it orders or pages. */
  _acceptedRecords(records: StoredRecord[]): StoredRecord[] | undefined
  /** A test of one stored record against the query's constraints; `undefined` when it orders or pages. */
  _recordTest(): ((record: StoredRecord) => boolean) | undefined
  whereHas(relation: string, constraint?: (query: Q) => void, operator?: HasOperator | number, count?: number): unknown
  /** Set when the constraint is shared by several models (a morphTo's). */
  _sharedConstraint?: boolean
}

const COMPARE: Record<HasOperator, (count: number, expected: number) => boolean> = {
  '=': (a, b) => a === b,
  '==': (a, b) => a === b,
  '===': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '!==': (a, b) => a !== b,
  '<>': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
}

/**
 * The comparison of `has(relation, operator?, count?)`: `has(r)` is `>= 1`, `has(r, 2)` is `>= 2`.
 *
 * @internal
 */
export function hasComparison(schema: Schema, relation: string, operator: HasOperator | number | undefined, count: number | undefined): (n: number) => boolean {
  const given = typeof operator === 'number' ? operator : count
  if (given !== undefined && (typeof given !== 'number' || Number.isNaN(given)))
    throw createOrmError(`has() on ${schema.name}.${relation}: the count to compare with must be a number, not ${typeof given === 'string' ? `'${given}'` : String(given)}, e.g. has('${relation}', '>', 2).`)
  if (operator === undefined)
    return n => n >= (count ?? 1)
  if (typeof operator === 'number')
    return n => n >= operator
  const compare = Object.prototype.hasOwnProperty.call(COMPARE, operator) ? COMPARE[operator] : undefined
  if (!compare)
    throw createOrmError(`has() on ${schema.name}.${relation}: '${String(operator)}' is not an operator has() knows. Use one of ${Object.keys(COMPARE).join(', ')}, e.g. has('${relation}', '>', 2).`)
  const expected = count ?? 1
  return n => compare(n, expected)
}

/**
 * Adds a relation condition to `query`: its records pass when the count of their related records
 * under `relation` (passing `constraint`) passes the comparison, or fails it when `negate`.
 *
 * @internal
 */
export function addRelationWhere<Q extends RelationWhereQuery<Q>>(query: Q, relation: string, constraint: ((query: Q) => void) | undefined, operator: HasOperator | number | undefined, count: number | undefined, or: boolean, negate: boolean): void {
  const { _db: db, _schema: schema } = query
  const dot = relation.indexOf('.')
  const field = dot === -1 ? relation : relation.slice(0, dot)
  const rest = dot === -1 ? undefined : relation.slice(dot + 1)
  // Under single-table inheritance, a relation only subclasses declare (see inheritedRelations.ts).
  const owners = schema.relations.has(field) ? undefined : _subclassOwners(db, schema, field)
  if (owners !== undefined && owners.length === 0) {
    const known = _relationNamesWithSubclasses(db, schema).join(', ') || 'none'
    throw createOrmError(`has()/whereHas() on ${schema.name}: '${field}'${rest ? ` (in '${relation}')` : ''} is not a relation of ${schema.name}. Its relations are: ${known}.`)
  }
  if (constraint !== undefined && typeof constraint !== 'function')
    throw createOrmError(`whereHas() on ${schema.name}.${field}: the constraint must be a function that narrows the related query, e.g. whereHas('${field}', query => query.where('published', true)), not ${constraint === null ? 'null' : typeof constraint}.`)
  // A dotted name asks the last relation, below related records that must have it.
  const compare = hasComparison(schema, relation, operator, count)
  const passes = rest === undefined ? compare : (n: number) => n >= 1
  const narrow: ((query: Q) => void) | undefined = rest === undefined
    ? constraint
    : sub => sub.whereHas(rest, constraint, operator, count)
  const make = (schema: Schema) => new (query.constructor as new (db: Database, schema: Schema) => Q)(db, schema)
  const asked = { field, nested: rest !== undefined, path: rest === undefined ? [] : rest.split('.'), constraint: constraint as ((query: never) => void) | undefined }
  // What the test stands for in a cache key: the call, not the closure made for it.
  const description = ['has', relation, operator ?? null, count ?? null, negate, constraint ?? null]
  if (owners !== undefined) {
    query._whereRecord(_describedAs(subclassTest(db, schema, owners, field, narrow, make, passes, negate), description), or, asked)
    return
  }
  const link = db.link(schema, field)
  // A to-one relation loads one record at most, however many hold the key: it counts as that.
  const most = link.many ? Infinity : 1
  // Made again after any write, so a query kept and run later sees the data as it is then.
  let made = -1
  let counter: RelatedCounter | undefined
  query._whereRecord(_describedAs((record: StoredRecord) => {
    if (counter === undefined || made !== db._writeCount()) {
      counter = relatedCounter(db, link, narrow, make)
      made = db._writeCount()
    }
    return passes(Math.min(counter(record), most)) !== negate
  }, description), or, asked)
}

/**
 * The test of a relation only subclasses declare: a record of such a subclass counts through its
 * type's relation, any other has no related record (as pinia-orm finds the relation in `types()`).
 */
function subclassTest<Q extends RelationWhereQuery<Q>>(db: Database, schema: Schema, owners: readonly Schema[], field: string, narrow: ((query: Q) => void) | undefined, make: (schema: Schema) => Q, passes: (n: number) => boolean, negate: boolean): (record: StoredRecord) => boolean {
  let made = -1
  const counters = new Map<Schema, RelatedCounter>()
  return (record) => {
    if (made !== db._writeCount()) {
      counters.clear()
      made = db._writeCount()
    }
    const own = _schemaForRecord(schema, record)
    if (!owners.includes(own))
      return passes(0) !== negate
    let counter = counters.get(own)
    if (counter === undefined)
      counters.set(own, counter = relatedCounter(db, db.link(own, field), narrow, make))
    return passes(counter(record)) !== negate
  }
}

/**
 * How a parent's related records are counted. Equal keys (hasOne, hasMany, belongsTo): one lookup
 * per parent in the index, its records tested by the constraint (see relatedCounts.ts).
 * Otherwise, and for a constraint that orders or pages (it selects instances, whose casts and
 * hidden fields make them no key source), the parent's linked ids through the relation's reader,
 * those the constraint accepted counted.
 */
function relatedCounter<Q extends RelationWhereQuery<Q>>(db: Database, link: RelationLink, narrow: ((query: Q) => void) | undefined, make: (schema: Schema) => Q): RelatedCounter {
  const keys = !link.pivot && link.targets.length === 1 ? link.keys : undefined
  if (keys !== undefined) {
    if (narrow === undefined)
      return _relatedCounter(db, link.related, keys, undefined)
    const sub = make(link.related)
    narrow(sub)
    const accept = sub._recordTest()
    if (accept !== undefined)
      return _relatedCounter(db, link.related, keys, accept)
  }
  const read = link.reader()
  const accepted = narrow && acceptedKeys(db, link.targets, narrow, make)
  return (record) => {
    const linked = read(record)
    if (linked === undefined)
      return 0
    if (accepted === undefined)
      return linked.ids.length
    const keep = accepted.get(linked.schema)
    let n = 0
    if (keep !== undefined) {
      for (const id of linked.ids) {
        if (keep.has(id))
          n++
      }
    }
    return n
  }
}

/** The keys of each target's records that pass the constraint. */
function acceptedKeys<Q extends RelationWhereQuery<Q>>(db: Database, targets: readonly Schema[], narrow: (query: Q) => void, make: (schema: Schema) => Q): Map<Schema, Set<string>> {
  const accepted = new Map<Schema, Set<string>>()
  for (const target of targets) {
    const sub = make(target)
    if (targets.length > 1)
      sub._sharedConstraint = true
    narrow(sub)
    const keys = new Set<string>()
    const records = Object.values(db.data(target.entity))
    for (const record of sub._acceptedRecords(records) ?? sub._selectFrom(records) as unknown as StoredRecord[])
      keys.add(keyOf(record, target.primaryKey)!)
    accepted.set(target, keys)
  }
  return accepted
}

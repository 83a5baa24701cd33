import type { Database } from './database'
import { createOrmError } from './errors'
import { _itemsOf, _relationNamesWithSubclasses, _subclassOwners } from './inheritedRelations'
import { _recordsAt, hasRecord, recordAt } from './ownRecords'
import { _markFilledEmpty } from './filledRelations'
import { didYouMean } from './suggest'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import type { ModelInstance, RelationLink, Schema } from './relations/Relation'
import { sameFields } from './sameFields'
import type { Model } from './Model'
import { _showFields } from './queryVisibility'
import type { VisibilityOverride } from './visibility'

// Eager loading (`with()`, `load()`): each relation type plugs in through its bound link; the
// equal-keys relations (hasOne, hasMany, belongsTo) take a fast path of one lookup per parent.

/**
 * One relation to load: its name, the constraints on its query and the relations to load below it.
 * Lists of loads are arrays, not maps: a query loads a few relations, and walking an array by index
 * allocates nothing where a map's iterator would, on every read.
 */
export interface EagerLoad<Q> {
  readonly name: string
  readonly constraints: readonly ((query: Q) => void)[]
  readonly nested: EagerList<Q>
  /** A constraint written for several relations' models (`withAll(constraint)`) is among them. */
  readonly shared?: true
}

/** The relations a query loads, in the order `with()` named them. */
export type EagerList<Q> = readonly EagerLoad<Q>[]

/** What eager loading needs of the query of a related model. */
export interface EagerQuery<Q> {
  _eager: EagerList<Q>
  /** Filters, sorts and pages `records` (a list made for the call, which may come back holding the instances) as the query says, as model instances. */
  _selectFrom: (records: StoredRecord[]) => ModelInstance[]
  /** Whether the query only loads (nothing changes which records come back). */
  _isPlain: () => boolean
  /** Set when the constraint is shared by several models (a morphTo's, or withAll()'s). */
  _sharedConstraint?: boolean
  /** Fields the constraint made hidden or visible (`makeHidden()`, `makeVisible()`, `withMeta()`). */
  _visibility?: VisibilityOverride
}

const NONE: readonly string[] = Object.freeze([])
const NONE_CONSTRAINTS: readonly never[] = Object.freeze([])

/**
 * The loads after adding a relation to `eager` (which is never changed: the result is a new list
 * when anything is added). A dotted name (`'phone.user'`) loads nested relations; the constraint
 * applies to the query of the last one. Throws for a name that is not a relation. `shared` marks a
 * constraint written for the models of several relations (see {@link EagerQuery._sharedConstraint}).
 *
 * @internal
 */
export function addEager<Q>(db: Database, schema: Schema, eager: EagerList<Q>, name: string, constraint?: (query: Q) => void, shared?: boolean): EagerList<Q> {
  const fields = name.includes('.') ? name.split('.') : [name]
  return addPath(db, [schema], eager, fields, 0, name, constraint, shared)
}

function addPath<Q>(db: Database, schemas: readonly Schema[], list: EagerList<Q>, fields: readonly string[], at: number, path: string, constraint: ((query: Q) => void) | undefined, shared?: boolean): EagerList<Q> {
  const field = fields[at]!
  let owners: readonly Schema[] = schemas.filter(owner => owner.relations.has(field))
  if (owners.length === 0)
    owners = schemas.flatMap(owner => _subclassOwners(db, owner, field))
  if (owners.length === 0)
    throw unknownRelationError(schemas[0]!, _relationNamesWithSubclasses(db, schemas[0]!), field, path)
  const targets = owners.flatMap(owner => db.link(owner, field).targets)
  const index = list.findIndex(load => load.name === field)
  const current: EagerLoad<Q> = index === -1 ? { name: field, constraints: [], nested: [] } : list[index]!
  const last = at === fields.length - 1
  // The relation a call names takes that call's constraint, or none, in place of an earlier
  // call's, as pinia-orm's with() replaces (`with('posts', published).withAll()` loads every post);
  // what is nested below it stays.
  const load: EagerLoad<Q> = {
    name: field,
    constraints: last ? (constraint ? [constraint] : NONE_CONSTRAINTS) : current.constraints,
    nested: last ? current.nested : addPath(db, targets, current.nested, fields, at + 1, path, constraint, shared),
  }
  if (last ? constraint && shared : current.shared)
    (load as { shared?: true }).shared = true
  return index === -1 ? [...list, load] : list.map((other, i) => i === index ? load : other)
}

/**
 * What `with(name)` loads when it is the query's first relation and has no constraint: one list
 * per Pinia, model and name, shared by every such query (lists are never changed), so
 * `useRepo(User).with('phone').find(1)` allocates nothing for it.
 *
 * @internal
 */
export function sharedLoad<Q>(db: Database, schema: Schema, name: string): EagerList<Q> {
  const cache = db._sharedLoads
  let byName = cache.get(schema)
  if (!byName)
    cache.set(schema, byName = new Map())
  let list = byName.get(name)
  if (!list)
    byName.set(name, list = Object.freeze(addEager<Q>(db, schema, [], name)))
  return list as EagerList<Q>
}

/**
 * Loads the relations of `eager` into `items`, model instances of `schema`. Missing single relations
 * load as `null`, missing lists as `[]`.
 *
 * @internal
 */
export function loadEager<Q extends EagerQuery<Q>>(db: Database, schema: Schema, items: readonly ModelInstance[], eager: EagerList<Q>, newQuery: (db: Database, schema: Schema) => Q): void {
  if (items.length === 0)
    return
  for (let i = 0; i < eager.length; i++) {
    const load = eager[i]!
    if (schema.relations.has(load.name)) {
      loadRelation(db, db.link(schema, load.name), items, load, newQuery)
      continue
    }
    for (const owner of _subclassOwners(db, schema, load.name)) {
      const own = _itemsOf(owner, items)
      if (own.length > 0)
        loadRelation(db, db.link(owner, load.name), own, load, newQuery)
    }
  }
}

/**
 * Like {@link loadEager}, for one model instance (what `find(id)` returns).
 *
 * @internal
 */
export function loadEagerOne<Q extends EagerQuery<Q>>(db: Database, schema: Schema, item: ModelInstance, eager: EagerList<Q>, newQuery: (db: Database, schema: Schema) => Q): void {
  for (let i = 0; i < eager.length; i++) {
    const load = eager[i]!
    if (!schema.relations.has(load.name)) {
      // A relation of a subclass, under single-table inheritance.
      loadEager(db, schema, [item], [load], newQuery)
      continue
    }
    const link = db.link(schema, load.name)
    if (isPlainByKeys(link, load))
      loadPlainByKeys(db, link, item)
    else
      loadRelation(db, link, [item], load, newQuery)
  }
}

/** Whether a load takes the equal-keys path with nothing below it and no constraint. */
function isPlainByKeys<Q>(link: RelationLink, load: EagerLoad<Q>): boolean {
  return load.constraints.length === 0 && load.nested.length === 0 && link.keys !== undefined && !link.pivot && link.targets.length === 1
}

function loadRelation<Q extends EagerQuery<Q>>(db: Database, link: RelationLink, parents: readonly ModelInstance[], load: EagerLoad<Q>, newQuery: (db: Database, schema: Schema) => Q): void {
  if (isPlainByKeys(link, load)) {
    loadPlainByKeys(db, link, parents)
    return
  }
  // A related query only when something narrows or extends what a lookup finds.
  const needsQuery = load.constraints.length > 0 || load.nested.length > 0
  const subs = new Map<Schema, Q>()
  const sub = (schema: Schema): Q | undefined => {
    if (!needsQuery)
      return undefined
    let query = subs.get(schema)
    if (!query) {
      query = newQuery(db, schema)
      if (link.targets.length > 1 || load.shared)
        query._sharedConstraint = true
      for (const constraint of load.constraints)
        constraint(query)
      const own = load.nested.filter(nested => schema.relations.has(nested.name) && !query!._eager.some(other => other.name === nested.name))
      if (own.length > 0)
        query._eager = [...query._eager, ...own]
      subs.set(schema, query)
    }
    return query
  }
  // The loaded records, by model, only for the nested loads below them.
  const children = needsQuery ? new Map<Schema, ModelInstance[]>() : undefined
  if (link.keys && !link.pivot && link.targets.length === 1)
    loadByKeys(db, link, parents, sub(link.related), children)
  else
    loadByReader(db, link, parents, sub, children)
  if (children === undefined)
    return
  for (const [schema, found] of children) {
    const query = subs.get(schema)
    if (query?._visibility)
      _showFields(db, schema, found as unknown as Model[], query._visibility)
    if (query && query._eager.length > 0)
      loadEager(db, schema, found, query._eager, newQuery)
  }
}

/**
 * Relations matched by equal keys, loaded as they are (nothing below, no constraint): one lookup
 * per parent, directly or through the index, and no list beyond the related lists themselves.
 */
function loadPlainByKeys(db: Database, link: RelationLink, parents: readonly ModelInstance[] | ModelInstance): void {
  const { related, field, many } = link
  const parentKeys = link.keys!.parent
  const relatedKeys = link.keys!.related
  const data = db.data(related.entity)
  const index = sameFields(relatedKeys, related.primaryKey) ? undefined : db.index(related.entity, relatedKeys, data)
  const single = parentKeys.length === 1 ? parentKeys[0]! : undefined
  // One instance (a find) is taken as it is, with no list made for it.
  const list = Array.isArray(parents) ? parents as readonly ModelInstance[] : undefined
  const count = list ? list.length : 1
  for (let p = 0; p < count; p++) {
    const parent = (list ? list[p] : parents) as unknown as Record<string, unknown>
    let key: string | number | undefined
    if (single !== undefined) {
      // A number is looked up as it is: it names the same record (or bucket) as its string.
      const raw = parent[single]
      key = raw === null || raw === undefined ? undefined : typeof raw === 'number' || typeof raw === 'string' ? raw : String(raw)
    }
    else {
      key = keyOf(parent, parentKeys)
    }
    if (key === undefined) {
      setEmpty(parent, field, many)
    }
    else if (index === undefined) {
      const record = recordAt(data, key)
      if (record === undefined) {
        setEmpty(parent, field, many)
      }
      else {
        const item = related.hydrate(record, db)
        parent[field] = many ? [item] : item
      }
    }
    else {
      const ids = index.get(key)
      if (ids === undefined || ids.length === 0) {
        setEmpty(parent, field, many)
      }
      else if (!many) {
        const record = firstAt(data, ids)
        if (record === undefined)
          setEmpty(parent, field, many)
        else
          parent[field] = related.hydrate(record, db)
      }
      else {
        const list = hydrateAll(related, data, ids, db)
        if (list.length === 0)
          setEmpty(parent, field, many)
        else
          parent[field] = list
      }
    }
  }
}

/**
 * The first record stored under `ids` (an index's bucket), and instances of all of them: a record
 * deleted outside `$patch` is still in the bucket (see `_recordsAt`) and is skipped.
 */
function firstAt(data: Record<string, StoredRecord>, ids: readonly string[]): StoredRecord | undefined {
  for (let i = 0; i < ids.length; i++) {
    const record = data[ids[i]!]
    if (record !== undefined)
      return record
  }
  return undefined
}

function hydrateAll(related: Schema, data: Record<string, StoredRecord>, ids: readonly string[], db: Database): ModelInstance[] {
  // Made to its size: a list grown by push() from [] reserves 17 slots.
  // eslint-disable-next-line unicorn/no-new-array -- a length, filled below
  const list: ModelInstance[] = new Array(ids.length)
  let n = 0
  for (let i = 0; i < ids.length; i++) {
    const record = data[ids[i]!]
    if (record !== undefined)
      list[n++] = related.hydrate(record, db)
  }
  if (n < ids.length)
    list.length = n
  return list
}

/** Sets a relation a read found nothing for, marked so that saving the instance back unlinks nothing. */
function setEmpty(parent: Record<string, unknown>, field: string, many: boolean): void {
  const empty = many ? [] : null
  parent[field] = empty
  _markFilledEmpty(parent, field, empty)
}

/** Relations matched by equal keys: each parent's key is looked up directly or through the index. */
function loadByKeys<Q extends EagerQuery<Q>>(db: Database, link: RelationLink, parents: readonly ModelInstance[], sub: Q | undefined, children: Map<Schema, ModelInstance[]> | undefined): void {
  const { related, field, many } = link
  const parentKeys = link.keys!.parent
  const relatedKeys = link.keys!.related
  const data = db.data(related.entity)
  const index = sameFields(relatedKeys, related.primaryKey) ? undefined : db.index(related.entity, relatedKeys, data)
  const plain = sub === undefined || sub._isPlain()
  const found: ModelInstance[] = []
  for (const parent of parents) {
    const key = keyOf(parent as unknown as StoredRecord, parentKeys)
    let value: ModelInstance | ModelInstance[] | null
    if (key === undefined) {
      value = many ? [] : null
    }
    else if (plain && !many) {
      const ids = index ? index.get(key) : undefined
      const record = index ? (ids === undefined ? undefined : firstAt(data, ids)) : recordAt(data, key)
      value = record === undefined ? null : related.hydrate(record, db)
      if (value)
        found.push(value)
    }
    else {
      const ids = index ? index.get(key) ?? NONE : hasRecord(data, key) ? [key] : NONE
      let list: ModelInstance[]
      if (plain)
        list = hydrateAll(related, data, ids, db)
      else
        list = sub!._selectFrom(_recordsAt(data, ids))
      value = many ? list : list[0] ?? null
      if (many)
        found.push(...list)
      else if (value)
        found.push(value as ModelInstance)
    }
    (parent as unknown as Record<string, unknown>)[field] = value
    if (value === null || (many && (value as ModelInstance[]).length === 0))
      _markFilledEmpty(parent, field, value)
  }
  children?.set(related, found)
}

/** Every other relation: the link's reader gives each parent's records (and pivots). */
function loadByReader<Q extends EagerQuery<Q>>(db: Database, link: RelationLink, parents: readonly ModelInstance[], sub: (schema: Schema) => Q | undefined, children: Map<Schema, ModelInstance[]> | undefined): void {
  const { field, many, pivot } = link
  const read = link.reader()
  const pivotData = pivot && db.data(pivot.schema.entity)
  const datas = new Map<Schema, Record<string, StoredRecord>>()
  for (const parent of parents) {
    const linked = read(parent as unknown as StoredRecord)
    let list: ModelInstance[] = []
    if (linked !== undefined && linked.ids.length > 0) {
      const { schema, ids, pivots } = linked
      let data = datas.get(schema)
      if (!data)
        datas.set(schema, data = db.data(schema.entity))
      const query = sub(schema)
      if (query === undefined || query._isPlain()) {
        // eslint-disable-next-line unicorn/no-new-array -- a length, filled below
        list = new Array(ids.length)
        let n = 0
        for (let i = 0; i < ids.length; i++) {
          const record = data[ids[i]!]
          if (record === undefined)
            continue
          const item = schema.hydrate(record, db)
          if (pivot)
            (item as unknown as Record<string, unknown>)[pivot.as] = pivot.schema.hydrate(pivotData![pivots![i]!]!, db)
          list[n++] = item
        }
        if (n < ids.length)
          list.length = n
      }
      else {
        list = query._selectFrom(_recordsAt(data, ids))
        if (pivot) {
          const pivotOf = new Map<string, string>()
          ids.forEach((id, i) => pivotOf.has(id) || pivotOf.set(id, pivots![i]!))
          for (const item of list) {
            const id = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
            ;(item as unknown as Record<string, unknown>)[pivot.as] = pivot.schema.hydrate(pivotData![pivotOf.get(id)!]!, db)
          }
        }
      }
      if (children !== undefined) {
        let found = children.get(schema)
        if (!found)
          children.set(schema, found = [])
        for (const item of list)
          found.push(item)
      }
    }
    const value = many ? list : list[0] ?? null
    ;(parent as unknown as Record<string, unknown>)[field] = value
    if (list.length === 0)
      _markFilledEmpty(parent, field, value)
  }
}

/** `known`: the relations a query of `schema` can load (those of its subclasses too). */
function unknownRelationError(schema: Schema, known: readonly string[], field: string, path: string) {
  const hint = known.length > 0 ? `Its relations are: ${known.join(', ')}.` : `${schema.name} has no relations; declare one in fields(), e.g. this.hasOne(...).`
  const where = path === field ? `'${field}'` : `'${field}' (in '${path}')`
  return createOrmError(`with(): ${schema.name} has no relation ${where}.${process.env.NODE_ENV !== 'production' ? didYouMean(field, known) : ''} ${hint}`)
}

import type { Database } from './database'
import { createOrmError } from './errors'
import { hasRecord, recordAt } from './ownRecords'
import { didYouMean } from './suggest'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import type { ModelInstance, RelationLink, Schema } from './relations/Relation'
import { sameFields } from './sameFields'

// Eager loading (`with()`, `load()`): each relation type plugs in through its bound link; the
// equal-keys relations (hasOne, hasMany, belongsTo) take a fast path of one lookup per parent.

/** One relation to load: the constraints on its query and the relations to load below it. */
export interface EagerLoad<Q> {
  constraints: ((query: Q) => void)[]
  nested: Map<string, EagerLoad<Q>>
}

/** What eager loading needs of the query of a related model. */
export interface EagerQuery<Q> {
  readonly _eager: Map<string, EagerLoad<Q>>
  /** Filters, sorts and pages `records` as the query says, as model instances. */
  _selectFrom: (records: StoredRecord[]) => ModelInstance[]
  /** Whether the query only loads (nothing changes which records come back). */
  _isPlain: () => boolean
}

const NONE: readonly string[] = Object.freeze([])

/**
 * What a relation loaded with no constraint and nothing below it carries: one shared object, never
 * changed (addEager replaces it before adding to it), so `with('phone')` allocates nothing for it.
 */
const LEAF: EagerLoad<never> = Object.freeze({ constraints: Object.freeze([]) as never[], nested: new Map() })

/**
 * Adds a relation to load: a dotted name (`'phone.user'`) loads nested relations; the constraint
 * applies to the query of the last one. Throws for a name that is not a relation.
 *
 * @internal
 */
export function addEager<Q>(db: Database, schema: Schema, eager: Map<string, EagerLoad<Q>>, name: string, constraint?: (query: Q) => void): void {
  if (!name.includes('.')) {
    // One level, the usual case: no list of names, no list of owners.
    if (!schema.relations.has(name))
      throw unknownRelationError(schema, name, name)
    db.link(schema, name)
    const load = eager.get(name)
    if (constraint)
      editable(eager, name, load).constraints.push(constraint)
    else if (!load)
      eager.set(name, LEAF as EagerLoad<Q>)
    return
  }
  const fields = name.split('.')
  let schemas = [schema]
  let level = eager
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!
    const owners = schemas.filter(owner => owner.relations.has(field))
    if (owners.length === 0)
      throw unknownRelationError(schemas[0]!, field, name)
    const load = editable(level, field, level.get(field))
    if (constraint && i === fields.length - 1)
      load.constraints.push(constraint)
    schemas = owners.flatMap(owner => db.link(owner, field).targets)
    level = load.nested
  }
}

/** The load of `field` in `level`, made its own (not the shared LEAF) so that it can be added to. */
function editable<Q>(level: Map<string, EagerLoad<Q>>, field: string, load: EagerLoad<Q> | undefined): EagerLoad<Q> {
  if (load && load !== LEAF)
    return load
  const own: EagerLoad<Q> = { constraints: [], nested: new Map() }
  level.set(field, own)
  return own
}

/**
 * Loads the relations of `eager` into `items`, model instances of `schema`. Missing single relations
 * load as `null`, missing lists as `[]`.
 *
 * @internal
 */
export function loadEager<Q extends EagerQuery<Q>>(db: Database, schema: Schema, items: readonly ModelInstance[], eager: ReadonlyMap<string, EagerLoad<Q>>, newQuery: (db: Database, schema: Schema) => Q): void {
  if (items.length === 0)
    return
  for (const [field, load] of eager) {
    if (schema.relations.has(field))
      loadRelation(db, db.link(schema, field), items, load, newQuery)
  }
}

function loadRelation<Q extends EagerQuery<Q>>(db: Database, link: RelationLink, parents: readonly ModelInstance[], load: EagerLoad<Q>, newQuery: (db: Database, schema: Schema) => Q): void {
  // A related query only when something narrows or extends what a lookup finds.
  const needsQuery = load.constraints.length > 0 || load.nested.size > 0
  if (!needsQuery && link.keys && !link.pivot && link.targets.length === 1) {
    loadPlainByKeys(db, link, parents)
    return
  }
  const subs = new Map<Schema, Q>()
  const sub = (schema: Schema): Q | undefined => {
    if (!needsQuery)
      return undefined
    let query = subs.get(schema)
    if (!query) {
      query = newQuery(db, schema)
      for (const constraint of load.constraints)
        constraint(query)
      for (const [name, nested] of load.nested) {
        if (schema.relations.has(name) && !query._eager.has(name))
          query._eager.set(name, nested)
      }
      subs.set(schema, query)
    }
    return query
  }
  const children = new Map<Schema, ModelInstance[]>()
  if (link.keys && !link.pivot && link.targets.length === 1)
    loadByKeys(db, link, parents, sub(link.related), children)
  else
    loadByReader(db, link, parents, sub, children)
  for (const [schema, found] of children) {
    const query = subs.get(schema)
    if (query && query._eager.size > 0)
      loadEager(db, schema, found, query._eager, newQuery)
  }
}

/**
 * Relations matched by equal keys, loaded as they are (nothing below, no constraint): one lookup
 * per parent, directly or through the index, and no list beyond the related lists themselves.
 */
function loadPlainByKeys(db: Database, link: RelationLink, parents: readonly ModelInstance[]): void {
  const { related, field, many } = link
  const parentKeys = link.keys!.parent
  const relatedKeys = link.keys!.related
  const data = db.data(related.entity)
  const index = sameFields(relatedKeys, related.primaryKey) ? undefined : db.index(related.entity, relatedKeys, data)
  const single = parentKeys.length === 1 ? parentKeys[0]! : undefined
  for (let p = 0; p < parents.length; p++) {
    const parent = parents[p] as unknown as Record<string, unknown>
    let key: string | undefined
    if (single !== undefined) {
      const raw = parent[single]
      key = raw === null || raw === undefined ? undefined : typeof raw === 'string' ? raw : String(raw)
    }
    else {
      key = keyOf(parent, parentKeys)
    }
    if (key === undefined) {
      parent[field] = many ? [] : null
    }
    else if (index === undefined) {
      const record = recordAt(data, key)
      const item = record === undefined ? null : related.hydrate(record, db)
      parent[field] = many ? (item === null ? [] : [item]) : item
    }
    else {
      const ids = index.get(key)
      if (!many) {
        parent[field] = ids === undefined || ids.length === 0 ? null : related.hydrate(data[ids[0]!]!, db)
      }
      else {
        const list: ModelInstance[] = []
        if (ids !== undefined) {
          for (let i = 0; i < ids.length; i++)
            list.push(related.hydrate(data[ids[i]!]!, db))
        }
        parent[field] = list
      }
    }
  }
}

/** Relations matched by equal keys: each parent's key is looked up directly or through the index. */
function loadByKeys<Q extends EagerQuery<Q>>(db: Database, link: RelationLink, parents: readonly ModelInstance[], sub: Q | undefined, children: Map<Schema, ModelInstance[]>): void {
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
      const record = index ? (ids === undefined || ids.length === 0 ? undefined : data[ids[0]!]) : recordAt(data, key)
      value = record === undefined ? null : related.hydrate(record, db)
      if (value)
        found.push(value)
    }
    else {
      const ids = index ? index.get(key) ?? NONE : hasRecord(data, key) ? [key] : NONE
      let list: ModelInstance[]
      if (plain) {
        list = []
        for (const id of ids)
          list.push(related.hydrate(data[id]!, db))
      }
      else {
        list = sub!._selectFrom(ids.map(id => data[id]!))
      }
      value = many ? list : list[0] ?? null
      if (many)
        found.push(...list)
      else if (value)
        found.push(value as ModelInstance)
    }
    (parent as unknown as Record<string, unknown>)[field] = value
  }
  children.set(related, found)
}

/** Every other relation: the link's reader gives each parent's records (and pivots). */
function loadByReader<Q extends EagerQuery<Q>>(db: Database, link: RelationLink, parents: readonly ModelInstance[], sub: (schema: Schema) => Q | undefined, children: Map<Schema, ModelInstance[]>): void {
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
        for (let i = 0; i < ids.length; i++) {
          const item = schema.hydrate(data[ids[i]!]!, db)
          if (pivot)
            (item as unknown as Record<string, unknown>)[pivot.as] = pivot.schema.hydrate(pivotData![pivots![i]!]!, db)
          list.push(item)
        }
      }
      else {
        list = query._selectFrom(ids.map(id => data[id]!))
        if (pivot) {
          const pivotOf = new Map<string, string>()
          ids.forEach((id, i) => pivotOf.has(id) || pivotOf.set(id, pivots![i]!))
          for (const item of list) {
            const id = keyOf(item as unknown as StoredRecord, schema.primaryKey)!
            ;(item as unknown as Record<string, unknown>)[pivot.as] = pivot.schema.hydrate(pivotData![pivotOf.get(id)!]!, db)
          }
        }
      }
      let found = children.get(schema)
      if (!found)
        children.set(schema, found = [])
      for (const item of list)
        found.push(item)
    }
    (parent as unknown as Record<string, unknown>)[field] = many ? list : list[0] ?? null
  }
}

function unknownRelationError(schema: Schema, field: string, path: string) {
  const known = [...schema.relations.keys()]
  const hint = known.length > 0 ? `Its relations are: ${known.join(', ')}.` : `${schema.name} has no relations; declare one in fields(), e.g. this.hasOne(...).`
  const where = path === field ? `'${field}'` : `'${field}' (in '${path}')`
  return createOrmError(`with(): ${schema.name} has no relation ${where}.${process.env.NODE_ENV !== 'production' ? didYouMean(field, known) : ''} ${hint}`)
}

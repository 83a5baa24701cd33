import type { StoredRecord } from './keys'
// The database by its contract type (database.ts fills it in): hooks, below the schema, use this file.
import type { DeletePlan, LinkReader, RelationLink, Schema, SchemaDatabase as Database } from './relations/Relation'

// Delete rules (`.onDelete('cascade' | 'set null')`): what deleting records does to the records
// their relations link them to, through every level. Everything is planned on the data as it is,
// then each store is written once; a record already planned for deletion is not visited again, so
// a cycle of cascades ends.

/** The writes a delete makes: per model, `undefined` for a deleted record, else the changed record. */
export type DeleteChanges = Map<Schema, Map<string, StoredRecord | undefined>>

/**
 * Whether deleting a record of `schema` can reach other records.
 *
 * @internal
 */
export function hasDeleteRules(schema: Schema): boolean {
  return schema.relationList.some(relation => relation._onDelete !== undefined)
}

/**
 * The writes deleting the records `keys` of `schema` (and, with `more`, other records) makes,
 * following the delete rules of every relation reached.
 *
 * @internal
 */
export function planDeletes(db: Database, roots: Iterable<readonly [Schema, string]>, refuses?: (schema: Schema, key: string) => boolean): DeleteChanges {
  const changes: DeleteChanges = new Map()
  const queue: [Schema, string][] = []
  const datas = new Map<Schema, Record<string, StoredRecord>>()
  const dataOf = (schema: Schema) => {
    let data = datas.get(schema)
    if (!data)
      datas.set(schema, data = db.data(schema.entity))
    return data
  }
  const changesOf = (schema: Schema) => {
    let map = changes.get(schema)
    if (!map)
      changes.set(schema, map = new Map())
    return map
  }
  /** Whether `key` is a stored record whose deletion is not planned yet. */
  const plannable = (schema: Schema, key: string): boolean => {
    const map = changes.get(schema)
    return !(map !== undefined && map.has(key) && map.get(key) === undefined) && dataOf(schema)[key] !== undefined
  }
  const take = (schema: Schema, key: string): void => {
    changesOf(schema).set(key, undefined)
    queue.push([schema, key])
  }
  // The records a rule reached that refused (their `deleting` hook): each asked once.
  const refusedOf = new Map<Schema, Set<string>>()
  const refused = (schema: Schema, key: string): boolean => {
    let seen = refusedOf.get(schema)
    if (!seen)
      refusedOf.set(schema, seen = new Set())
    if (seen.has(key))
      return true
    seen.add(key)
    return refuses!(schema, key)
  }
  const plan: DeletePlan = {
    remove(schema, key) {
      // A record a rule reaches may refuse: kept, with all it links to.
      if (plannable(schema, key) && (refuses === undefined || !refused(schema, key)))
        take(schema, key)
    },
    nullify(schema, key, fields) {
      const map = changesOf(schema)
      const current = map.has(key) ? map.get(key) : dataOf(schema)[key]
      if (current === undefined)
        return
      const next = { ...current }
      for (const field of fields)
        next[field] = null
      map.set(key, next)
    },
  }
  // The roots' own hooks ran before: they are planned as they are.
  for (const [schema, key] of roots) {
    if (plannable(schema, key))
      take(schema, key)
  }
  const readers = new Map<RelationLink, LinkReader>()
  for (let i = 0; i < queue.length; i++) {
    const [schema, key] = queue[i]!
    if (!hasDeleteRules(schema))
      continue
    const record = dataOf(schema)[key]!
    const { relationNames, relationList } = schema
    for (let r = 0; r < relationList.length; r++) {
      const rule = relationList[r]!._onDelete
      if (rule === undefined)
        continue
      const link = db.link(schema, relationNames[r]!, relationList[r])
      let read = readers.get(link)
      if (!read)
        readers.set(link, read = link.reader())
      link.deleted(record, rule, plan, read)
    }
  }
  return changes
}

/**
 * Deletes the records of `schema` under the keys of `deletions` (each mapped to `undefined`, as
 * `Database.write` takes a deletion), applying delete rules, writing each store once.
 *
 * @internal
 */
export function deleteRecords(db: Database, schema: Schema, deletions: ReadonlyMap<string, undefined>): void {
  if (!hasDeleteRules(schema)) {
    db.write(schema.entity, deletions)
    return
  }
  for (const [target, changes] of planDeletesOf(db, schema, deletions))
    db.write(target.entity, changes)
}

/**
 * {@link planDeletes} for records of one model, under the keys of `deletions`.
 *
 * @internal
 */
export function planDeletesOf(db: Database, schema: Schema, deletions: ReadonlyMap<string, undefined>, refuses?: (schema: Schema, key: string) => boolean): DeleteChanges {
  const roots: (readonly [Schema, string])[] = []
  for (const key of deletions.keys())
    roots.push([schema, key])
  return planDeletes(db, roots, refuses)
}

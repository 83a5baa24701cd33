import { sameFields } from '../sameFields'
import type { Database } from '../database'
import type { EagerList, EagerLoad } from '../eagerLoad'
import { branchOf } from './liveBranch'
import type { BranchNode, BranchQuery } from './liveBranch'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { hasRecord } from '../ownRecords'
import type { ModelInstance, Schema } from '../relations/Relation'

/**
 * A relation a live query keeps loaded without re-running the query: matched by equal keys
 * (hasOne, hasMany, belongsTo), with no constraint and nothing nested below it.
 *
 * @internal
 */
export interface LiveRelation<E> {
  readonly field: string
  readonly related: Schema
  readonly many: boolean
  readonly parentKeys: readonly string[]
  readonly relatedKeys: readonly string[]
  readonly byPrimaryKey: boolean
  /**
   * The result entries whose item holds this relation, by the value of their parent keys: one
   * entry alone (the usual case, a key is a parent's own id), or a set when several share a key.
   */
  readonly parents: Map<string, E | Set<E>>
}

/**
 * The relations of `eager` as live relations (one level, by keys, no constraint) and live branches
 * (the others), or `undefined` when one of them cannot be kept up to date from its writes alone
 * (the live query then re-runs instead).
 *
 * @internal
 */
export function liveRelations<E, Q extends BranchQuery<Q>>(db: Database, schema: Schema, eager: EagerList<Q>, newQuery: (schema: Schema) => Q): { relations: LiveRelation<E>[], branches: { load: EagerLoad<Q>, node: BranchNode<E> }[] } | undefined {
  const relations: LiveRelation<E>[] = []
  const branches: { load: EagerLoad<Q>, node: BranchNode<E> }[] = []
  for (const load of eager) {
    const field = load.name
    if (!schema.relations.has(field))
      continue
    const link = db.link(schema, field)
    if (!link.keys || link.pivot || link.targets.length !== 1 || load.constraints.length > 0 || load.nested.length > 0) {
      const node = branchOf<E, Q>(db, schema, load, newQuery)
      if (!node)
        return undefined
      branches.push({ load, node })
      continue
    }
    const { related, many } = link
    relations.push({ field, related, many, parentKeys: link.keys.parent, relatedKeys: link.keys.related, byPrimaryKey: sameFields(link.keys.related, related.primaryKey), parents: new Map() })
  }
  return { relations, branches }
}

const NONE: readonly string[] = Object.freeze([])
const NO_CHANGES: ReadonlySet<string> = new Set()

/**
 * What the relation holds for a parent whose keys are `key`, as a fresh `with()` would load it.
 * Related instances in `previous` whose records are not in `changed` are kept, so they keep their
 * identity.
 *
 * @internal
 */
export function relationValue<E>(db: Database, relation: LiveRelation<E>, key: string | undefined, previous?: unknown, changed: ReadonlySet<string> = NO_CHANGES): ModelInstance | ModelInstance[] | null {
  const { related, many } = relation
  if (key === undefined)
    return many ? [] : null
  const data = db.data(related.entity)
  const ids = relation.byPrimaryKey
    ? hasRecord(data, key) ? [key] : NONE
    : db.index(related.entity, relation.relatedKeys, data).get(key) ?? NONE
  const reuse = (id: string, item: unknown): ModelInstance =>
    item !== undefined && item !== null && !changed.has(id) && keyOf(item as StoredRecord, related.primaryKey) === id
      ? item as ModelInstance
      : related.hydrate(data[id]!, db)
  if (!many)
    return ids.length === 0 ? null : reuse(ids[0]!, previous)
  const before = Array.isArray(previous) && previous.length > 0 ? new Map(previous.map(item => [keyOf(item as StoredRecord, related.primaryKey)!, item])) : undefined
  const list: ModelInstance[] = []
  for (const id of ids)
    list.push(reuse(id, before?.get(id)))
  return list
}

/** Remembers that the item of `entry` holds `relation` for the parent key `key`. @internal */
export function addParent<E extends object>(relation: LiveRelation<E>, key: string, entry: E): void {
  const parents = relation.parents.get(key)
  if (parents === undefined)
    relation.parents.set(key, entry)
  else if (parents instanceof Set)
    parents.add(entry)
  else if (parents !== entry)
    relation.parents.set(key, new Set([parents, entry]))
}

/** Forgets what {@link addParent} remembered. @internal */
export function removeParent<E extends object>(relation: LiveRelation<E>, key: string | undefined, entry: E): void {
  if (key === undefined)
    return
  const parents = relation.parents.get(key)
  if (parents === entry) {
    relation.parents.delete(key)
  }
  else if (parents instanceof Set) {
    parents.delete(entry)
    if (parents.size === 0)
      relation.parents.delete(key)
  }
}

/** Calls `fn` for each entry remembered under `key`. @internal */
export function forEachParent<E extends object>(relation: LiveRelation<E>, key: string | undefined, fn: (entry: E) => void): void {
  const parents = key === undefined ? undefined : relation.parents.get(key)
  if (parents instanceof Set)
    parents.forEach(fn)
  else if (parents !== undefined)
    fn(parents)
}

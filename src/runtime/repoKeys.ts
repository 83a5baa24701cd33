import type { Item, ModelClass, RecordInput, Repository } from './orm'
import { createOrmError } from './orm/errors'

/** The primary keys of saved records: a value each, an array of values for a composite key. */
export type SavedKeys = unknown[]

/**
 * Saves a fetched response (one record or a list, relations nested) and returns only the primary
 * keys of the top-level records, in the response's order and each once. The keys are what
 * `useFetchRepo` keeps in its own payload entry; the records travel once, in the entity stores.
 * A response that is not records throws before anything is written, as does a bad record
 * (`save` validates all of it first).
 * @internal
 */
export function saveForKeys<M extends ModelClass>(repo: Repository<M, M>, response: unknown, source: string): SavedKeys {
  if (response === null || typeof response !== 'object')
    throw createOrmError(`useFetchRepo(${repo.use.name}, ${source}) received ${response === null ? 'null' : typeof response}, not records. Return a record or a list of records from the endpoint, or pass \`transform\` to pick them out of the response (e.g. \`transform: response => response.items\`).`)
  const saved = Array.isArray(response)
    ? repo.save(response as RecordInput[])
    : [repo.save(response as RecordInput)]
  const seen = new Set<string>()
  const keys: SavedKeys = []
  for (const item of saved) {
    const key = item.$getKey()
    const id = JSON.stringify(key)
    if (!seen.has(id)) {
      seen.add(id)
      keys.push(key)
    }
  }
  return keys
}

/**
 * The records with these primary keys, in that order, with the relations named in `relations`
 * loaded (dotted names for nested ones). Records deleted since they were fetched are left out.
 * Read inside a `computed`, it follows every later write to the stores it reads.
 * @internal
 */
export function recordsOfKeys<M extends ModelClass>(repo: Repository<M, M>, keys: SavedKeys | null | undefined, relations: string | readonly string[] | undefined): Item<M>[] {
  if (!keys || keys.length === 0)
    return []
  const query = repo.query()
  for (const name of typeof relations === 'string' ? [relations] : relations ?? [])
    query.with(name)
  return query.whereId(keys as never).get()
}

import type { Database } from './database'
import { planDeletes } from './deleteRules'
import type { StoredRecord } from './keys'
import type { Normalized } from './normalize'
import type { Schema } from './relations/Relation'
import { recordAt } from './ownRecords'

/**
 * The writes of a save: its batches, plus what saving `null` / `[]` under a relation unlinks (keys
 * set to null, or records deleted, following delete rules; given `refuses`, the records deleted
 * run their `deleting` hooks). A record the same save writes is left
 * as the save says. Per model, one map: one store write each.
 *
 * @internal
 */
export function writesOf(db: Database, normalized: Normalized, refuses?: (schema: Schema, key: string) => boolean): Map<Schema, Map<string, StoredRecord | undefined>> {
  const writes = normalized.batches as Map<Schema, Map<string, StoredRecord | undefined>>
  if (normalized.unlinks.length === 0)
    return writes
  const removals: [Schema, string][] = []
  for (const { schema, key, fields } of normalized.unlinks) {
    let batch = writes.get(schema)
    if (batch?.has(key))
      continue
    if (fields === 'delete') {
      removals.push([schema, key])
      continue
    }
    const stored = recordAt(db.data(schema.entity), key)
    if (stored === undefined)
      continue
    const next = { ...stored }
    for (const field of fields)
      next[field] = null
    if (!batch)
      writes.set(schema, batch = new Map())
    batch.set(key, next)
  }
  if (removals.length > 0) {
    // With `refuses`, each record deleted runs its `deleting` hook (cascadeHooks.ts): one that
    // returns false is kept, still linked, with all it links to.
    const roots = refuses === undefined ? removals : removals.filter(([schema, key]) => recordAt(db.data(schema.entity), key) !== undefined && !refuses(schema, key))
    for (const [schema, changes] of planDeletes(db, roots, refuses)) {
      let batch = writes.get(schema)
      if (!batch)
        writes.set(schema, batch = new Map())
      for (const [key, record] of changes) {
        if (!batch.has(key))
          batch.set(key, record)
      }
    }
  }
  return writes
}

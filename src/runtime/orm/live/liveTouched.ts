import { keyOf } from '../keys'
import type { RecordChange } from '../reactivity/signals'
import { touchedBranch } from './branchMarks'
import { forEachParent } from './liveRelation'
import type { LiveRelation } from './liveRelation'
import type { Entry, LiveBranch, Touched } from './liveTypes'

/**
 * The entries holding a load that the write of `changes` to `entity` touches, with those loads:
 * for a relation matched by keys, the entries remembered under the keys a changed record had or
 * has; for a branch, those its nodes name.
 *
 * @internal
 */
export function touchedEntries<Q>(relations: readonly LiveRelation<Entry>[], branches: readonly LiveBranch<Q>[], entity: string, changes: readonly RecordChange[]): Map<Entry, Touched<Q>> {
  const found = new Map<Entry, Touched<Q>>()
  const of = (entry: Entry): Touched<Q> => {
    let touched = found.get(entry)
    if (!touched)
      found.set(entry, touched = { relations: new Set(), branches: new Set() })
    return touched
  }
  for (const relation of relations) {
    if (relation.related.entity !== entity)
      continue
    const add = (entry: Entry) => of(entry).relations.add(relation)
    for (const { before, after } of changes) {
      const from = before && keyOf(before, relation.relatedKeys)
      const to = after && keyOf(after, relation.relatedKeys)
      forEachParent(relation, from, add)
      if (to !== from)
        forEachParent(relation, to, add)
    }
  }
  for (const branch of branches)
    touchedBranch(branch.node, entity, changes, entry => of(entry).branches.add(branch))
  return found
}

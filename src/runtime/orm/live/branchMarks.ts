import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { RecordChange } from '../reactivity/signals'
import type { ModelInstance, Schema } from '../relations/Relation'
import { childrenOf, isOf } from './branchItems'
import type { BranchNode } from './liveBranch'

// Which result entries hold which related records in a live branch, and which entries a write
// touches.

/** Where an entry is held in a branch, to forget it. @internal */
export interface BranchMark<E> {
  readonly node: BranchNode<E>
  readonly key: string
}

/**
 * Remembers that `entry` holds `node` for each of `parents` (instances of the node's owner), and
 * the nodes below for what they loaded; `marks` collects where, for {@link forgetBranch}.
 *
 * @internal
 */
export function markBranch<E>(node: BranchNode<E>, entry: E, parents: readonly ModelInstance[], marks: BranchMark<E>[]): void {
  if (parents.length === 0)
    return
  const hold = (key: string) => {
    let set = node.holders.get(key)
    if (!set)
      node.holders.set(key, set = new Set())
    if (!set.has(entry)) {
      set.add(entry)
      marks.push({ node, key })
    }
  }
  if (node.keys) {
    for (const parent of parents) {
      const key = keyOf(parent as unknown as StoredRecord, node.keys.parent)
      if (key !== undefined)
        hold(key)
    }
  }
  else {
    const read = node.link.reader()
    let list = node.watched!.get(entry)
    if (!list) {
      node.watched!.set(entry, list = [])
      marks.push({ node, key: '' })
    }
    for (const parent of parents) {
      const linked = read(parent as unknown as StoredRecord)
      list.push({ parent: parent as unknown as StoredRecord, linked: describeLinked(linked) })
      if (!linked)
        continue
      for (const id of linked.ids)
        hold(`${linked.schema.entity}:${id}`)
      for (const id of linked.pivots ?? [])
        hold(`${node.link.pivot!.schema.entity}:${id}`)
    }
  }
  if (node.nested.length === 0)
    return
  const children = childrenOf(parents, node.field)
  for (const child of node.nested)
    markBranch(child, entry, children.filter(item => isOf(item, child.owner)), marks)
}

/** Forgets what {@link markBranch} remembered of `entry`. @internal */
export function forgetBranch<E>(entry: E, marks: readonly BranchMark<E>[]): void {
  for (const { node, key } of marks) {
    const set = node.holders.get(key)
    set?.delete(entry)
    if (set?.size === 0)
      node.holders.delete(key)
    node.watched?.delete(entry)
  }
}

/**
 * Calls `add` for each entry whose loads below `node` a write of `changes` to `entity` may change:
 * by keys; or, for a relation its reader links, the entries that linked a changed record and
 * those whose parents' links, read again, differ from the last (one indexed lookup per parent).
 *
 * @internal
 */
export function touchedBranch<E>(node: BranchNode<E>, entity: string, changes: readonly RecordChange[], add: (entry: E) => void): void {
  if (node.everyHolder.has(entity)) {
    node.holders.forEach(set => set.forEach(add))
    node.watched?.forEach((_, entry) => add(entry))
  }
  if (node.entities.has(entity)) {
    if (node.keys) {
      for (const { before, after } of changes) {
        const from = before && keyOf(before, node.keys.related)
        const to = after && keyOf(after, node.keys.related)
        if (from !== undefined)
          node.holders.get(from)?.forEach(add)
        if (to !== undefined && to !== from)
          node.holders.get(to)?.forEach(add)
      }
    }
    else {
      for (const { id } of changes)
        node.holders.get(`${entity}:${id}`)?.forEach(add)
      // Which fields a reader follows is its own affair: any record may have entered or left a link.
      const read = node.link.reader()
      for (const [entry, list] of node.watched!) {
        if (list.some(({ parent, linked }) => describeLinked(read(parent)) !== linked))
          add(entry)
      }
    }
  }
  for (const child of node.nested)
    touchedBranch(child, entity, changes, add)
}

function describeLinked(linked: { schema: Schema, ids: readonly string[], pivots?: readonly string[] } | undefined): string {
  return linked === undefined ? '' : `${linked.schema.entity}|${linked.ids.join(',')}|${linked.pivots?.join(',') ?? ''}`
}

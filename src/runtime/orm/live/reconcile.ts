import type { ModelInstance } from '../relations/Relation'
import type { BranchNode } from './liveBranch'
import { fieldsOf, idOf, isOf } from './branchItems'

// A live query reloads a branch of one result item after a write, then keeps the instances of the
// last load wherever their record and everything loaded below them are the same: rows and
// memoized children of the untouched records keep their identity.

/** The records one write changed: their entity and ids. @internal */
export interface Changed {
  readonly entity: string
  readonly ids: ReadonlySet<string>
}

/**
 * What `node` holds for a parent: `next` (just loaded), with the instances of `previous` (the last
 * load) kept where their records are not in `changed` and their own loads are kept too. Gives
 * `previous` itself when nothing in it changed.
 *
 * @internal
 */
export function reconcileValue<E>(node: BranchNode<E>, previous: unknown, next: unknown, changed: Changed): unknown {
  if (!Array.isArray(next)) {
    if (next === null || next === undefined || previous === null || previous === undefined || Array.isArray(previous))
      return next
    return reconcileItem(node, previous as ModelInstance, next as ModelInstance, changed)
  }
  const before = Array.isArray(previous) ? previous as ModelInstance[] : []
  const known = new Map<string, ModelInstance>()
  for (const item of before)
    known.set(identify(node, item), item)
  let same = before.length === next.length
  const list: ModelInstance[] = []
  for (let i = 0; i < next.length; i++) {
    const fresh = next[i] as ModelInstance
    const last = known.get(identify(node, fresh))
    const item = last ? reconcileItem(node, last, fresh, changed) : fresh
    same &&= item === before[i]
    list.push(item)
  }
  return same ? previous : list
}

function reconcileItem<E>(node: BranchNode<E>, previous: ModelInstance, next: ModelInstance, changed: Changed): ModelInstance {
  const schema = node.link.targets.find(target => next.constructor === target.model) ?? node.link.related
  if (previous.constructor !== next.constructor)
    return next
  const id = idOf(next, schema)
  if (id === undefined || id !== idOf(previous, schema))
    return next
  let same = !(changed.entity === schema.entity && changed.ids.has(id))
  const pivot = node.link.pivot
  if (pivot) {
    const last = fieldsOf(previous)[pivot.as] as ModelInstance | undefined
    const fresh = fieldsOf(next)[pivot.as] as ModelInstance | undefined
    const pivotId = fresh && idOf(fresh, pivot.schema)
    if (last && pivotId !== undefined && idOf(last, pivot.schema) === pivotId && !(changed.entity === pivot.schema.entity && changed.ids.has(pivotId)))
      fieldsOf(next)[pivot.as] = last
    else
      same = false
  }
  for (const child of node.nested) {
    if (!isOf(next, child.owner))
      continue
    const value = reconcileValue(child, fieldsOf(previous)[child.field], fieldsOf(next)[child.field], changed)
    fieldsOf(next)[child.field] = value
    same &&= value === fieldsOf(previous)[child.field]
  }
  return same ? previous : next
}

/** An item's place in a relation: its model and key, and its pivot record's key when it has one. */
function identify<E>(node: BranchNode<E>, item: ModelInstance): string {
  const schema = node.link.targets.find(target => item.constructor === target.model) ?? node.link.related
  const pivot = node.link.pivot
  const through = pivot ? fieldsOf(item)[pivot.as] as ModelInstance | undefined : undefined
  return `${schema.entity}:${idOf(item, schema)}${through ? `:${idOf(through, pivot!.schema)}` : ''}`
}

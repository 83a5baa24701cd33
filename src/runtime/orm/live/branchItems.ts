import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import type { ModelInstance, Schema } from '../relations/Relation'

// Small reads of loaded instances shared by the live branches and their reconciliation.

/** The fields of a model instance, to read and set a relation by name. @internal */
export function fieldsOf(item: ModelInstance): Record<string, unknown> {
  return item as unknown as Record<string, unknown>
}

/** The instances loaded under `field` of each of `parents`, in order. @internal */
export function childrenOf(parents: readonly ModelInstance[], field: string): ModelInstance[] {
  const children: ModelInstance[] = []
  for (const parent of parents) {
    const value = fieldsOf(parent)[field]
    if (Array.isArray(value))
      children.push(...value as ModelInstance[])
    else if (value !== null && value !== undefined)
      children.push(value as ModelInstance)
  }
  return children
}

/** Whether `item` is an instance of `schema`'s model (a morphTo holds several models). @internal */
export function isOf(item: ModelInstance, schema: Schema): boolean {
  return item instanceof (schema.model as unknown as abstract new () => ModelInstance)
}

/** The primary key of `item`, an instance of `schema`. @internal */
export function idOf(item: ModelInstance, schema: Schema): string | undefined {
  return keyOf(item as unknown as StoredRecord, schema.primaryKey)
}

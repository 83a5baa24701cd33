import { computed } from 'vue'
import type { ComputedRef } from 'vue'
import type { Database } from '../database'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { recordAt } from '../ownRecords'
import { sameRecord } from '../reactivity/sameRecord'
import type { ModelInstance, Schema } from '../relations/Relation'
import { RefLike } from './liveSource'
import type { LiveSource } from './liveSource'

/**
 * A result computed once (server rendering).
 *
 * @internal
 */
export class StaticResult extends RefLike {
  readonly value: readonly ModelInstance[]

  constructor(value: readonly ModelInstance[]) {
    super()
    this.value = value
  }

  stop(): void {}
}

/**
 * A query that cannot be kept up to date from writes alone: re-run lazily, with fine-grained
 * dependencies. Without loaded relations, an item whose record did not change stays the same
 * instance across re-runs.
 *
 * @internal
 */
export class RecomputedQuery extends RefLike {
  private result: ComputedRef<ModelInstance[]> | undefined
  private last: readonly ModelInstance[] = []
  private known = new Map<string, { record: StoredRecord | undefined, item: ModelInstance }>()

  constructor(get: () => ModelInstance[], source: LiveSource<unknown>) {
    super()
    const keep = source._eager.length === 0
    this.result = computed(() => keep ? this.reconcile(source._db, source._schema, get()) : get())
  }

  get value(): readonly ModelInstance[] {
    if (this.result)
      this.last = this.result.value
    return this.last
  }

  stop(): void {
    this.result = undefined
    this.known = new Map()
  }

  /** `items`, with the instances of the last run for records that did not change. */
  private reconcile(db: Database, schema: Schema, items: ModelInstance[]): ModelInstance[] {
    const outer = db._fine
    // The records are looked up for comparison only: the run already depends on what it read.
    db._fine = true
    try {
      const data = db.data(schema.entity)
      const known = new Map<string, { record: StoredRecord | undefined, item: ModelInstance }>()
      for (let i = 0; i < items.length; i++) {
        const id = keyOf(items[i] as unknown as StoredRecord, schema.primaryKey)!
        const record = recordAt(data, id)
        const before = this.known.get(id)
        if (before && before.item.constructor === items[i]!.constructor && record !== undefined && before.record !== undefined && (before.record === record || sameRecord(before.record, record)))
          items[i] = before.item
        known.set(id, { record, item: items[i]! })
      }
      this.known = known
      return items
    }
    finally {
      db._fine = outer
    }
  }
}

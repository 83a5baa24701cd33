import { computed } from 'vue'
import type { ComputedRef } from 'vue'
import type { ModelInstance } from '../relations/Relation'
import { RefLike } from './liveSource'

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
 * dependencies.
 *
 * @internal
 */
export class RecomputedQuery extends RefLike {
  private result: ComputedRef<ModelInstance[]> | undefined
  private last: readonly ModelInstance[] = []

  constructor(get: () => ModelInstance[]) {
    super()
    this.result = computed(get)
  }

  get value(): readonly ModelInstance[] {
    if (this.result)
      this.last = this.result.value
    return this.last
  }

  stop(): void {
    this.result = undefined
  }
}

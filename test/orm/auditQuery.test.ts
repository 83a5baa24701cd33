// The repository and query API as a pinia-orm 1.10 user calls it, in the combinations its
// documentation implies but the other test files do not reach: exact results and shapes.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { computed } from 'vue'
import { DateCast, Model, useRepo } from '../../src/runtime/orm'

// pinia-orm filters and sorts model instances: a where or an orderBy sees a field as the instance
// shows it, after its cast's or mutator's get.
class Event extends Model {
  static override entity = 'audit-events'
  static override fields() {
    return { id: this.attr(null), title: this.string(''), at: this.attr(null) }
  }

  static override casts() {
    return { at: DateCast }
  }

  static override mutators() {
    return { title: (value: string) => value.toUpperCase() }
  }
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
})

const ids = (items: readonly { id: unknown }[]) => items.map(item => item.id)

describe('a where or an orderBy on a field with a cast or a mutator', () => {
  beforeEach(() => {
    useRepo(Event, pinia).save([
      { id: 1, title: 'beta', at: '2024-03-01T00:00:00.000Z' },
      { id: 2, title: 'Gamma', at: '2024-01-01T00:00:00.000Z' },
      { id: 3, title: 'alpha', at: '2024-02-01T00:00:00.000Z' },
    ])
  })

  it('compares the value the mutator\'s get shows', () => {
    expect(ids(useRepo(Event, pinia).where('title', 'BETA').get())).toEqual([1])
    expect(ids(useRepo(Event, pinia).where('title', 'beta').get())).toEqual([])
    expect(ids(useRepo(Event, pinia).whereIn('title', ['ALPHA', 'GAMMA']).get())).toEqual([2, 3])
    expect(useRepo(Event, pinia).where('title', 'BETA').count()).toBe(1)
  })

  it('gives a value function the cast\'s Date', () => {
    const after = Date.UTC(2024, 0, 15)
    expect(ids(useRepo(Event, pinia).where('at', (at: Date) => at.getTime() > after).get())).toEqual([1, 3])
  })

  it('sorts by the value instances show', () => {
    expect(ids(useRepo(Event, pinia).orderBy('title').get())).toEqual([3, 1, 2])
    expect(ids(useRepo(Event, pinia).orderBy('at', 'desc').get())).toEqual([1, 3, 2])
  })

  it('keeps a cached result under the same key, and a computed follows later writes', () => {
    const first = useRepo(Event, pinia).where('title', 'BETA').useCache().get()
    expect(useRepo(Event, pinia).where('title', 'BETA').useCache().get()).toBe(first)
    const betas = computed(() => ids(useRepo(Event, pinia).where('title', 'BETA').get()))
    expect(betas.value).toEqual([1])
    useRepo(Event, pinia).save({ id: 4, title: 'Beta' })
    expect(betas.value).toEqual([1, 4])
  })
})

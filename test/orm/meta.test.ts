import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override config = { withMeta: true }

  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('meta', () => {
  it('keeps _meta with createdAt and updatedAt on each record of a model with withMeta, in whole seconds since the epoch as pinia-orm', () => {
    vi.useFakeTimers({ now: 1_999 })
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'John' })
    vi.setSystemTime(5_000)
    useRepo(User, pinia).save({ id: 1, name: 'Jane' })
    expect(pinia.state.value.users!.data['1']).toEqual({ id: 1, name: 'Jane', _meta: { createdAt: 1, updatedAt: 5 } })
  })

  it('hides _meta unless the query asks withMeta()', () => {
    vi.useFakeTimers({ now: 2_000 })
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'John' })
    const plain = useRepo(User, pinia).find(1)!
    expect('_meta' in plain).toBe(false)
    expect(plain.$toJson()).toEqual({ id: 1, name: 'John' })
    const withMeta = useRepo(User, pinia).withMeta().first()! as unknown as { _meta: unknown }
    expect(withMeta._meta).toEqual({ createdAt: 2, updatedAt: 2 })
  })

  it('keeps no _meta for a model without withMeta', () => {
    class Plain extends Model {
      static override entity = 'plain'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = createPinia()
    useRepo(Plain, pinia).save({ id: 1 })
    expect(pinia.state.value.plain!.data['1']).toEqual({ id: 1 })
  })
})

// whereId() and orderBy() with a function in a live query: kept from each write, in the order
// get() gives.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import { LiveUser, liveModels } from './liveModels'

function setup(count: number): Pinia {
  const pinia = createPinia()
  registerModels(pinia, liveModels)
  useRepo(LiveUser, pinia).save(Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `user ${(i * 7) % count}`, age: i })))
  return pinia
}

describe('a live query ordered by a function', () => {
  it('places a changed record by binary search, calling the function with model instances', () => {
    const pinia = setup(64)
    let calls = 0
    const query = () => useRepo(LiveUser, pinia).orderBy((user) => {
      calls++
      expect(user).toBeInstanceOf(LiveUser)
      return user.name
    })
    const live = query().live()
    const before = [...live.value]
    calls = 0

    useRepo(LiveUser, pinia).where('id', 10).update({ name: 'a' })

    expect(live.value[0]!.id).toBe(10)
    // Two searches among 64 entries, two calls per comparison: far fewer than sorting them again.
    expect(calls).toBeLessThanOrEqual(4 * 8)
    expect(live.value.filter(user => user.id !== 10).every(user => before.includes(user))).toBe(true)
    expect(live.value).toEqual(query().get())
    live.stop()
  })
})

describe('a live query with whereId()', () => {
  it('keeps the records named, in the order named, as they come and go', () => {
    const pinia = setup(5)
    const query = () => useRepo(LiveUser, pinia).whereId([4, 9, 2])
    const live = query().live()
    expect(live.value.map(user => user.id)).toEqual([4, 2])

    useRepo(LiveUser, pinia).save({ id: 9, name: 'nine' })
    useRepo(LiveUser, pinia).save({ id: 7, name: 'seven' }) // not named: nothing changes
    useRepo(LiveUser, pinia).destroy(4)

    expect(live.value.map(user => user.id)).toEqual([9, 2])
    expect(live.value).toEqual(query().get())
    live.stop()
  })
})

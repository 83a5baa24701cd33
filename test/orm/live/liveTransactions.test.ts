// Live queries and transactions together: a live result follows a transaction's writes when it
// ends, and is as it was after one that throws or an optimistic write rolled back.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { optimistic, registerModels, transaction, useRepo } from '../../../src/runtime/orm'
import { LivePhone, LiveUser, liveModels } from './liveModels'

function setup(): Pinia {
  const pinia = createPinia()
  registerModels(pinia, liveModels)
  useRepo(LiveUser, pinia).save([1, 2, 3].map(id => ({ id, name: `user ${id}`, active: true, phone: { id: 100 + id, number: `${id}` } })))
  return pinia
}

/** A live query of active users with their phones, and what a fresh get() gives. */
function watchUsers(pinia: Pinia) {
  const scope = effectScope()
  const live = scope.run(() => useRepo(LiveUser, pinia).with('phone').where('active', true).orderBy('name').live())!
  const plain = () => live.value.map(user => [user.id, user.name, user.phone?.number ?? null])
  const fresh = () => useRepo(LiveUser, pinia).with('phone').where('active', true).orderBy('name').get().map(user => [user.id, user.name, user.phone?.number ?? null])
  return { plain, fresh, stop: () => scope.stop() }
}

describe('live queries and transactions', () => {
  it('show a committed transaction\'s writes, all of them, once it ends', () => {
    const pinia = setup()
    const users = watchUsers(pinia)
    transaction(() => {
      useRepo(LiveUser, pinia).save({ id: 4, name: 'a first', active: true, phone: { id: 104, number: '4' } })
      useRepo(LivePhone, pinia).save({ id: 101, number: 'changed' })
      useRepo(LiveUser, pinia).destroy(2)
    }, pinia)

    expect(users.plain()).toEqual([[4, 'a first', '4'], [1, 'user 1', 'changed'], [3, 'user 3', '3']])
    expect(users.plain()).toEqual(users.fresh())
    users.stop()
  })

  it('are as they were after a transaction that throws', () => {
    const pinia = setup()
    const users = watchUsers(pinia)
    const before = users.plain()

    expect(() => transaction(() => {
      useRepo(LiveUser, pinia).save({ id: 4, name: 'a first', active: true })
      useRepo(LivePhone, pinia).save({ id: 101, number: 'changed' })
      useRepo(LiveUser, pinia).destroy(2)
      throw new Error('the request failed')
    }, pinia)).toThrow('the request failed')

    expect(users.plain()).toEqual(before)
    expect(users.plain()).toEqual(users.fresh())
    users.stop()
  })

  it('follow an optimistic write and its rollback, keeping a later edit', () => {
    const pinia = setup()
    const users = watchUsers(pinia)
    const write = optimistic(() => useRepo(LiveUser, pinia).save({ id: 2, name: 'optimistic', active: false }), pinia)
    expect(users.plain().map(([id]) => id)).toEqual([1, 3])

    useRepo(LivePhone, pinia).save({ id: 103, number: 'later edit' })
    write.rollback()

    expect(users.plain()).toEqual([[1, 'user 1', '1'], [2, 'user 2', '2'], [3, 'user 3', 'later edit']])
    expect(users.plain()).toEqual(users.fresh())
    users.stop()
  })
})

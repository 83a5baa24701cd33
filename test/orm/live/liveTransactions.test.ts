// Live queries and transactions together: a live result follows a transaction's writes when it
// ends, and is as it was after one that throws or an optimistic write rolled back.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { optimistic, registerModels, transaction, useRepo } from '../../../src/runtime/orm'
import { LiveImage, LivePhone, LiveRole, LiveRoleUser, LiveUser, liveModels } from './liveModels'

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

// A transaction's writes are heard entity by entity when it ends. A live query with two loads of
// the kind that remembers the records each entry links (a pivot relation, a morph relation) went
// stale when one transaction moved a record out of one load after writing the other's entity: the
// reload heard first marked both loads from the store, which already held the second write.
describe('live queries and one transaction writing the entities of two loads', () => {
  function rolesAndImages() {
    const pinia = createPinia()
    registerModels(pinia, liveModels)
    useRepo(LiveUser, pinia).save([{ id: 1 }, { id: 2 }])
    useRepo(LiveRole, pinia).save({ id: 1, name: 'r1' })
    useRepo(LiveImage, pinia).save({ id: 1, imageableId: 2, imageableType: 'liveUsers', url: 'u1' })
    const scope = effectScope()
    const query = () => useRepo(LiveUser, pinia).with('roles').with('image').orderBy('id')
    const live = scope.run(() => query().live())!
    const shown = (users: readonly LiveUser[]) => users.map(user => [user.id, user.roles.map(role => role.id), user.image?.url ?? null])
    return { pinia, shown: () => shown(live.value), fresh: () => shown(query().get()), stop: () => scope.stop() }
  }

  it('drops an image moved away after a pivot written first', () => {
    const users = rolesAndImages()
    transaction(() => {
      useRepo(LiveRoleUser, users.pinia).save({ id: 1, userId: 2, roleId: 1 })
      useRepo(LiveImage, users.pinia).save({ id: 1, imageableId: 1, imageableType: 'liveUsers' })
    }, users.pinia)

    expect(users.shown()).toEqual([[1, [], 'u1'], [2, [1], null]])
    expect(users.shown()).toEqual(users.fresh())
    users.stop()
  })

  it('drops a role moved away after an image written first', () => {
    const users = rolesAndImages()
    useRepo(LiveRoleUser, users.pinia).save({ id: 1, userId: 2, roleId: 1 })
    transaction(() => {
      useRepo(LiveImage, users.pinia).save({ id: 1, url: 'u2' })
      useRepo(LiveRoleUser, users.pinia).save({ id: 1, userId: 1 })
    }, users.pinia)

    expect(users.shown()).toEqual([[1, [1], null], [2, [], 'u2']])
    expect(users.shown()).toEqual(users.fresh())
    users.stop()
  })

  it('is as before an optimistic write to both, once rolled back', () => {
    const users = rolesAndImages()
    const before = users.shown()
    const write = optimistic(() => {
      useRepo(LiveImage, users.pinia).save({ id: 1, url: 'u2' })
      useRepo(LiveRoleUser, users.pinia).save({ id: 2, userId: 2, roleId: 1 })
    }, users.pinia)
    expect(users.shown()).toEqual([[1, [], null], [2, [1], 'u2']])

    write.rollback()

    expect(users.shown()).toEqual(before)
    expect(users.shown()).toEqual(users.fresh())
    users.stop()
  })
})

// Relation queries in a live query: a write to the related entity tests again only the parents
// whose keys its records had or have.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { watch } from 'vue'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import { LivePhone, LivePost, LiveRole, LiveRoleUser, LiveUser, liveModels } from './liveModels'

/** Users 1-10; users 1-5 with a phone and one post each ('t1'). */
function setup(): Pinia {
  const pinia = createPinia()
  registerModels(pinia, liveModels)
  useRepo(LiveUser, pinia).save(Array.from({ length: 10 }, (_, i) => ({
    id: i + 1,
    name: `user ${i + 1}`,
    ...(i < 5 ? { phone: { id: 100 + i, number: `${i}` }, posts: [{ id: 200 + i, title: 't1' }] } : {}),
  })))
  return pinia
}

describe('a live query with a relation query', () => {
  it('tests again only the parents of the related records a write changes', () => {
    const pinia = setup()
    const tested = new Set<number>()
    const live = useRepo(LiveUser, pinia).where(user => tested.add(user.id) !== undefined).has('posts').live()
    const before = [...live.value]
    tested.clear()

    useRepo(LivePost, pinia).save({ id: 300, userId: 7, title: 't2' })

    expect(live.value.map(user => user.id)).toEqual([1, 2, 3, 4, 5, 7])
    // User 7 alone was tested again; the others are the same instances.
    expect([...tested]).toEqual([7])
    live.value.slice(0, 5).forEach((user, i) => expect(user).toBe(before[i]))
    live.stop()
  })

  it('moves a parent in and out as its related records enter, change and leave', () => {
    const pinia = setup()
    const query = () => useRepo(LiveUser, pinia).whereHas('posts', post => post.where('title', 't2'), '>=', 2).orderBy('name', 'desc')
    const live = query().live()
    let notified = 0
    const stop = watch(live, () => notified++, { flush: 'sync' })

    useRepo(LivePost, pinia).save([{ id: 300, userId: 3, title: 't2' }, { id: 301, userId: 3, title: 't2' }])
    expect(live.value.map(user => user.id)).toEqual([3])
    useRepo(LivePost, pinia).where('id', 202).update({ title: 't2' }) // a third post: still passes
    expect(notified).toBe(1)
    useRepo(LivePost, pinia).where('id', 301).update({ userId: 4 })
    useRepo(LivePost, pinia).where('id', 203).update({ title: 't2' })
    expect(live.value.map(user => user.id)).toEqual([4, 3])
    useRepo(LivePost, pinia).destroy([300, 202])
    expect(live.value.map(user => user.id)).toEqual([4])
    expect(live.value).toEqual(query().get())
    stop()
    live.stop()
  })

  it('tests every record again, without re-running the query, for a relation not matched by keys', () => {
    const pinia = setup()
    useRepo(LiveRole, pinia).save({ id: 1, name: 'admin' })
    useRepo(LiveRoleUser, pinia).save([{ id: 1, userId: 1, roleId: 1 }, { id: 2, userId: 2, roleId: 1 }])
    const query = () => useRepo(LiveUser, pinia).has('roles').with('phone').with('posts')
    const live = query().live()
    const before = [...live.value]

    useRepo(LiveRoleUser, pinia).save({ id: 3, userId: 7, roleId: 1 })

    expect(live.value.map(user => user.id)).toEqual([1, 2, 7])
    // The users already shown, with their loaded phones and posts, are the same instances.
    expect(live.value[0]).toBe(before[0])
    expect(live.value[1]).toBe(before[1])
    useRepo(LiveRole, pinia).destroy(1)
    expect(live.value).toEqual([])
    expect(live.value).toEqual(query().get())
    live.stop()
  })

  it('follows a belongsTo the other way: the children of a changed parent are tested again', () => {
    const pinia = setup()
    const live = useRepo(LivePost, pinia).whereHas('author', user => user.where('active', true)).live()
    expect(live.value).toEqual([])

    useRepo(LiveUser, pinia).where('id', 2).update({ active: true })

    expect(live.value.map(post => post.id)).toEqual([201])
    useRepo(LivePhone, pinia).save({ id: 101, userId: 2, number: 'x' }) // not read by the query
    expect(live.value.map(post => post.id)).toEqual([201])
    live.stop()
  })
})

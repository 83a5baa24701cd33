// Nested and constrained `with()` in a live query: a write reloads only the result items whose
// loads it touches, and every instance whose record and loads did not change is kept.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { watch } from 'vue'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import { LivePhone, LivePost, LiveUser, liveModels } from './liveModels'

/** Users 1-5, each with a phone and two posts (titles 't1' and 't2'). */
function setup(): Pinia {
  const pinia = createPinia()
  registerModels(pinia, liveModels)
  useRepo(LiveUser, pinia).save(Array.from({ length: 5 }, (_, i) => ({
    id: i + 1,
    name: `user ${i + 1}`,
    phone: { id: 100 + i, number: `${i}` },
    posts: [{ id: 200 + i, title: 't1' }, { id: 300 + i, title: 't2' }],
  })))
  return pinia
}

describe('a live query with nested loads', () => {
  it('tests no root record again and keeps the other items when a nested record changes', () => {
    const pinia = setup()
    let tests = 0
    const live = useRepo(LiveUser, pinia).where(() => ++tests > 0).with('posts.author.phone').live()
    const before = [...live.value]
    tests = 0

    useRepo(LivePhone, pinia).save({ id: 102, userId: 3, number: 'new' })

    expect(live.value[2]!.posts.map(post => post.author!.phone!.number)).toEqual(['new', 'new'])
    // Reading the result ran no `where` again: it was updated, not re-run.
    expect(tests).toBe(0)
    for (const i of [0, 1, 3, 4])
      expect(live.value[i]).toBe(before[i])
    // User 3 is a new instance, and so are its posts: what they load below them changed.
    expect(live.value[2]).not.toBe(before[2])
    expect(live.value[2]!.posts[0]).not.toBe(before[2]!.posts[0])
    expect(live.value).toEqual(useRepo(LiveUser, pinia).with('posts.author.phone').get())
    live.stop()
  })

  it('keeps the untouched branch of the item whose other branch changed', () => {
    const pinia = setup()
    const live = useRepo(LivePost, pinia).with('author.phone').with('author.posts').live()
    const before = live.value.find(post => post.id === 200)!
    const other = live.value.find(post => post.id === 201)!

    useRepo(LivePhone, pinia).save({ id: 100, userId: 1, number: 'new' })

    const after = live.value.find(post => post.id === 200)!
    expect(after).not.toBe(before)
    expect(after.author!.phone!.number).toBe('new')
    // The author's posts did not change: the same list of the same instances.
    expect(after.author!.posts).toBe(before.author!.posts)
    // A post of another author is untouched.
    expect(live.value.find(post => post.id === 201)).toBe(other)
    live.stop()
  })

  it('notifies nothing when a write changes nothing it shows', () => {
    const pinia = setup()
    const live = useRepo(LiveUser, pinia).with('posts', query => query.where('title', 't1').with('author')).live()
    const before = [...live.value]
    let notified = 0
    const stop = watch(live, () => notified++, { flush: 'sync' })

    // A post the constraint leaves out changes.
    useRepo(LivePost, pinia).where('id', 300).update({ title: 't3' })

    expect(notified).toBe(0)
    live.value.forEach((user, i) => expect(user).toBe(before[i]))
    stop()
    live.stop()
  })
})

describe('a live query with a constrained relation', () => {
  it('tests the constraint again on the changed related records only, for their parents', () => {
    const pinia = setup()
    let runs = 0
    const live = useRepo(LiveUser, pinia).with('posts', (query) => {
      runs++
      query.where('title', 't1')
    }).live()
    const before = [...live.value]
    runs = 0

    useRepo(LivePost, pinia).where('id', 301).update({ title: 't1' })

    // One parent (user 2) is loaded again: the constraint runs for its query only.
    expect(runs).toBe(1)
    expect(live.value[1]!.posts.map(post => post.id)).toEqual([201, 301])
    expect(live.value[1]!.posts[0]).toBe(before[1]!.posts[0])
    for (const i of [0, 2, 3, 4])
      expect(live.value[i]).toBe(before[i])
    live.stop()
  })

  it('moves a related record between parents when its key changes', () => {
    const pinia = setup()
    const live = useRepo(LiveUser, pinia).with('posts', query => query.orderBy('title', 'desc')).live()

    useRepo(LivePost, pinia).where('id', 200).update({ userId: 2 })

    expect(live.value.map(user => user.posts.map(post => post.id))).toEqual([[300], [301, 200, 201], [302, 202], [303, 203], [304, 204]])
    expect(live.value).toEqual(useRepo(LiveUser, pinia).with('posts', query => query.orderBy('title', 'desc')).get())
    live.stop()
  })
})

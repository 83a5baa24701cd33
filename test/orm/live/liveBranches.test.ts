// Nested and constrained `with()` in a live query: a write reloads only the result items whose
// loads it touches, and every instance whose record and loads did not change is kept.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { watch } from 'vue'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import { LiveImage, LivePhone, LivePost, LiveRole, LiveRoleUser, LiveTag, LiveTeam, LiveUser, liveModels } from './liveModels'

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

describe('a live query with nested loads, when a store is replaced behind the ORM', () => {
  it('loads every level again, then follows the writes that come after', () => {
    const pinia = setup()
    const query = () => useRepo(LiveUser, pinia).with('posts.author.phone')
    const live = query().live()

    useRepo(LivePhone, pinia).piniaStore().$reset()
    expect(live.value.every(user => user.posts.every(post => post.author!.phone === null))).toBe(true)
    useRepo(LivePhone, pinia).save({ id: 1, userId: 2, number: 'after' })

    expect(live.value[1]!.posts[0]!.author!.phone!.number).toBe('after')
    expect(live.value).toEqual(query().get())
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

describe('a live query with pivot, morph, hasManyBy and hasManyThrough relations', () => {
  /** Users 1-5 as in setup(), with roles through a pivot, an image each, tags by keys, in two teams. */
  function withOthers(): Pinia {
    const pinia = setup()
    useRepo(LiveRole, pinia).save([{ id: 1, name: 'admin' }, { id: 2, name: 'editor' }])
    useRepo(LiveRoleUser, pinia).save([1, 2, 3, 4, 5].map(id => ({ id, userId: id, roleId: id % 2 + 1, level: 0 })))
    useRepo(LiveImage, pinia).save([1, 2, 3, 4, 5].map(id => ({ id, imageableId: id, imageableType: 'liveUsers', url: `u${id}` })))
    useRepo(LiveTag, pinia).save([{ id: 'a', label: 'p' }, { id: 'b', label: 'q' }])
    useRepo(LiveTeam, pinia).save([{ id: 1, name: 'one' }, { id: 2, name: 'two' }])
    for (const id of [1, 2, 3, 4, 5])
      useRepo(LiveUser, pinia).where('id', id).update({ teamId: id % 2 + 1, tagIds: id === 1 ? ['a'] : [] })
    return pinia
  }

  it('reloads only the items whose links a write changes, without testing the roots again', () => {
    const pinia = withOthers()
    let tests = 0
    const query = () => useRepo(LiveUser, pinia).where(() => ++tests > 0).with('roles').with('image').with('tags')
    const live = query().live()
    const before = [...live.value]
    tests = 0

    useRepo(LiveRoleUser, pinia).save({ id: 6, userId: 2, roleId: 2, level: 3 }) // a new pivot row
    useRepo(LiveImage, pinia).where('id', 4).update({ url: 'new' }) // a linked record
    useRepo(LiveTag, pinia).save({ id: 'b', label: 'new' }) // a record no user links

    expect(live.value[1]!.roles.map(role => [role.id, role.pivot.level])).toEqual([[1, 0], [2, 3]])
    expect(live.value[3]!.image!.url).toBe('new')
    expect(tests).toBe(0)
    for (const i of [0, 2, 4])
      expect(live.value[i]).toBe(before[i])
    // User 2's first role and pivot, and its image, did not change.
    expect(live.value[1]!.roles[0]).toBe(before[1]!.roles[0])
    expect(live.value[1]!.image).toBe(before[1]!.image)
    expect(live.value).toEqual(query().get())
    live.stop()
  })

  it('follows a morphTo to its new target and a hasManyThrough through a moved member', () => {
    const pinia = withOthers()
    const images = useRepo(LiveImage, pinia).with('imageable').live()
    const teams = useRepo(LiveTeam, pinia).with('posts').live()
    const image3 = images.value[2]
    const post200 = teams.value[1]!.posts.find(post => post.id === 200)

    useRepo(LiveImage, pinia).where('id', 1).update({ imageableType: 'livePosts', imageableId: 200 })
    useRepo(LiveUser, pinia).where('id', 2).update({ teamId: 2 })

    expect(images.value[0]!.imageable).toBeInstanceOf(LivePost)
    expect(images.value[2]).toBe(image3)
    // Team 1 keeps user 4's posts; team 2 gains user 2's, and keeps its other post instances.
    expect(teams.value[0]!.posts.map(post => post.id)).toEqual([203, 303])
    expect(teams.value[1]!.posts.map(post => post.id).sort()).toEqual([200, 201, 202, 204, 300, 301, 302, 304])
    expect(teams.value[1]!.posts.find(post => post.id === 200)).toBe(post200)
    expect(images.value).toEqual(useRepo(LiveImage, pinia).with('imageable').get())
    expect(teams.value).toEqual(useRepo(LiveTeam, pinia).with('posts').get())
    images.stop()
    teams.stop()
  })
})

describe('saving back an item of a live query', () => {
  it('unlinks nothing its loads left empty, also after a reload', () => {
    const pinia = setup()
    useRepo(LiveUser, pinia).save({ id: 6, name: 'user 6' })
    const live = useRepo(LiveUser, pinia).with('phone').with('posts', query => query.where('title', 'none')).live()
    // A phone for user 6 reloads its item; the posts of user 1 stay out of its constrained load.
    useRepo(LivePhone, pinia).save({ id: 106, userId: 6, number: '6' })
    useRepo(LivePhone, pinia).destroy(100)

    for (const user of live.value)
      useRepo(LiveUser, pinia).save(user)

    expect(useRepo(LiveUser, pinia).with('posts').find(1)!.posts.map(post => post.id)).toEqual([200, 300])
    expect(useRepo(LivePhone, pinia).find(106)!.userId).toBe(6)
    live.stop()
  })
})

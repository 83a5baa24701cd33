// Two Pinia instances stand for two concurrent server requests: used alternately, with the same
// model classes, neither ever sees the other's records, indexes or results.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'
import { expectWarning } from './expectWarning'

describe('two Pinia instances used alternately', () => {
  it('keep their own records through save, find, get and with', () => {
    const a = createPinia()
    const b = createPinia()

    const savedA = useRepo(User, a).save({ id: 1, name: 'A', phone: { id: 10, number: 'a-phone' }, posts: [{ id: 100, title: 'a-post' }] })
    // Warm A's foreign-key indexes before B writes anything.
    expect(useRepo(User, a).with('phone').with('posts').find(1)!.phone!.number).toBe('a-phone')

    const savedB = useRepo(User, b).save({ id: 1, name: 'B', phone: { id: 20, number: 'b-phone' }, posts: [{ id: 200, title: 'b-post' }] })
    useRepo(Phone, b).save({ id: 10, userId: 2, number: 'b-other' })
    expectWarning('Phone.user', 'userId = 2')

    expect(savedA.name).toBe('A')
    expect(savedB.name).toBe('B')
    expect(useRepo(User, a).with('phone').with('posts').find(1)!.$toJson()).toEqual({
      id: 1,
      name: 'A',
      email: '',
      phone: { id: 10, userId: 1, number: 'a-phone' },
      posts: [{ id: 100, userId: 1, title: 'a-post', published: false }],
    })
    expect(useRepo(User, b).with('phone').with('posts').find(1)!.$toJson()).toEqual({
      id: 1,
      name: 'B',
      email: '',
      phone: { id: 20, userId: 1, number: 'b-phone' },
      posts: [{ id: 200, userId: 1, title: 'b-post', published: false }],
    })
    expect(useRepo(Phone, a).with('user').get().map(phone => phone.$toJson())).toEqual([
      { id: 10, userId: 1, number: 'a-phone', user: { id: 1, name: 'A', email: '' } },
    ])
    expect(useRepo(Phone, b).with('user').get().map(phone => [phone.number, phone.user?.name ?? null])).toEqual([
      ['b-other', null],
      ['b-phone', 'B'],
    ])
  })

  it('keep their own state, and writes to one do not touch the other\'s indexes', () => {
    const a = createPinia()
    const b = createPinia()
    useRepo(Post, a).save([{ id: 1, userId: 1 }, { id: 2, userId: 1 }])
    useRepo(User, a).save({ id: 1 })
    useRepo(User, b).save({ id: 1 })
    expect(useRepo(User, a).with('posts').find(1)!.posts!.length).toBe(2)

    for (let i = 0; i < 5; i++) {
      useRepo(Post, b).save({ id: 10 + i, userId: 1 })
      useRepo(Post, a).destroy(1)
    }

    expect(useRepo(User, a).with('posts').find(1)!.posts!.map(post => post.id)).toEqual([2])
    expect(useRepo(User, b).with('posts').find(1)!.posts!.map(post => post.id)).toEqual([10, 11, 12, 13, 14])
    expect(Object.keys(a.state.value.posts!.data)).toEqual(['2'])
    expect(Object.keys(b.state.value.posts!.data)).toEqual(['10', '11', '12', '13', '14'])
  })

  it('return distinct instances, so changing one result never shows in another instance\'s', () => {
    const a = createPinia()
    const b = createPinia()
    useRepo(User, a).save({ id: 1, name: 'A' })
    useRepo(User, b).save({ id: 1, name: 'B' })

    const fromA = useRepo(User, a).find(1)!
    fromA.name = 'mutated'

    expect(useRepo(User, b).find(1)!.name).toBe('B')
    expect(useRepo(User, a).find(1)!.name).toBe('A')
  })
})

import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { useRepo } from '../../src/runtime/orm'
import { Phone, User } from './models'

describe('cyclic nested input', () => {
  it('saves a user whose phone points back to the same user object once per record', () => {
    const pinia = createPinia()
    const user: Record<string, unknown> = { id: 1, name: 'Ann' }
    const phone = { id: 10, number: '111', user }
    user.phone = phone
    const writes: number[] = []
    useRepo(User, pinia).piniaStore().$subscribe(() => writes.push(1), { flush: 'sync' })

    const saved = useRepo(User, pinia).save(user)

    expect(writes).toEqual([1])
    expect(pinia.state.value).toEqual({
      users: { data: { 1: { id: 1, name: 'Ann', email: '' } } },
      phones: { data: { 10: { id: 10, userId: 1, number: '111' } } },
    })
    // The back-reference comes back with the user's attributes only, so the result has no cycle.
    expect(saved.$toJson()).toEqual({
      id: 1,
      name: 'Ann',
      email: '',
      phone: { id: 10, userId: 1, number: '111', user: { id: 1, name: 'Ann', email: '' } },
    })
  })

  it('saves a phone whose user points back to the phone', () => {
    const pinia = createPinia()
    const phone: Record<string, unknown> = { id: 10, number: '111' }
    phone.user = { id: 1, name: 'Ann', phone }

    useRepo(Phone, pinia).save(phone)

    expect(pinia.state.value).toEqual({
      phones: { data: { 10: { id: 10, userId: 1, number: '111' } } },
      users: { data: { 1: { id: 1, name: 'Ann', email: '' } } },
    })
  })

  it('takes a record object listed twice once', () => {
    const pinia = createPinia()
    const post = { id: 100, title: 'shared' }
    const user = { id: 1, posts: [post, post] }

    const saved = useRepo(User, pinia).save([user, user])

    expect(saved.map(item => item.id)).toEqual([1, 1])
    expect(Object.keys(pinia.state.value.posts!.data)).toEqual(['100'])
  })
})

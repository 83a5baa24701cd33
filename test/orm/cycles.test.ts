import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
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

describe('a record nested inside its own occurrence', () => {
  class Country extends Model {
    static override entity = 'countries'
    static override fields() {
      return { id: this.attr(null) }
    }
  }
  class Author extends Model {
    static override entity = 'authors'
    static override fields() {
      return {
        id: this.attr(null),
        name: this.string(''),
        countryId: this.attr(null),
        country: this.belongsTo(Country, 'countryId'),
        articles: this.hasMany(Article, 'authorId'),
      }
    }
  }
  class Article extends Model {
    static override entity = 'articles'
    static override fields() {
      return { id: this.attr(null), authorId: this.attr(null), author: this.belongsTo(Author, 'authorId') }
    }
  }

  it('keeps what the outer occurrence gives, in its fields and through its relations, over the copy inside it', () => {
    const pinia = createPinia()
    useRepo(Country, pinia).save([{ id: 1 }, { id: 2 }])
    // As pinia-orm's normalizer: the outer author's country (2) wins over the copy's countryId (1),
    // and its name over the copy's.
    useRepo(Author, pinia).save({ id: 1, name: 'Outer', country: { id: 2 }, articles: [{ id: 3, author: { id: 1, name: 'Inner', countryId: 1 } }] })
    expect(pinia.state.value.authors!.data[1]).toEqual({ id: 1, name: 'Outer', countryId: 2 })
    // What the outer occurrence does not give, the copy inside it sets.
    useRepo(Author, pinia).save({ id: 1, articles: [{ id: 3, author: { id: 1, countryId: 1 } }] })
    expect(pinia.state.value.authors!.data[1]).toEqual({ id: 1, name: 'Outer', countryId: 1 })
  })
})

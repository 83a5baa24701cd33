// A query read through the per-Pinia cache (query/cachedRead.ts): the key a query without a key of
// its own is cached under, and the query left as it was after the read.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useRepo } from '../../../src/runtime/orm'
import { cachedGet, describe as describeQuery } from '../../../src/runtime/orm/query/cachedRead'
import { Post, User } from '../models'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, name: 'Ann', posts: [{ id: 10, title: 'a' }] }, { id: 2, name: 'Bob' }])
})

const users = () => useRepo(User, pinia).query()

describe('describe', () => {
  it('is the same for equal queries built apart, functions included when they are the same function', () => {
    const adult = (id: number) => id > 0

    expect(describeQuery(users().where('id', adult).orderBy('name').limit(2).with('posts'))).toBe(describeQuery(users().where('id', adult).orderBy('name').limit(2).with('posts')))
  })

  it('differs when the conditions, order, ids, paging, groups or loads differ', () => {
    const descriptions = [
      users(),
      users().where('name', 'Ann'),
      users().where('name', 'Bob'),
      users().where('id', () => true),
      users().orderBy('name'),
      users().orderBy('name', 'desc'),
      users().whereId(1),
      users().limit(1),
      users().offset(1),
      users().groupBy('name') as unknown as ReturnType<typeof users>,
      users().with('posts'),
      users().with('posts', query => query.where('title', 'a')),
    ].map(query => describeQuery(query))

    expect(new Set(descriptions).size).toBe(descriptions.length)
  })
})

describe('cachedGet', () => {
  it('answers an equal query from the cache until the entity it read is written', () => {
    const first = cachedGet(users().where('name', 'Ann').useCache())

    expect(cachedGet(users().where('name', 'Ann').useCache())).toBe(first)
    useRepo(User, pinia).save({ id: 3, name: 'Ann' })
    expect(cachedGet(users().where('name', 'Ann').useCache())).not.toBe(first)
  })

  it('depends on the related entities it loaded too', () => {
    const first = cachedGet(users().with('posts').useCache('withPosts'))

    useRepo(Post, pinia).save({ id: 11, userId: 2, title: 'b' })
    expect(cachedGet(users().with('posts').useCache('withPosts'))).not.toBe(first)
  })

  it('leaves the query\'s cache key as it was, after a read that throws too', () => {
    const query = users().useCache('k', { a: 1 })
    cachedGet(query)
    expect(query._cacheKey).toBe('key:k:{"a":1}')

    const failing = users().where(() => {
      throw new Error('boom')
    }).useCache()
    expect(() => cachedGet(failing)).toThrow('boom')
    expect(failing._cacheKey).toBe('')
  })
})

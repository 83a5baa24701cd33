// Stored records tested against a query's constraints without making instances (query/accept.ts):
// count() and what whereHas() asks of its constraint, on a real Pinia store.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useRepo } from '../../../src/runtime/orm'
import { getDatabase } from '../../../src/runtime/orm/database'
import type { StoredRecord } from '../../../src/runtime/orm/keys'
import { acceptedRecords, countMatching, recordTest } from '../../../src/runtime/orm/query/accept'
import { getSchema } from '../../../src/runtime/orm/schema'
import { Post, User } from '../models'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }])
  useRepo(Post, pinia).save([
    { id: 1, userId: 1, title: 'a', published: true },
    { id: 2, userId: 1, title: 'b', published: false },
    { id: 3, userId: 2, title: 'c', published: true },
    { id: 4, userId: 2, title: 'd', published: true },
  ])
})

const records = (): StoredRecord[] => Object.values(getDatabase(pinia).data('posts') as Record<string, StoredRecord>)
const posts = () => useRepo(Post, pinia).query()

describe('countMatching', () => {
  it('counts the records passing the wheres and whereId, whatever the order and page', () => {
    expect(countMatching(posts())).toBe(4)
    expect(countMatching(posts().where('published', true).limit(1).offset(1))).toBe(3)
    expect(countMatching(posts().whereId([4, 2, 9]))).toBe(2)
    expect(countMatching(posts().whereId([1]).orWhere('userId', 2))).toBe(3)
  })

  it('makes no instance for a where on stored attributes, and one per record for a function given alone', () => {
    const hydrate = vi.spyOn(getSchema(Post), 'hydrate')

    expect(countMatching(posts().where('title', ['a', 'c']))).toBe(2)
    expect(hydrate).not.toHaveBeenCalled()
    expect(countMatching(posts().where(post => post.title > 'b'))).toBe(2)
    expect(hydrate).toHaveBeenCalledTimes(4)
  })
})

describe('acceptedRecords', () => {
  it('are the stored records themselves that pass, none made an instance', () => {
    const hydrate = vi.spyOn(getSchema(Post), 'hydrate')
    const all = records()

    const accepted = acceptedRecords(posts().where('published', true).whereId([1, 2, 3]), all)!

    expect(accepted).toEqual([all[0], all[2]])
    expect(accepted[0]).toBe(all[0])
    expect(hydrate).not.toHaveBeenCalled()
  })

  it('are the records given, as they are, when the query has no condition', () => {
    const all = records()

    expect(acceptedRecords(posts(), all)).toBe(all)
  })

  it('are undefined when the query orders, pages or loads relations', () => {
    expect(acceptedRecords(posts().orderBy('title'), records())).toBeUndefined()
    expect(acceptedRecords(posts().limit(2), records())).toBeUndefined()
    expect(acceptedRecords(posts().offset(1), records())).toBeUndefined()
    expect(acceptedRecords(posts().with('author'), records())).toBeUndefined()
  })
})

describe('recordTest', () => {
  it('tests one stored record at a time as acceptedRecords would', () => {
    const test = recordTest(posts().where('userId', 2).orWhere('title', 'a'))!

    expect(records().map(test)).toEqual([true, false, true, true])
  })

  it('is undefined when the query orders, pages or loads relations', () => {
    expect(recordTest(posts().orderBy('title'))).toBeUndefined()
    expect(recordTest(posts().limit(1))).toBeUndefined()
    expect(recordTest(posts().with('author'))).toBeUndefined()
  })
})

// Which stored records a query reads and the instances it makes of them (query/select.ts), on a
// real Pinia store.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useRepo } from '../../../src/runtime/orm'
import { getDatabase } from '../../../src/runtime/orm/database'
import type { StoredRecord } from '../../../src/runtime/orm/keys'
import { candidates, matchingRecords, select } from '../../../src/runtime/orm/query/select'
import { getSchema } from '../../../src/runtime/orm/schema'
import { User } from '../models'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([
    { id: 1, name: 'Ann', email: 'a@x', posts: [{ id: 10, title: 'p' }] },
    { id: 2, name: 'Bob', email: '' },
    { id: 3, name: 'Cid', email: 'c@x' },
    { id: 4, name: 'Dee', email: '' },
  ])
})

const stored = (): Record<string, StoredRecord> => getDatabase(pinia).data('users') as Record<string, StoredRecord>
const ids = (items: readonly object[]) => items.map(item => (item as { id?: unknown }).id)

describe('candidates', () => {
  it('are the stored records named by whereId, in its order, skipping keys without a record', () => {
    const found = candidates(useRepo(User, pinia).query().whereId([3, 9, 1]))

    expect(found).toHaveLength(2)
    expect(found[0]).toBe(stored()[3])
    expect(found[1]).toBe(stored()[1])
  })

  it('are every stored record without whereId, or when an orWhere can keep records whereId does not name', () => {
    expect(ids(candidates(useRepo(User, pinia).query()))).toEqual([1, 2, 3, 4])
    expect(ids(candidates(useRepo(User, pinia).query().whereId(1).orWhere('name', 'Dee')))).toEqual([1, 2, 3, 4])
  })
})

describe('select', () => {
  it('makes an instance only of each record that passes a filter without order or page', () => {
    const hydrate = vi.spyOn(getSchema(User), 'hydrate')
    const query = useRepo(User, pinia).query().where('email', '')

    const items = select(query, Object.values(stored()), false)

    expect(ids(items)).toEqual([2, 4])
    expect(hydrate).toHaveBeenCalledTimes(2)
  })

  it('filters by the ids itself when the records given are not yet those of whereId', () => {
    const query = useRepo(User, pinia).query().whereId([4, 2])

    expect(ids(select(query, Object.values(stored()), false))).toEqual([2, 4])
  })

  it('filters, then sorts, then pages, as filtering, sorting and slicing the records by hand', () => {
    fc.assert(fc.property(fc.boolean(), fc.integer({ min: 0, max: 5 }), fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), (desc, skip, take) => {
      const query = useRepo(User, pinia).query().where('id', (id: number) => id !== 3).orderBy('name', desc ? 'desc' : 'asc').offset(skip)
      if (take !== undefined)
        query.limit(take)
      const names = Object.values(stored()).filter(record => record.id !== 3).map(record => record.name as string).sort()
      if (desc)
        names.reverse()

      expect(select(query, Object.values(stored()), false).map(item => (item as unknown as { name: string }).name)).toEqual(names.slice(skip, take === undefined ? undefined : skip + take))
    }))
  })

  it('sorts by a function of the instance', () => {
    const query = useRepo(User, pinia).query().orderBy(user => user.email.length, 'desc').orderBy('id')

    expect(ids(select(query, Object.values(stored()), false))).toEqual([1, 3, 2, 4])
  })
})

describe('matchingRecords', () => {
  it('are the instances the query reads, in its order and page, with no relation loaded', () => {
    const query = useRepo(User, pinia).query().with('posts').orderBy('id', 'desc').limit(3)

    const items = matchingRecords(query)

    expect(ids(items)).toEqual([4, 3, 2])
    expect(matchingRecords(useRepo(User, pinia).query().with('posts').whereId(1))[0]).not.toHaveProperty('posts')
    expect(useRepo(User, pinia).query().with('posts').whereId(1).get()[0]!.posts).toHaveLength(1)
  })
})

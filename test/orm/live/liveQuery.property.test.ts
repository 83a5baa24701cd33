// After every write of a random sequence, each live query's result equals a fresh get() of the same
// query, item for item: same records, same order, same loaded relations.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import type { Query } from '../../../src/runtime/orm'
import { LivePhone, LivePost, LiveTag, LiveUser, liveModels } from './liveModels'
import { apply, write } from './liveWrites'

/** The queries under test, each built afresh on demand. */
const QUERIES: Record<string, (pinia: Pinia) => Query> = {
  'all users with phone': pinia => useRepo(LiveUser, pinia).with('phone'),
  'where + orderBy + with + limit': pinia => useRepo(LiveUser, pinia).where('active', true).orderBy('name').with('posts').limit(3),
  'two orders, offset and limit': pinia => useRepo(LiveUser, pinia).orderBy('name', 'desc').orderBy('age').offset(2).limit(4).with('phone').with('posts'),
  'offset only': pinia => useRepo(LiveUser, pinia).offset(3),
  'whereIn, orWhere with a function value': pinia => useRepo(LiveUser, pinia).whereIn('name', ['Ann', 'Cy']).orWhere('age', (age: number) => age > 21).with('phone'),
  'where with a function of the instance': pinia => useRepo(LiveUser, pinia).where(user => (user as LiveUser).age % 2 === 0).orderBy('age', 'desc'),
  'whereNull, belongsTo': pinia => useRepo(LivePost, pinia).whereNotNull('userId').with('author').orderBy('title'),
  'phones (nothing loaded)': pinia => useRepo(LivePhone, pinia).where('number', ['1', '2']),
  'string ids in store order': pinia => useRepo(LiveTag, pinia).query(),
  'string ids sorted by label': pinia => useRepo(LiveTag, pinia).orderBy('label').limit(4),
  'relation query (recomputed)': pinia => useRepo(LiveUser, pinia).has('posts').with('phone'),
  'nested with (recomputed)': pinia => useRepo(LivePost, pinia).with('author.phone'),
  'whereId (recomputed)': pinia => useRepo(LiveUser, pinia).whereId([3, 1, 2]).with('posts'),
}

function snapshot(items: readonly unknown[]): unknown {
  return JSON.parse(JSON.stringify(items))
}

describe('a live query', () => {
  for (const [name, build] of Object.entries(QUERIES)) {
    it(`equals a fresh get() after every write: ${name}`, () => {
      fc.assert(fc.property(fc.array(write, { maxLength: 40 }), (steps) => {
        const pinia = createPinia()
        registerModels(pinia, liveModels)
        const live = build(pinia).live()
        try {
          for (const step of steps) {
            apply(pinia, step)
            const fresh = build(pinia).get() as unknown[]
            expect(live.value.map(item => (item as object).constructor)).toEqual(fresh.map(item => (item as object).constructor))
            expect(snapshot(live.value)).toEqual(snapshot(fresh))
          }
        }
        finally {
          live.stop()
        }
      }), { numRuns: 60 })
    })
  }
})

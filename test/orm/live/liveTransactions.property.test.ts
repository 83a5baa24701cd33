// Live queries with nested loads, pivot and morph relations and relation queries follow random
// transactions, transactions that throw, and optimistic writes committed or rolled back in any
// order: after each step, the live result equals a fresh get(), item for item.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { optimistic, registerModels, transaction, useRepo } from '../../../src/runtime/orm'
import type { Query } from '../../../src/runtime/orm'
import { LiveUser, liveModels } from './liveModels'
import { apply, writeOf } from './liveWrites'
import { snapshot } from './snapshot'

const QUERIES: Record<string, (pinia: Pinia) => Query> = {
  'nested and constrained loads': pinia => useRepo(LiveUser, pinia).with('posts.author.phone').with('posts', query => query.where('title', 't1')).orderBy('name'),
  'pivot and morph relations': pinia => useRepo(LiveUser, pinia).with('roles').with('image').with('tags'),
  'relation queries, whereId and an orderBy function': pinia => useRepo(LiveUser, pinia).whereId([1, 2, 3, 4, 5, 6]).whereHas('posts', query => query.where('title', ['t1', 't2'])).orderBy(user => (user as LiveUser).age),
}

const writes = writeOf('user', 'dropUser', 'phone', 'phoneNumber', 'post', 'postTitle', 'dropPost', 'role', 'roleUser', 'pivotLevel', 'image', 'userTags', 'tag', 'nested')
const step = fc.record({
  mode: fc.constantFrom('write', 'transaction', 'throw', 'optimistic', 'rollback', 'commit'),
  writes: fc.array(writes, { minLength: 1, maxLength: 4, size: 'max' }),
  pick: fc.nat(),
})

describe('a live query under transactions and optimistic writes', () => {
  for (const [name, build] of Object.entries(QUERIES)) {
    it(`equals a fresh get() after every step: ${name}`, () => {
      fc.assert(fc.property(fc.array(step, { minLength: 10, maxLength: 30, size: 'max' }), (steps) => {
        const pinia = createPinia()
        registerModels(pinia, liveModels)
        const live = build(pinia).live()
        const open: { commit: () => void, rollback: () => void }[] = []
        try {
          for (const { mode, writes, pick } of steps) {
            const run = () => writes.forEach(write => apply(pinia, write))
            if (mode === 'write')
              run()
            else if (mode === 'transaction')
              transaction(run, pinia)
            else if (mode === 'throw')
              expect(() => transaction(() => {
                run()
                throw new Error('failed')
              }, pinia)).toThrow('failed')
            else if (mode === 'optimistic')
              open.push(optimistic(run, pinia))
            else if (open.length > 0)
              open.splice(pick % open.length, 1)[0]![mode]()
            expect(snapshot(live.value)).toEqual(snapshot(build(pinia).get()))
          }
        }
        finally {
          live.stop()
        }
      }), { numRuns: 40, seed: 1515 })
    })
  }
})

// Properties of transaction(): a transaction that ends is the same as its writes made one by one,
// and a transaction that throws (its own error, a hook's or a validation error, at any point) leaves
// everything a reader can see as it was: records, key order, relation lookups, counts. Nested
// transactions that throw and are caught leave out exactly their own writes.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { toRaw } from 'vue'
import { registerModels, transaction, useRepo } from '../../../src/runtime/orm'
import { Phone, Post, User } from './models'

type Write
  = | { type: 'saveUser', id: number | string, name: string, posts: (number | string)[] }
    | { type: 'savePost', id: number | string, userId: number | string | null }
    | { type: 'destroyUser', id: number | string }
    | { type: 'destroyPost', id: number | string }
    | { type: 'rename', name: string }
    | { type: 'read' }
    | { type: 'invalid' }

/** A group of writes: plain, or in a nested transaction that throws at its end. */
interface Segment {
  nested: boolean
  writes: Write[]
}

function fresh(): Pinia {
  const pinia = createPinia()
  registerModels(pinia, [User, Post, Phone])
  useRepo(User, pinia).save([
    { id: 1, name: 'Ann', posts: [{ id: 10 }, { id: 'p' }, { id: 'r' }], phone: { id: 100 } },
    { id: 'b', name: 'Bob', posts: [{ id: 'q' }, { id: 11 }] },
    { id: 'a', name: 'Al' },
  ])
  return pinia
}

function apply(pinia: Pinia, write: Write) {
  switch (write.type) {
    case 'saveUser':
      useRepo(User, pinia).save({ id: write.id, name: write.name, posts: write.posts.map(id => ({ id })) })
      break
    case 'savePost':
      useRepo(Post, pinia).save({ id: write.id, userId: write.userId })
      break
    case 'destroyUser':
      useRepo(User, pinia).destroy(write.id)
      break
    case 'destroyPost':
      useRepo(Post, pinia).destroy(write.id)
      break
    case 'rename':
      useRepo(Post, pinia).where('userId', (value: unknown) => value !== null).update({ title: write.name })
      break
    case 'read':
      useRepo(User, pinia).with('posts').get()
      useRepo(Post, pinia).with('author').get()
      break
    case 'invalid':
      useRepo(Post, pinia).save({ title: 'no key' })
      break
  }
}

function observe(pinia: Pinia) {
  return {
    state: structuredClone(toRaw(pinia.state.value)),
    keys: ['users', 'posts', 'phones'].map(entity => Object.keys(toRaw(pinia.state.value)[entity]!.data)),
    users: useRepo(User, pinia).with('posts').with('phone').get().map(user => JSON.stringify(user)),
    authors: useRepo(Post, pinia).with('author').get().map(post => JSON.stringify(post)),
    counts: [useRepo(User, pinia).count(), useRepo(Post, pinia).count(), useRepo(Phone, pinia).count()],
  }
}

const userId = fc.constantFrom<number | string>(1, 2, 'a', 'b')
const postId = fc.constantFrom<number | string>(10, 11, 12, 'p', 'q', 'r')
const write: fc.Arbitrary<Write> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('saveUser' as const), id: userId, name: fc.constantFrom('x', 'y', 'throw in saved'), posts: fc.array(postId, { maxLength: 2 }) }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant('savePost' as const), id: postId, userId: fc.oneof(userId, fc.constant(null)) }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant('destroyUser' as const), id: userId }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('destroyPost' as const), id: postId }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('rename' as const), name: fc.constantFrom('t', 'u') }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('read' as const) }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('invalid' as const) }), weight: 1 },
)
const segments = fc.array(fc.record({ nested: fc.boolean(), writes: fc.array(write, { maxLength: 4 }) }), { maxLength: 4 })

/** The writes one by one, without a transaction, leaving out the nested ones that are undone. */
function oneByOne(list: Segment[]): Pinia | undefined {
  const pinia = fresh()
  try {
    for (const segment of list) {
      if (segment.nested)
        continue
      for (const each of segment.writes)
        apply(pinia, each)
    }
  }
  catch {
    return undefined
  }
  return pinia
}

function inTransaction(pinia: Pinia, list: Segment[], fail: boolean) {
  transaction(() => {
    for (const segment of list) {
      if (!segment.nested) {
        for (const each of segment.writes)
          apply(pinia, each)
        continue
      }
      try {
        transaction(() => {
          for (const each of segment.writes)
            apply(pinia, each)
          throw new Error('undo nested')
        }, pinia)
      }
      catch (error) {
        // A nested transaction is undone whatever its error was.
        expect(error).toBeInstanceOf(Error)
      }
    }
    if (fail)
      throw new Error('undo all')
  }, pinia)
}

describe('transaction() properties', () => {
  // Random posts point at users that do not exist: the dev warning about it is expected, and
  // the only console output allowed.
  afterEach(() => {
    for (const [message] of vi.mocked(console.warn).mock.calls)
      expect(String(message)).toMatch(/a saved Post has userId = .*, but no User record has that id/)
    vi.mocked(console.warn).mockClear()
  })

  it('ends with what the same writes make one by one, or with nothing when any write throws', () => {
    fc.assert(fc.property(segments, (list) => {
      const expected = oneByOne(list)
      const pinia = fresh()
      const before = observe(pinia)
      let threw = false
      try {
        inTransaction(pinia, list, false)
      }
      catch {
        threw = true
      }
      expect(threw).toBe(expected === undefined)
      expect(observe(pinia)).toEqual(expected ? observe(expected) : before)
    }), { numRuns: 200 })
  })

  it('leaves everything as it was when it throws at the end', () => {
    fc.assert(fc.property(segments, (list) => {
      const pinia = fresh()
      // Indexes built before the transaction must answer as before after it.
      const before = observe(pinia)
      expect(() => inTransaction(pinia, list, true)).toThrow()
      expect(observe(pinia)).toEqual(before)
    }), { numRuns: 200 })
  })
})

// transaction(fn): the writes of fn, across entities, are one write: seen whole or not at all,
// one store patch per entity, and undone exactly when fn throws.
import { createPinia, setActivePinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, nextTick, toRaw, watch } from 'vue'
import { OrmError, registerModels, transaction, useRepo } from '../../../src/runtime/orm'
import { Phone, Post, User } from './models'

let pinia: Pinia

function seed() {
  useRepo(User, pinia).save([
    { id: 1, name: 'Ann', posts: [{ id: 10, title: 'a' }, { id: 11, title: 'b' }], phone: { id: 100, number: '555' } },
    { id: 2, name: 'Bob', posts: [{ id: 12, title: 'c' }] },
  ])
}

/** Everything a reader can see: the stores, in key order, and lookups through the FK indexes. */
function observe() {
  return {
    state: structuredClone(toRaw(pinia.state.value)),
    keys: ['users', 'posts', 'phones'].map(entity => Object.keys(toRaw(pinia.state.value)[entity]!.data)),
    users: useRepo(User, pinia).with('posts').with('phone').get().map(user => JSON.stringify(user)),
    authors: useRepo(Post, pinia).with('author').get().map(post => JSON.stringify(post)),
    withPosts: useRepo(User, pinia).has('posts').get().map(user => user.id),
    counts: [useRepo(User, pinia).count(), useRepo(Post, pinia).count(), useRepo(Phone, pinia).count()],
  }
}

beforeEach(() => {
  pinia = createPinia()
  registerModels(pinia, [User, Post, Phone])
  seed()
})

describe('transaction()', () => {
  it('returns what its function returns', () => {
    const saved = transaction(() => useRepo(User, pinia).save({ id: 3, name: 'Cy' }), pinia)

    expect(saved).toBeInstanceOf(User)
    expect(saved.name).toBe('Cy')
  })

  it('lets reads inside the function see the writes made so far', () => {
    transaction(() => {
      useRepo(Post, pinia).save({ id: 13, userId: 2, title: 'd' })
      useRepo(User, pinia).save({ id: 3, name: 'Cy' })

      expect(useRepo(User, pinia).with('posts').find(2)!.posts.map(post => post.id)).toEqual([12, 13])
      expect(useRepo(User, pinia).count()).toBe(3)
      expect(useRepo(User, pinia).where('name', 'Cy').first()?.id).toBe(3)
    }, pinia)

    expect(useRepo(User, pinia).with('posts').find(2)!.posts.map(post => post.id)).toEqual([12, 13])
  })

  it('makes computeds and watchers see the writes of all entities at once, running once', async () => {
    let runs = 0
    const summary = computed(() => {
      runs++
      return useRepo(User, pinia).with('posts').get().map(user => `${user.name}:${user.posts.length}`).join(',')
    })
    expect(summary.value).toBe('Ann:2,Bob:1')
    const seen: string[] = []
    watch(summary, value => seen.push(value))

    transaction(() => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy' })
      useRepo(Post, pinia).save([{ id: 13, userId: 3 }, { id: 14, userId: 3 }])
      useRepo(Post, pinia).destroy(12)
      useRepo(User, pinia).where('id', 1).update({ name: 'Ada' })
    }, pinia)
    await nextTick()

    expect(seen).toEqual(['Ada:2,Bob:0,Cy:2'])
    expect(runs).toBe(2)
  })

  it('has every write in place before the first store patch, so even a sync watcher sees them all', () => {
    const summary = computed(() => useRepo(User, pinia).with('posts').get().map(user => `${user.name}:${user.posts.length}`).join(','))
    expect(summary.value).toBe('Ann:2,Bob:1')
    const seen: string[] = []
    watch(summary, value => seen.push(value), { flush: 'sync' })

    transaction(() => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy' })
      useRepo(Post, pinia).save([{ id: 13, userId: 3 }, { id: 14, userId: 3 }])
    }, pinia)

    expect(seen).toEqual(['Ann:2,Bob:1,Cy:2'])
  })

  it('patches each entity store once, at the end', () => {
    const patches: string[] = []
    for (const model of [User, Post, Phone])
      useRepo(model, pinia).piniaStore().$subscribe(mutation => patches.push(`${mutation.storeId}:${mutation.type}`), { flush: 'sync' })

    transaction(() => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy', posts: [{ id: 13 }] })
      useRepo(User, pinia).save({ id: 4, name: 'Di' })
      useRepo(Post, pinia).save({ id: 14, userId: 4 })
      expect(patches).toEqual([])
    }, pinia)

    expect(patches.sort()).toEqual(['posts:patch function', 'users:patch function'])
  })

  it('puts every store, index and count back as it was when the function throws', () => {
    const before = observe()

    expect(() => transaction(() => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy', posts: [{ id: 13 }], phone: { id: 101 } })
      useRepo(Post, pinia).save({ id: 10, userId: 2, title: 'moved' })
      useRepo(User, pinia).destroy(1)
      useRepo(Phone, pinia).insert({ id: 102, userId: 2 })
      throw new Error('changed my mind')
    }, pinia)).toThrow('changed my mind')

    expect(observe()).toEqual(before)
  })

  it('leaves readers with the results they had when it is undone, even those read inside it', () => {
    const names = computed(() => useRepo(User, pinia).with('posts').get().map(user => `${user.name}:${user.posts.length}`).join(','))
    expect(names.value).toBe('Ann:2,Bob:1')
    const postCount = computed(() => useRepo(Post, pinia).count())
    const seen: string[] = []
    watch(names, value => seen.push(value), { flush: 'sync' })

    expect(() => transaction(() => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy' })
      useRepo(Post, pinia).save({ id: 13, userId: 3 })
      // Readers outside are triggered only at the end: this one still has its result...
      expect(names.value).toBe('Ann:2,Bob:1')
      // ...and this one, first read here, computes from the writes made so far.
      expect(postCount.value).toBe(4)
      throw new Error('no')
    }, pinia)).toThrow('no')

    // Undone: readers of what it wrote run again, and find the records as they were.
    expect(postCount.value).toBe(3)
    expect(names.value).toBe('Ann:2,Bob:1')
    expect(seen).toEqual([])
  })

  it('undoes the writes before a hook that throws', () => {
    const before = observe()

    expect(() => transaction(() => {
      useRepo(Post, pinia).save({ id: 13, userId: 2 })
      useRepo(User, pinia).save({ id: 3, name: 'throw in saved' })
    }, pinia)).toThrow('saved refused')

    expect(observe()).toEqual(before)
  })

  it('undoes the writes before a save that fails validation', () => {
    const before = observe()

    expect(() => transaction(() => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy' })
      useRepo(Post, pinia).save({ title: 'no key' })
    }, pinia)).toThrow(OrmError)

    expect(observe()).toEqual(before)
  })

  it('applies delete rules inside it, and undoes them with it', () => {
    const before = observe()

    expect(() => transaction(() => {
      useRepo(User, pinia).destroy(1)
      expect(useRepo(Post, pinia).where('userId', 1).get()).toEqual([])
      expect(useRepo(Phone, pinia).find(100)?.userId).toBeNull()
      throw new Error('undo the cascade')
    }, pinia)).toThrow('undo the cascade')

    expect(observe()).toEqual(before)
    expect(useRepo(User, pinia).with('posts').find(1)!.posts.map(post => post.id)).toEqual([10, 11])

    transaction(() => useRepo(User, pinia).destroy(1), pinia)

    expect(useRepo(Post, pinia).all().map(post => post.id)).toEqual([12])
    expect(useRepo(Phone, pinia).find(100)?.userId).toBeNull()
  })

  it('puts records with keys that are not integers back in their order', () => {
    useRepo(User, pinia).save([
      { id: 'zed', name: 'Z', posts: [{ id: 'p-z' }] },
      { id: 'amy', name: 'A', posts: [{ id: 'p-a' }] },
      { id: 'kim', name: 'K', posts: [{ id: 'p-k' }] },
    ])
    useRepo(Post, pinia).save([{ id: 'p-z2', userId: 'zed' }, { id: 'p-a2', userId: 'zed' }])
    // Build the index of posts by user before the transaction.
    expect(useRepo(User, pinia).with('posts').find('zed')!.posts.map(post => post.id)).toEqual(['p-z', 'p-z2', 'p-a2'])
    const before = observe()

    expect(() => transaction(() => {
      useRepo(User, pinia).destroy('amy')
      useRepo(Post, pinia).destroy('p-z2')
      useRepo(User, pinia).save({ id: 'amy', name: 'A again' })
      throw new Error('no')
    }, pinia)).toThrow('no')

    expect(observe()).toEqual(before)
    expect(useRepo(User, pinia).with('posts').find('zed')!.posts.map(post => post.id)).toEqual(['p-z', 'p-z2', 'p-a2'])
  })

  it('undoes fresh() and flush() with the rest', () => {
    const before = observe()

    expect(() => transaction(() => {
      useRepo(Post, pinia).fresh([{ id: 20, userId: 2 }])
      useRepo(Phone, pinia).flush()
      expect(useRepo(Post, pinia).count()).toBe(1)
      throw new Error('no')
    }, pinia)).toThrow('no')

    expect(observe()).toEqual(before)
  })

  it('keeps no cached query result of the writes it undid', () => {
    const cached = () => useRepo(User, pinia).useCache('names').get().map(user => user.name)
    expect(cached()).toEqual(['Ann', 'Bob'])

    expect(() => transaction(() => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy' })
      expect(cached()).toEqual(['Ann', 'Bob', 'Cy'])
      throw new Error('no')
    }, pinia)).toThrow('no')

    expect(cached()).toEqual(['Ann', 'Bob'])
    transaction(() => useRepo(User, pinia).save({ id: 3, name: 'Cy' }), pinia)
    expect(cached()).toEqual(['Ann', 'Bob', 'Cy'])
  })

  describe('nested', () => {
    it('joins the transaction around it: one patch per entity at the outer end', () => {
      const patches: string[] = []
      useRepo(User, pinia).piniaStore().$subscribe(mutation => patches.push(mutation.storeId), { flush: 'sync' })

      transaction(() => {
        transaction(() => useRepo(User, pinia).save({ id: 3, name: 'Cy' }), pinia)
        expect(patches).toEqual([])
        useRepo(User, pinia).save({ id: 4, name: 'Di' })
      }, pinia)

      expect(patches).toEqual(['users'])
      expect(useRepo(User, pinia).all().map(user => user.id)).toEqual([1, 2, 3, 4])
    })

    it('undoes only its own writes when it throws and the outer one catches the error', () => {
      transaction(() => {
        useRepo(User, pinia).save({ id: 3, name: 'Cy' })
        expect(() => transaction(() => {
          useRepo(User, pinia).save({ id: 3, name: 'Cyrus' })
          useRepo(User, pinia).destroy(1)
          throw new Error('inner')
        }, pinia)).toThrow('inner')
        expect(useRepo(User, pinia).find(3)?.name).toBe('Cy')
        expect(useRepo(User, pinia).with('posts').find(1)?.posts).toHaveLength(2)
        useRepo(User, pinia).save({ id: 4, name: 'Di' })
      }, pinia)

      expect(useRepo(User, pinia).all().map(user => `${user.id}:${user.name}`)).toEqual(['1:Ann', '2:Bob', '3:Cy', '4:Di'])
      expect(useRepo(Post, pinia).count()).toBe(3)
    })

    it('is undone with the outer one when the outer one throws', () => {
      const before = observe()

      expect(() => transaction(() => {
        transaction(() => useRepo(User, pinia).save({ id: 3, name: 'Cy' }), pinia)
        throw new Error('outer')
      }, pinia)).toThrow('outer')

      expect(observe()).toEqual(before)
    })
  })

  it('rejects a function that returns a promise, undoing what it wrote before its first await', async () => {
    const before = observe()
    let resume!: () => void

    expect(() => transaction(async () => {
      useRepo(User, pinia).save({ id: 3, name: 'Cy' })
      await new Promise<void>(resolve => (resume = resolve))
    }, pinia)).toThrow('transaction(fn): fn returned a promise, but a transaction runs synchronously')

    expect(observe()).toEqual(before)
    resume()
  })

  it('names what it needs when called without a function or a Pinia', () => {
    expect(() => transaction(undefined as unknown as () => void, pinia)).toThrow('transaction() takes a function that makes the writes')
    setActivePinia(undefined)
    expect(() => transaction(() => {})).toThrow('transaction() was called with no active Pinia')
    // Pinia itself reports the lookup of an active Pinia outside a component.
    expect(vi.mocked(console.error).mock.calls.flat().join(' ')).toContain('PINIA_R1004')
    vi.mocked(console.error).mockClear()
  })

  it('keeps writes of another Pinia out of its undo', () => {
    const other = createPinia()
    useRepo(User, other).save({ id: 1, name: 'Other' })

    expect(() => transaction(() => {
      useRepo(User, other).save({ id: 1, name: 'Changed' })
      throw new Error('no')
    }, pinia)).toThrow('no')

    expect(useRepo(User, other).find(1)?.name).toBe('Changed')
  })
})

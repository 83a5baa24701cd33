import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { computed } from 'vue'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import { getDatabase } from '../../../src/runtime/orm/database'
import { Phone, Post, User } from '../models'

function setup(): Pinia {
  const pinia = createPinia()
  registerModels(pinia, [User, Phone, Post])
  useRepo(User, pinia).save([
    { id: 1, name: 'Ann', email: 'ann@x', phone: { id: 10, number: '111' }, posts: [{ id: 100, title: 'a' }] },
    { id: 2, name: 'Bob', email: 'bob@x', phone: { id: 20, number: '222' }, posts: [{ id: 200, title: 'b' }] },
    { id: 3, name: 'Cy', email: 'cy@x' },
  ])
  return pinia
}

/** A full garbage collection (V8's gc(), exposed for this test). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/** A computed that counts its runs. */
function counted<T>(read: () => T) {
  let runs = 0
  const value = computed(() => {
    runs++
    return read()
  })
  return { value, runs: () => runs }
}

describe('find(id) with loaded relations in a computed', () => {
  it('does not re-run when other records or other users\' related records change', () => {
    const pinia = setup()
    const user = counted(() => useRepo(User, pinia).with('phone').with('posts').find(1))
    expect(user.value.value!.phone!.number).toBe('111')

    useRepo(User, pinia).save({ id: 2, name: 'Bobby' })
    useRepo(Phone, pinia).save({ id: 20, userId: 2, number: '999' })
    useRepo(Post, pinia).save({ id: 201, userId: 2 })
    useRepo(User, pinia).save({ id: 4, name: 'Dee' })
    expect(user.value.value!.name).toBe('Ann')
    expect(user.runs()).toBe(1)
  })

  it('re-runs when the record, a loaded related record, or the set a relation matches changes', () => {
    const pinia = setup()
    const user = counted(() => useRepo(User, pinia).with('phone').with('posts').find(1))
    const view = () => [user.value.value?.name, user.value.value?.phone?.number ?? null, user.value.value?.posts?.map(post => post.id)]
    expect(view()).toEqual(['Ann', '111', [100]])

    useRepo(User, pinia).save({ id: 1, name: 'Anna' })
    expect(view()).toEqual(['Anna', '111', [100]])
    useRepo(Phone, pinia).save({ id: 10, userId: 1, number: '112' })
    expect(view()).toEqual(['Anna', '112', [100]])
    useRepo(Post, pinia).save({ id: 101, userId: 1 })
    expect(view()).toEqual(['Anna', '112', [100, 101]])
    useRepo(Post, pinia).save({ id: 200, userId: 1 })
    expect(view()).toEqual(['Anna', '112', [100, 101, 200]])
    useRepo(Phone, pinia).destroy(10)
    expect(view()).toEqual(['Anna', null, [100, 101, 200]])
    useRepo(User, pinia).destroy(1)
    expect(user.value.value).toBeNull()
    expect(user.runs()).toBe(7)
  })

  it('re-runs when the record it did not find arrives', () => {
    const pinia = setup()
    const user = counted(() => useRepo(User, pinia).find(9)?.name ?? null)
    expect(user.value.value).toBeNull()
    useRepo(User, pinia).save({ id: 8, name: 'Other' })
    expect(user.runs()).toBe(1)
    useRepo(User, pinia).save({ id: 9, name: 'Nine' })
    expect(user.value.value).toBe('Nine')
  })

  it('re-runs when a belongsTo key points at another record, and when that record changes', () => {
    const pinia = setup()
    const phone = counted(() => useRepo(Phone, pinia).with('user').find(10)?.user?.name ?? null)
    expect(phone.value.value).toBe('Ann')
    useRepo(User, pinia).save({ id: 2, name: 'Bobby' })
    expect(phone.runs()).toBe(1)
    useRepo(Phone, pinia).save({ id: 10, userId: 2 })
    expect(phone.value.value).toBe('Bobby')
    useRepo(User, pinia).save({ id: 2, name: 'Rob' })
    expect(phone.value.value).toBe('Rob')
    expect(phone.runs()).toBe(3)
  })

  it('re-runs 0 times after 1,000 saves of other records', () => {
    const pinia = setup()
    const user = counted(() => useRepo(User, pinia).with('phone').find(1))
    expect(user.value.value!.name).toBe('Ann')
    for (let i = 0; i < 1000; i++) {
      useRepo(User, pinia).save({ id: 1000 + i, name: `u${i}`, phone: { id: 5000 + i, number: `${i}` } })
      expect(user.value.value!.name).toBe('Ann')
    }
    expect(user.runs()).toBe(1)
  })
})

describe('where queries in a computed', () => {
  it('re-run when a record is added or removed, or a field they filter or sort by changes', () => {
    const pinia = setup()
    const names = counted(() => useRepo(User, pinia).where('email', (email: string) => email.endsWith('@x')).orderBy('name', 'desc').get().map(user => user.name))
    expect(names.value.value).toEqual(['Cy', 'Bob', 'Ann'])

    useRepo(User, pinia).save({ id: 4, name: 'Dee', email: 'dee@y' })
    expect(names.value.value).toEqual(['Cy', 'Bob', 'Ann'])
    useRepo(User, pinia).save({ id: 4, email: 'dee@x' })
    expect(names.value.value).toEqual(['Dee', 'Cy', 'Bob', 'Ann'])
    useRepo(User, pinia).save({ id: 3, name: 'Al' })
    expect(names.value.value).toEqual(['Dee', 'Bob', 'Ann', 'Al'])
    useRepo(User, pinia).destroy(2)
    expect(names.value.value).toEqual(['Dee', 'Ann', 'Al'])
    expect(names.runs()).toBe(5)
  })

  it('do not re-run when a record they do not return changes in a field they neither filter nor sort by', () => {
    const pinia = setup()
    useRepo(Post, pinia).save({ id: 300, userId: 3, title: 'c', published: true })
    const titles = counted(() => useRepo(Post, pinia).where('published', true).get().map(post => post.title))
    expect(titles.value.value).toEqual(['c'])

    useRepo(Post, pinia).save({ id: 100, userId: 1, title: 'changed' })
    expect(titles.value.value).toEqual(['c'])
    expect(titles.runs()).toBe(1)
    useRepo(Post, pinia).save({ id: 300, title: 'returned, so it counts' })
    expect(titles.value.value).toEqual(['returned, so it counts'])
    expect(titles.runs()).toBe(2)
  })

  it('re-run on every write to the entity when they filter with a function of the instance', () => {
    const pinia = setup()
    const names = counted(() => useRepo(User, pinia).where(user => user.name.startsWith('A')).get().map(user => user.name))
    expect(names.value.value).toEqual(['Ann'])
    useRepo(User, pinia).save({ id: 2, email: 'new@x' })
    expect(names.value.value).toEqual(['Ann'])
    expect(names.runs()).toBe(2)
  })
})

describe('writes that change nothing', () => {
  it('trigger no fine-grained read', () => {
    const pinia = setup()
    const user = counted(() => useRepo(User, pinia).with('phone').find(1))
    const all = counted(() => useRepo(User, pinia).with('phone').get().length)
    expect([user.value.value!.name, all.value.value]).toEqual(['Ann', 3])

    useRepo(User, pinia).save({ id: 1, name: 'Ann', email: 'ann@x', phone: { id: 10, userId: 1, number: '111' } })
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    expect([user.value.value!.name, all.value.value]).toEqual(['Ann', 3])
    expect([user.runs(), all.runs()]).toEqual([1, 1])
  })
})

describe('state replaced behind the ORM', () => {
  it('re-runs fine-grained reads after the whole state is replaced (hydration) and after $reset', () => {
    const server = setup()
    useRepo(User, server).save({ id: 1, name: 'Server Ann', phone: { id: 10, number: 'server' } })
    const payload = JSON.parse(JSON.stringify(server.state.value))

    const client = setup()
    const user = counted(() => {
      const found = useRepo(User, client).with('phone').find(1)
      return found ? `${found.name}:${found.phone?.number}` : null
    })
    expect(user.value.value).toBe('Ann:111')
    client.state.value = payload
    expect(user.value.value).toBe('Server Ann:server')
    useRepo(User, client).piniaStore().$reset()
    expect(user.value.value).toBeNull()
  })
})

describe('reads of many records in a computed', () => {
  it('filtered by where: re-run only for a change to a record the filter matches before or after it', () => {
    const pinia = setup()
    const users = useRepo(User, pinia)
    users.save(Array.from({ length: 300 }, (_, i) => ({ id: 10 + i, name: `u${String(i).padStart(3, '0')}`, email: i % 2 === 0 ? 'even' : 'odd' })))
    const evens = counted(() => useRepo(User, pinia).where('email', 'even').orderBy('name').get().map(user => user.name))
    expect(evens.value.value).toHaveLength(150)
    expect(evens.value.value[0]).toBe('u000')

    // Odd users renamed, added and deleted: not one of them is or was matched.
    users.save({ id: 11, name: 'renamed odd' })
    users.save({ id: 999, name: 'new odd', email: 'odd' })
    users.destroy(13)
    expect(evens.value.value).toHaveLength(150)
    expect(evens.runs()).toBe(1)

    // An even user renamed; an odd user made even; an even user made odd; an even user deleted.
    users.save({ id: 10, name: 'zzz' })
    expect(evens.value.value.at(-1)).toBe('zzz')
    users.save({ id: 15, email: 'even' })
    expect(evens.value.value).toHaveLength(151)
    users.save({ id: 12, email: 'odd' })
    users.destroy(14)
    expect(evens.value.value).toHaveLength(149)
    expect(evens.value.value).toEqual(users.where('email', 'even').orderBy('name').get().map(user => user.name))
    expect(evens.runs()).toBe(4)
  })

  it('filtered by where: hold no dependency of an effect once it let go of it', async () => {
    const pinia = setup()
    const users = useRepo(User, pinia)
    users.save(Array.from({ length: 200 }, (_, i) => ({ id: 10 + i, name: `u${i}`, email: 'kept' })))
    const view = counted(() => useRepo(User, pinia).where('email', 'kept').get().length)
    // 50 runs, each a new dependency; the effect keeps only its last one.
    for (let i = 0; i < 50; i++) {
      users.save({ id: 10, name: `renamed ${i}` })
      expect(view.value.value).toBe(200)
    }
    expect(view.runs()).toBe(50)
    const matchers = () => (getDatabase(pinia)._signals as unknown as { entities: Map<string, { matchers?: unknown[] }> }).entities.get('users')!.matchers!.length
    // A full collection, then a write that reaches the matchers: only the live one is left.
    await new Promise(resolve => setTimeout(resolve, 0))
    collectGarbage()
    users.save({ id: 10, name: 'last' })
    expect(matchers()).toBe(1)
    expect(view.value.value).toBe(200)
  })

  it('re-run on any change to their entities, and not for writes that change nothing', () => {
    const pinia = setup()
    useRepo(User, pinia).save(Array.from({ length: 300 }, (_, i) => ({ id: 10 + i, name: `u${i}`, phone: { id: 1000 + i, number: `${i}` } })))
    const view = counted(() => useRepo(User, pinia).with('phone').get().map(user => user.phone?.number ?? '-'))
    expect(view.value.value).toHaveLength(303)

    useRepo(Phone, pinia).save({ id: 1000, userId: 10, number: '0' })
    useRepo(User, pinia).save({ id: 10, name: 'u0' })
    expect(view.runs()).toBe(1)
    useRepo(Phone, pinia).save({ id: 1000, number: 'new' })
    expect(view.value.value[3]).toBe('new')
    useRepo(User, pinia).save({ id: 11, name: 'renamed' })
    expect(view.value.value).toHaveLength(303)
    expect(view.runs()).toBe(3)
  })
})

import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { computed, watch } from 'vue'
import { registerModels, useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'
import { expectWarning } from './expectWarning'

describe('reads in a computed', () => {
  it('re-run after a save, a destroy and a write to a related entity', () => {
    const pinia = createPinia()
    const view = computed(() => useRepo(User, pinia).with('phone').get().map(user => `${user.name}:${user.phone?.number ?? '-'}`))

    expect(view.value).toEqual([])
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    expect(view.value).toEqual(['Ann:-'])
    useRepo(Phone, pinia).save({ id: 10, userId: 1, number: '111' })
    expect(view.value).toEqual(['Ann:111'])
    useRepo(User, pinia).query().where('id', 1).update({ name: 'Anna' })
    expect(view.value).toEqual(['Anna:111'])
    useRepo(Phone, pinia).destroy(10)
    expect(view.value).toEqual(['Anna:-'])
  })

  it('re-run after changes made through Pinia\'s own API', () => {
    const pinia = createPinia()
    const view = computed(() => useRepo(User, pinia).all().map(user => user.name))
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    expect(view.value).toEqual(['Ann'])

    useRepo(User, pinia).piniaStore().$patch({ data: { 2: { id: 2, name: 'Bob', email: '' } } })
    expect(view.value).toEqual(['Ann', 'Bob'])
    useRepo(User, pinia).piniaStore().$reset()
    expect(view.value).toEqual([])
  })

  it('re-run after the store\'s records are replaced by assignment', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    users.save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob', phone: { id: 10, number: '111' } }])
    const counted = computed(() => users.count())
    const names = computed(() => users.all().map(user => user.name))
    const bobs = computed(() => users.where('name', 'Bob').with('phone').get().map(user => user.phone?.number ?? '-'))
    expect([counted.value, names.value, bobs.value]).toEqual([2, ['Ann', 'Bob'], ['111']])

    users.piniaStore().data = { 3: { id: 3, name: 'Bob', email: '' } }
    expect([counted.value, names.value, bobs.value]).toEqual([1, ['Bob'], ['-']])
    expect([users.find(1), users.find(3)?.name]).toEqual([null, 'Bob'])
  })

  it('re-run when they read records through the store itself', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    const store = useRepo(User, pinia).piniaStore()
    const name = computed(() => store.data[1]?.name)
    const ids = computed(() => Object.keys(store.data))
    const deep: unknown[] = []
    watch(() => store.data, () => deep.push(1), { deep: true, flush: 'sync' })
    expect([name.value, ids.value]).toEqual(['Ann', ['1']])

    useRepo(User, pinia).save([{ id: 1, name: 'Anna' }, { id: 2, name: 'Bob' }])
    expect([name.value, ids.value]).toEqual(['Anna', ['1', '2']])
    useRepo(User, pinia).destroy(1)
    expect([name.value, ids.value]).toEqual([undefined, ['2']])
    expect(deep).toEqual([1, 1])
  })

  it('do not re-run for writes to entities they did not read', () => {
    const pinia = createPinia()
    // Creating a Pinia store reads Pinia's root state; register first, as the Nuxt module does.
    registerModels(pinia, [User, Phone, Post])
    let runs = 0
    const view = computed(() => {
      runs++
      return useRepo(User, pinia).all().length
    })

    expect(view.value).toBe(0)
    useRepo(Post, pinia).save({ id: 1 })
    expect(view.value).toBe(0)
    expect(runs).toBe(1)
  })
})

describe('state handed from one Pinia to another (SSR hydration)', () => {
  function serverState() {
    const server = createPinia()
    useRepo(User, server).save([
      { id: 1, name: 'Ann', phone: { id: 10, number: '111' }, posts: [{ id: 100 }, { id: 101 }] },
      { id: 2, name: 'Bob', phone: { id: 20, number: '222' } },
    ])
    const lookups = {
      users: useRepo(User, server).with('phone').with('posts').get().map(user => user.$toJson()),
      phones: useRepo(Phone, server).with('user').get().map(phone => phone.$toJson()),
    }
    return { payload: JSON.parse(JSON.stringify(server.state.value)), lookups }
  }

  it('gives the same relation lookups on a Pinia that starts from the serialized state', () => {
    const { payload, lookups } = serverState()
    const client = createPinia()
    client.state.value = payload
    registerModels(client, [User, Phone, Post])

    expect(useRepo(User, client).with('phone').with('posts').get().map(user => user.$toJson())).toEqual(lookups.users)
    expect(useRepo(Phone, client).with('user').get().map(phone => phone.$toJson())).toEqual(lookups.phones)
  })

  it('rebuilds its indexes when the whole state is replaced after use', () => {
    const { payload, lookups } = serverState()
    const client = createPinia()
    useRepo(User, client).save({ id: 1, name: 'Stale', phone: { id: 99, number: 'stale' } })
    expect(useRepo(User, client).with('phone').find(1)!.phone!.number).toBe('stale')

    client.state.value = payload

    expect(useRepo(User, client).with('phone').with('posts').get().map(user => user.$toJson())).toEqual(lookups.users)
    // Writes after the replacement keep the rebuilt index current.
    useRepo(Phone, client).save({ id: 30, userId: 2, number: '333' })
    useRepo(Phone, client).destroy(20)
    expect(useRepo(User, client).with('phone').find(2)!.phone!.number).toBe('333')
  })

  it('reads no records of a store the replacing state leaves out, and writes it anew', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'Ann', phone: { id: 10, number: '111' } })
    const users = computed(() => useRepo(User, pinia).all().map(user => user.name))
    expect(users.value).toEqual(['Ann'])

    // Only the phones come back; the users' store has no state, then a state without records.
    pinia.state.value = { phones: { data: { 20: { id: 20, userId: 2, number: '222' } } } } as typeof pinia.state.value
    expect(useRepo(User, pinia).all()).toEqual([])
    expect(users.value).toEqual([])
    expect(useRepo(Phone, pinia).with('user').find(20)!.user).toBeNull()

    useRepo(User, pinia).save({ id: 2, name: 'Bob' })
    expect(pinia.state.value.users).toEqual({ data: { 2: { id: 2, name: 'Bob', email: '' } } })
    expect(users.value).toEqual(['Bob'])
    expect(useRepo(Phone, pinia).with('user').find(20)!.user!.name).toBe('Bob')

    pinia.state.value = { users: {} } as typeof pinia.state.value
    expect(useRepo(User, pinia).all()).toEqual([])
    useRepo(User, pinia).save({ id: 3, name: 'Cy' })
    expect(pinia.state.value.users).toEqual({ data: { 3: { id: 3, name: 'Cy', email: '' } } })
    expect(users.value).toEqual(['Cy'])
  })

  it('deletes and replaces in a store the replacing state left out', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    pinia.state.value = {} as typeof pinia.state.value

    useRepo(User, pinia).destroy(1)
    useRepo(User, pinia).flush()
    expect(pinia.state.value.users).toEqual({ data: {} })
    useRepo(User, pinia).fresh({ id: 4, name: 'Dee' })
    expect(useRepo(User, pinia).all().map(user => user.name)).toEqual(['Dee'])
  })
})

describe('related records in the same order on both sides', () => {
  it('gives hasMany in the order of a fresh build after writes in any order', () => {
    const server = createPinia()
    useRepo(User, server).save({ id: 1, name: 'Ann', posts: [{ id: 50 }] })
    // Build the index, then write around it: new ids below and above, a move, a delete.
    expect(useRepo(User, server).with('posts').find(1)!.posts!.map(post => post.id)).toEqual([50])
    useRepo(Post, server).save([{ id: 70, userId: 1 }, { id: 5, userId: 1 }, { id: 60, userId: 2 }])
    expectWarning('Post.author', 'userId = 2')
    useRepo(Post, server).save({ id: 60, userId: 1 })
    useRepo(Post, server).destroy(70)
    const onServer = useRepo(User, server).with('posts').find(1)!.posts!.map(post => post.id)

    const client = createPinia()
    client.state.value = JSON.parse(JSON.stringify(server.state.value))

    expect(onServer).toEqual([5, 50, 60])
    expect(useRepo(User, client).with('posts').find(1)!.posts!.map(post => post.id)).toEqual(onServer)
  })
})

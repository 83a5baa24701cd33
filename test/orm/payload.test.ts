import { createPinia, defineStore } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp, ref } from 'vue'
import { Model, createORM, packState, unpackEntityState, unpackState, useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'

class Event extends Model {
  static override entity = 'events'
  static override fields() {
    return { id: this.uid(), at: this.attr<Date>(null), tags: this.attr<Set<string>>(null) }
  }
}

function serverPinia() {
  const pinia = createPinia()
  useRepo(User, pinia).save([
    { id: 2, name: 'Bob', phone: { id: 20, number: '222' }, posts: [{ id: 201 }, { id: 200 }] },
    { id: 1, name: 'Ann', phone: { id: 10, number: '111' } },
  ])
  return pinia
}

describe('packState and unpackState', () => {
  it('round-trip the state exactly, in the same key order', () => {
    const pinia = serverPinia()
    const state = JSON.parse(JSON.stringify(pinia.state.value))

    const unpacked = unpackState(JSON.parse(JSON.stringify(packState(pinia))))

    expect(unpacked).toEqual(state)
    expect(Object.keys(unpacked)).toEqual(Object.keys(state))
    for (const entity of Object.keys(state))
      expect(Object.keys((unpacked[entity] as { data: object }).data)).toEqual(Object.keys(state[entity].data))
  })

  it('send each field name once per entity, not once per record', () => {
    const pinia = serverPinia()

    expect(packState(pinia).users).toEqual({
      __nuxtPiniaOrm: { key: ['id'], fields: ['id', 'name', 'email'], rows: [[1, 'Ann', ''], [2, 'Bob', '']] },
    })
  })

  it('make a payload smaller than the plain state once there are a few records', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save(Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `user-${i + 1}`, phone: { id: i + 1, number: `${i}` } })))

    expect(JSON.stringify(packState(pinia)).length).toBeLessThan(JSON.stringify(pinia.state.value).length)
  })

  it('give a client the same relation lookups as the server', () => {
    const server = serverPinia()
    const client = createPinia()
    client.state.value = unpackState(JSON.parse(JSON.stringify(packState(server))))

    expect(useRepo(User, client).with('phone').with('posts').get().map(user => user.$toJson()))
      .toEqual(useRepo(User, server).with('phone').with('posts').get().map(user => user.$toJson()))
    expect(useRepo(Phone, client).with('user').get().map(phone => phone.$toJson()))
      .toEqual(useRepo(Phone, server).with('user').get().map(phone => phone.$toJson()))
  })

  it('keep values as they are, for a serializer that carries Dates and Sets', () => {
    const pinia = createPinia()
    const [event] = useRepo(Event, pinia).save([{ at: new Date(0), tags: new Set(['a']) }])

    const unpacked = unpackState(packState(pinia)) as { events: { data: Record<string, { at: Date, tags: Set<string> }> } }

    expect(unpacked.events.data[event!.id]!.at).toEqual(new Date(0))
    expect(unpacked.events.data[event!.id]!.tags).toEqual(new Set(['a']))
  })

  it('pass other stores and records that are not the model\'s shape through unchanged', () => {
    const pinia = createPinia()
    defineStore('cart', { state: () => ({ items: [1, 2] }) })(pinia)
    useRepo(Post, pinia).save({ id: 1, title: 'x' })
    useRepo(Post, pinia).piniaStore().$patch((state) => {
      state.data[2] = { id: 2, title: 'odd', extra: true }
    })
    const state = JSON.parse(JSON.stringify(pinia.state.value))

    expect(unpackState(JSON.parse(JSON.stringify(packState(pinia))))).toEqual(state)
  })

  it('pack the records of a store with more state than them (static piniaOptions), so that any id travels', () => {
    class Bin extends Model {
      static override entity = 'bins'
      static override piniaOptions = { state: () => ({ open: true }) }
      static override fields() {
        return { id: this.attr(null), label: this.string('') }
      }
    }
    const pinia = createPinia()
    useRepo(Bin, pinia).save([{ id: '__proto__', label: 'proto' }, { id: 'b', label: 'plain' }])
    ;(useRepo(Bin, pinia).piniaStore() as unknown as { open: boolean }).open = false
    const packed = packState(pinia) as Record<string, Record<string, unknown>>
    expect(packed.bins!.__nuxtPiniaOrm).toEqual({ key: ['id'], fields: ['id', 'label'], rows: [['__proto__', 'proto'], ['b', 'plain']], state: { open: false } })
    const client = createPinia()
    client.state.value = unpackState(JSON.parse(JSON.stringify(packed)))
    expect(useRepo(Bin, client).find('__proto__')!.label).toBe('proto')
    expect((useRepo(Bin, client).piniaStore() as unknown as { open: boolean }).open).toBe(false)
  })

  it('refuse a packed store that packState() did not make, or a row without its key, saying so', () => {
    const packed = (entity: unknown) => ({ posts: { __nuxtPiniaOrm: entity } })
    expect(() => unpackState(packed({ key: ['id'], fields: ['id', 'title'], rows: [[null, 'x']] }))).toThrowError('[nuxt-pinia-orm] A packed entity store in the payload has a record without its key (\'id\') in row 0. Give unpackState() what packState() returned, serialized and parsed.')
    expect(() => unpackState(packed({ key: ['uuid'], fields: ['id'], rows: [[1], [2]] }))).toThrowError('has a record without its key (\'uuid\') in row 0')
    expect(() => unpackState(packed({ key: ['id'], fields: ['id'], rows: [null] }))).toThrowError('is not in the form packState() makes')
    // A row read character by character, every row under the one key '[]', object ids under
    // '[object Object]', a field '__proto__' made the record's prototype: each was accepted.
    expect(() => unpackState(packed({ key: ['id'], fields: ['id', 'title'], rows: ['xy'] }))).toThrowError('is not in the form packState() makes')
    expect(() => unpackState(packed({ key: [], fields: ['id'], rows: [[1], [2]] }))).toThrowError('is not in the form packState() makes')
    expect(() => unpackState(packed({ key: ['id'], fields: ['id'], rows: [[{ a: 1 }]] }))).toThrowError('has a record without its key (\'id\') in row 0')
    expect(() => unpackState(packed({ key: ['id'], fields: ['__proto__', 'title'], rows: [[{ id: 7 }, 'x']] }))).toThrowError('has a record without its key (\'id\') in row 0')
    expect(() => unpackState(packed(null))).toThrowError('is not in the form packState() makes')
    const protoField = (unpackState(packed({ key: ['id'], fields: ['id', '__proto__'], rows: [[1, { age: 99 }]] })).posts as { data: Record<string, object> }).data['1']!
    expect(Object.getPrototypeOf(protoField)).toBe(Object.prototype)
    expect(Object.getOwnPropertyNames(protoField)).toEqual(['id', '__proto__'])
    expect(() => unpackEntityState(null as never)).toThrowError('is not in the form packState() makes')
    expect(() => unpackState(packed({ key: ['id'], fields: ['id'], rows: null }))).toThrowError('[nuxt-pinia-orm] A packed entity store in the payload is not in the form packState() makes ({ key, fields, rows, extra? }).')
    expect(() => unpackState(packed(5))).toThrowError('is not in the form packState() makes')
    expect(() => unpackState(packed({ key: ['id'], fields: ['id'], rows: [], extra: [null] }))).toThrowError('is not in the form packState() makes')
  })

  it('keep the order of string keys when some records are not the model\'s shape', () => {
    class Tagged extends Model {
      static override entity = 'orderedTags'
      static override fields() {
        return { id: this.attr(null), label: this.string('') }
      }
    }
    const pinia = createPinia()
    useRepo(Tagged, pinia).save([{ id: 'b', label: 'first' }, { id: 'a', label: 'second' }])
    useRepo(Tagged, pinia).piniaStore().$patch((state) => {
      state.data.c = { id: 'c', label: 'third', note: 'not a field' }
    })
    useRepo(Tagged, pinia).save({ id: 'd', label: 'fourth' })
    const client = createPinia()
    client.state.value = unpackState(JSON.parse(JSON.stringify(packState(pinia))))
    expect(useRepo(Tagged, client).all().map(tag => tag.id)).toEqual(['b', 'a', 'c', 'd'])
    expect(Object.keys(client.state.value.orderedTags!.data)).toEqual(Object.keys(pinia.state.value.orderedTags!.data))
  })

  it('pack a setup store\'s records, and the rest of its state beside them', () => {
    class Owner extends Model {
      static override entity = 'setupOwners'
      static override piniaOptions = () => ({ rename: () => 1 })
      static override fields() {
        return { id: this.attr(null), name: this.string('') }
      }
    }
    class Draft extends Model {
      static override entity = 'setupDrafts'
      static override piniaOptions = () => ({ editing: ref('yes') })
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ pinia: { storeType: 'setupStore' } }))
    useRepo(Owner, pinia).save({ id: 1, name: 'A' })
    useRepo(Draft, pinia).save({ id: 1 })
    const packed = JSON.parse(JSON.stringify(packState(pinia))) as Record<string, Record<string, { rows: unknown[][], state?: unknown }>>
    expect(packed.setupOwners!.__nuxtPiniaOrm!.rows).toEqual([[1, 'A']])
    expect(packed.setupDrafts!.__nuxtPiniaOrm).toEqual({ key: ['id'], fields: ['id'], rows: [[1]], state: { editing: 'yes' } })

    const client = createPinia()
    createApp({}).use(client)
    client.use(createORM({ pinia: { storeType: 'setupStore' } }))
    client.state.value = unpackState(packed)
    expect(useRepo(Owner, client).find(1)!.name).toBe('A')
    expect(useRepo(Draft, client).count()).toBe(1)
  })

  it('pack a record by its own fields: one that inherits an enumerable field in their place is kept whole', () => {
    const pinia = createPinia()
    useRepo(Post, pinia).save({ id: 1, title: 'x' })
    // As many enumerable fields as the model's, the last one inherited, not own.
    const fields = Object.keys(pinia.state.value.posts!.data[1])
    const last = fields.at(-1)!
    const inherits = Object.create({ [last]: 'inherited' }) as Record<string, unknown>
    for (const field of fields.slice(0, -1))
      inherits[field] = field === 'id' ? 2 : null
    useRepo(Post, pinia).piniaStore().$patch((state) => {
      state.data[2] = inherits
    })

    const packed = packState(pinia)
    const posts = Object.values(packed.posts as object)[0] as { rows: unknown[][], extra?: [string, unknown][] }

    expect(posts.rows).toHaveLength(1)
    expect(posts.extra).toEqual([['2', inherits, 1]])
    expect(Object.getPrototypeOf((unpackState(packed) as { posts: { data: Record<string, unknown> } }).posts.data[2])).toHaveProperty(last, 'inherited')
  })
})

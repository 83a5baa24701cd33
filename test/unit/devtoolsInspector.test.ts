import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { createORM, registerModels, useRepo } from '../../src/runtime/orm'
import type { ModelClass } from '../../src/runtime/orm'
import { createInspector, displayValue } from '../../src/runtime/devtools/inspector'
import { Phone, Post, User } from '../orm/models'

function setup() {
  const pinia = createPinia()
  registerModels(pinia, [User, Phone, Post])
  const files = new Map<ModelClass, string>([[User, 'models/User.ts'], [Phone, 'models/Phone.ts']])
  return { pinia, inspector: createInspector(pinia, model => files.get(model) ?? null) }
}

describe('the DevTools inspector', () => {
  it('lists every registered entity by model name, with its file, record count, keys, fields and relations', () => {
    const { pinia, inspector } = setup()
    useRepo(User, pinia).save([{ id: 1, name: 'Ada', phone: { id: 10, number: '555' } }, { id: 2, name: 'Linus' }])
    expect(inspector.entities()).toEqual([
      { entity: 'phones', model: 'Phone', file: 'models/Phone.ts', count: 1, primaryKey: ['id'], attributes: ['id', 'userId', 'number'], relations: [{ field: 'user', kind: 'BelongsTo', related: 'users' }] },
      { entity: 'posts', model: 'Post', file: null, count: 0, primaryKey: ['id'], attributes: ['id', 'userId', 'title', 'published'], relations: [{ field: 'author', kind: 'BelongsTo', related: 'users' }] },
      { entity: 'users', model: 'User', file: 'models/User.ts', count: 2, primaryKey: ['id'], attributes: ['id', 'name', 'email'], relations: [{ field: 'phone', kind: 'HasOne', related: 'phones' }, { field: 'posts', kind: 'HasMany', related: 'posts' }] },
    ])
  })

  it('lists the entities of namespaced stores (createORM({ model: { namespace } }) or static namespace)', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ model: { namespace: 'app' } }))
    useRepo(User, pinia).save({ id: 1, name: 'Ada' })
    const inspector = createInspector(pinia, () => null)
    expect(Object.keys(pinia.state.value)).toContain('app/users')
    expect(inspector.entities().map(entity => [entity.entity, entity.count])).toEqual([['users', 1]])
    expect(inspector.records('users').total).toBe(1)
  })

  it('gives each record its attributes as text and the keys of its related records', () => {
    const { pinia, inspector } = setup()
    useRepo(User, pinia).save({ id: 1, name: 'Ada', phone: { id: 10, number: '555' }, posts: [{ id: 7, title: 'Notes' }, { id: 8, title: 'More' }] })
    expect(inspector.records('users')).toEqual({
      total: 1,
      records: [{
        key: '1',
        attributes: { id: '1', name: '"Ada"', email: '""' },
        relations: [{ field: 'phone', entity: 'phones', keys: ['10'] }, { field: 'posts', entity: 'posts', keys: ['7', '8'] }],
      }],
    })
    expect(inspector.records('phones').records[0]!.relations).toEqual([{ field: 'user', entity: 'users', keys: ['1'] }])
  })

  it('searches by key (contained, or exact for a followed relation) and by a field\'s value in any case', () => {
    const { pinia, inspector } = setup()
    useRepo(User, pinia).save([{ id: 1, name: 'Ada' }, { id: 12, name: 'Linus' }, { id: 2, name: 'Adele' }])
    const keys = (search: Parameters<typeof inspector.records>[1]) => inspector.records('users', search).records.map(record => record.key)
    expect(keys({ key: '1' })).toEqual(['1', '12'])
    expect(keys({ key: '1', exactKey: true })).toEqual(['1'])
    expect(keys({ field: 'name', value: 'ADE' })).toEqual(['2'])
    expect(keys({ field: 'name', value: 'ad' })).toEqual(['1', '2'])
    expect(inspector.records('users', { limit: 2 })).toMatchObject({ total: 3, records: [{ key: '1' }, { key: '2' }] })
    expect(inspector.records('unknown')).toEqual({ total: 0, records: [] })
  })

  it('calls a subscriber once per burst of writes, until it unsubscribes', async () => {
    const { pinia, inspector } = setup()
    let calls = 0
    const stop = inspector.subscribe(() => calls++)
    useRepo(User, pinia).save({ id: 1, name: 'Ada', phone: { id: 10, number: '555' } })
    useRepo(Post, pinia).save({ id: 1, userId: 1, title: 'Notes' })
    expect(calls).toBe(0)
    await Promise.resolve()
    expect(calls).toBe(1)
    useRepo(User, pinia).destroy(1)
    await Promise.resolve()
    expect(calls).toBe(2)
    stop()
    useRepo(User, pinia).save({ id: 2, name: 'Linus' })
    await Promise.resolve()
    expect(calls).toBe(2)
  })
})

describe('displayValue', () => {
  it('shows strings quoted and dates, maps, sets, bigints and undefined readably', () => {
    expect(displayValue('Ada')).toBe('"Ada"')
    expect(displayValue(null)).toBe('null')
    expect(displayValue(undefined)).toBe('undefined')
    expect(displayValue(12n)).toBe('12n')
    expect(displayValue(new Date('2024-05-06T07:08:09.000Z'))).toBe('Date(2024-05-06T07:08:09.000Z)')
    expect(displayValue(new Map([['a', 1]]))).toBe('Map([["a",1]])')
    expect(displayValue(new Set([1, 2]))).toBe('Set([1,2])')
    expect(displayValue({ total: 3n })).toBe('{"total":"3n"}')
  })
})

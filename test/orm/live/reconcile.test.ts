// The reconciliation of a reloaded branch with the last load, and the relation queries a live
// query can keep: unit tests of reconcile.ts and liveHas.ts.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import type { Query } from '../../../src/runtime/orm'
import { getDatabase } from '../../../src/runtime/orm/database'
import type { EagerLoad } from '../../../src/runtime/orm/eagerLoad'
import { getSchema } from '../../../src/runtime/orm/schema'
import { branchOf } from '../../../src/runtime/orm/live/liveBranch'
import { liveHasOf, parentsToTest } from '../../../src/runtime/orm/live/liveHas'
import { reconcileValue } from '../../../src/runtime/orm/live/reconcile'
import type { StoredRecord } from '../../../src/runtime/orm/keys'
import { LivePost, LiveUser, liveModels } from './liveModels'

function setup(): Pinia {
  const pinia = createPinia()
  registerModels(pinia, liveModels)
  useRepo(LiveUser, pinia).save([
    { id: 1, name: 'a', posts: [{ id: 10, title: 't1' }, { id: 11, title: 't2' }], roles: [{ id: 1, name: 'r', pivot: { id: 5, level: 1 } }] },
    { id: 2, name: 'b' },
  ])
  return pinia
}

/** The branch of `with(...)` on users, and a fresh load of user 1 through the same query. */
function branch(pinia: Pinia, build: (query: Query) => Query) {
  const query = build(useRepo(LiveUser, pinia).query())
  const load = query._eager[0] as EagerLoad<Query>
  const node = branchOf<object, Query>(getDatabase(pinia), getSchema(LiveUser), load, schema => query._newQuery(schema))!
  const fresh = () => (build(useRepo(LiveUser, pinia).query()).find(1) as unknown as Record<string, unknown>)[load.name]
  return { node, fresh }
}

describe('reconcileValue', () => {
  it('gives the last list itself when no record in it changed', () => {
    const pinia = setup()
    const { node, fresh } = branch(pinia, query => query.with('posts.author'))
    const last = fresh()
    expect(reconcileValue(node, last, fresh(), { entity: 'livePhones', ids: new Set(['1']) })).toBe(last)
  })

  it('keeps the instances whose records did not change and takes the others from the new load', () => {
    const pinia = setup()
    const { node, fresh } = branch(pinia, query => query.with('posts.author'))
    const last = fresh() as LivePost[]
    const next = fresh() as LivePost[]
    const value = reconcileValue(node, last, next, { entity: 'livePosts', ids: new Set(['11']) }) as LivePost[]
    expect(value).not.toBe(last)
    expect(value[0]).toBe(last[0])
    expect(value[1]).toBe(next[1])
    // Below the changed post, its author's instance is kept.
    expect(value[1]!.author).toBe(last[1]!.author)
  })

  it('takes a new instance when its pivot record changed', () => {
    const pinia = setup()
    const { node, fresh } = branch(pinia, query => query.with('roles'))
    const last = fresh() as unknown[]
    const value = reconcileValue(node, last, fresh(), { entity: 'liveRoleUsers', ids: new Set(['5']) }) as unknown[]
    expect(value[0]).not.toBe(last[0])
    expect(reconcileValue(node, last, fresh(), { entity: 'liveRoleUsers', ids: new Set(['6']) })).toBe(last)
  })
})

describe('liveHasOf', () => {
  const shape = (pinia: Pinia, build: (query: Query) => Query) => {
    const query = build(useRepo(LiveUser, pinia).query())
    return liveHasOf(getDatabase(pinia), getSchema(LiveUser), query._shape(), schema => query._newQuery(schema))
  }

  it('names the entities each relation query reads, and the keys of one matched by equal keys', () => {
    const pinia = setup()
    const found = shape(pinia, query => query.has('posts').orWhereDoesntHave('phone', phone => phone.where('number', '1')))!
    expect(found.map(has => [...has.entities])).toEqual([['livePosts'], ['livePhones']])
    expect(found.map(has => has.keys?.related)).toEqual([['userId'], ['userId']])
  })

  it('tests every record again for a dotted name or a relation not matched by keys', () => {
    const pinia = setup()
    const [dotted] = shape(pinia, query => query.has('posts.author.phone'))!
    expect([...dotted!.entities]).toEqual(['livePosts', 'liveUsers', 'livePhones'])
    expect(dotted!.keys).toBeUndefined()
    const [pivot] = shape(pinia, query => query.has('roles'))!
    expect([...pivot!.entities]).toEqual(['liveRoles', 'liveRoleUsers'])
    expect(pivot!.keys).toBeUndefined()
  })

  it('adds the entities a relation query in the constraint reads, and then tests every record', () => {
    const pinia = setup()
    const [has] = shape(pinia, query => query.whereHas('posts', post => post.has('images')))!
    expect([...has!.entities]).toEqual(['livePosts', 'liveImages'])
    expect(has!.keys).toBeUndefined()
  })
})

describe('parentsToTest', () => {
  it('finds the parents whose keys a changed related record had or has, by key or by index', () => {
    const pinia = setup()
    const db = getDatabase(pinia)
    const posts = liveHasOf(db, getSchema(LiveUser), useRepo(LiveUser, pinia).has('posts')._shape(), () => useRepo(LiveUser, pinia).query())![0]!
    const found = new Map<string, StoredRecord>()
    parentsToTest(db, getSchema(LiveUser), posts, [{ id: '10', before: { id: 10, userId: 1 }, after: { id: 10, userId: 2 } }], found)
    expect([...found.keys()]).toEqual(['1', '2'])

    // A belongsTo the other way: the posts whose userId is the changed user's key.
    const author = liveHasOf(db, getSchema(LivePost), useRepo(LivePost, pinia).has('author')._shape(), () => useRepo(LivePost, pinia).query())![0]!
    const children = new Map<string, StoredRecord>()
    parentsToTest(db, getSchema(LivePost), author, [{ id: '1', before: { id: 1 }, after: { id: 1, name: 'x' } }], children)
    expect([...children.keys()]).toEqual(['10', '11'])
  })
})

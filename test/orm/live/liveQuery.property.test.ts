// After every write of a random sequence, each live query's result equals a fresh get() of the same
// query, item for item: same records, same order, same loaded relations; and an item whose record
// and loaded relations did not change keeps its identity.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import type { Query } from '../../../src/runtime/orm'
import { LiveImage, LivePhone, LivePost, LiveTag, LiveTeam, LiveUser, liveModels } from './liveModels'
import { apply, writeOf } from './liveWrites'
import { snapshot } from './snapshot'

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
  'has': pinia => useRepo(LiveUser, pinia).has('posts').with('phone'),
  'whereHas with a constraint and a count, orderBy, limit': pinia => useRepo(LiveUser, pinia).whereHas('posts', query => query.where('title', ['t1', 't2']), '>=', 2).orderBy('name').limit(4),
  'doesntHave, orHas with an operator': pinia => useRepo(LiveUser, pinia).doesntHave('phone').orHas('posts', '>', 1).with('posts'),
  'has and whereDoesntHave of a belongsTo': pinia => useRepo(LivePost, pinia).has('author').whereDoesntHave('author', query => query.where('active', true)).with('author'),
  'orWhereHas beside a where, with nested loads': pinia => useRepo(LiveUser, pinia).where('active', true).orWhereHas('phone', query => query.where('number', '1')).with('posts.author'),
  'dotted relation query': pinia => useRepo(LiveUser, pinia).has('posts.author').with('phone'),
  'dotted whereHas with a constraint on the last relation': pinia => useRepo(LiveUser, pinia).whereHas('posts.author.phone', query => query.where('number', '1')).orderBy('name'),
  'relation queries of pivot, morph and hasManyBy relations': pinia => useRepo(LiveUser, pinia).has('roles').orWhereHas('image', query => query.where('url', 'u1')).orDoesntHave('tags').with('roles'),
  'relation query of a hasManyThrough': pinia => useRepo(LiveTeam, pinia).has('posts', '>=', 2).with('members'),
  'relation query in a whereHas constraint': pinia => useRepo(LiveUser, pinia).whereHas('posts', query => query.whereHas('images', image => image.where('url', 'u1'))).with('phone'),
  'relation query in a with constraint': pinia => useRepo(LiveUser, pinia).with('posts', query => query.has('images').with('images')).where('active', true),
  'whereId, in its order': pinia => useRepo(LiveUser, pinia).whereId([3, 1, 12, 2]).with('posts'),
  'whereId, sorted and limited': pinia => useRepo(LiveUser, pinia).whereId([5, 3, 1, 2, 9]).orderBy('active').limit(3),
  'whereId beside an orWhere': pinia => useRepo(LiveUser, pinia).whereId([4, 2]).where('active', true).orWhere('name', 'Cy').with('phone'),
  'orderBy a function of the instance': pinia => useRepo(LiveUser, pinia).orderBy(user => (user as LiveUser).name.toLowerCase()).orderBy('age', 'desc').with('phone'),
  'orderBy a function, with offset': pinia => useRepo(LivePost, pinia).orderBy(post => (post as LivePost).title).offset(2).with('author'),
  'whereId naming a key twice': pinia => useRepo(LiveUser, pinia).whereId([2, 1, 2]),
  'nested with, belongsTo then hasOne': pinia => useRepo(LivePost, pinia).with('author.phone'),
  'nested with, three levels back to the root entity': pinia => useRepo(LiveUser, pinia).with('posts.author.phone').orderBy('age'),
  'nested with given in a constraint': pinia => useRepo(LiveUser, pinia).where('active', true).with('posts', query => query.with('author')).with('phone'),
  'constrained hasMany': pinia => useRepo(LiveUser, pinia).with('posts', query => query.where('title', ['t1', 't3'])).orderBy('name').limit(5),
  'constrained hasMany, sorted and limited per parent': pinia => useRepo(LiveUser, pinia).with('posts', query => query.orderBy('title', 'desc').limit(1)),
  'constrained hasOne and belongsTo': pinia => useRepo(LivePost, pinia).with('author', query => query.where('active', true)).with('author.phone', query => query.where('number', '2')),
  'belongsToMany with its pivot': pinia => useRepo(LiveUser, pinia).with('roles').orderBy('name'),
  'belongsToMany constrained, with nested loads': pinia => useRepo(LiveUser, pinia).with('roles', query => query.where('name', 'r1')).with('posts.images').limit(6),
  'morphOne and morphMany': pinia => useRepo(LiveUser, pinia).with('image').with('posts.images'),
  'morphTo, nested below it': pinia => useRepo(LiveImage, pinia).with('imageable.phone').orderBy('url'),
  'hasManyBy': pinia => useRepo(LiveUser, pinia).with('tags').where('active', true),
  'hasManyThrough': pinia => useRepo(LiveTeam, pinia).with('posts').with('members.roles'),
  'withAllRecursive': pinia => useRepo(LivePost, pinia).withAllRecursive(2),
}

/** The writes of the queries whose relations a random write of any kind would touch too rarely. */
const FOCUS: Record<string, Parameters<typeof writeOf>> = {
  'belongsToMany with its pivot': ['user', 'role', 'roleUser', 'pivotLevel', 'dropRoleUser', 'same'],
  'belongsToMany constrained, with nested loads': ['user', 'role', 'roleUser', 'dropRoleUser', 'pivotLevel', 'post', 'image', 'dropImage'],
  'morphOne and morphMany': ['user', 'dropUser', 'post', 'dropPost', 'image', 'dropImage', 'nested'],
  'morphTo, nested below it': ['user', 'dropUser', 'post', 'phone', 'phoneNumber', 'image', 'dropImage'],
  'hasManyBy': ['user', 'tag', 'dropTag', 'userTags'],
  'relation queries of pivot, morph and hasManyBy relations': ['user', 'role', 'dropRole', 'roleUser', 'dropRoleUser', 'image', 'dropImage', 'tag', 'dropTag', 'userTags'],
  'relation query of a hasManyThrough': ['user', 'dropUser', 'post', 'dropPost', 'team', 'dropTeam', 'userTeam'],
  'relation query in a whereHas constraint': ['user', 'post', 'postTitle', 'dropPost', 'image', 'dropImage', 'phone'],
  'relation query in a with constraint': ['user', 'post', 'postTitle', 'dropPost', 'image', 'dropImage'],
  'hasManyThrough': ['user', 'dropUser', 'post', 'dropPost', 'postTitle', 'team', 'userTeam', 'roleUser', 'role'],
}

/** Each item's JSON by its id, to tell which items a write left as they were. */
function byId(items: readonly unknown[]): Map<unknown, { item: unknown, json: string }> {
  return new Map(items.map(item => [(item as { id: unknown }).id, { item, json: JSON.stringify(snapshot(item)) }]))
}

describe('a live query', () => {
  for (const [name, build] of Object.entries(QUERIES)) {
    it(`equals a fresh get() after every write: ${name}`, () => {
      fc.assert(fc.property(fc.array(writeOf(...FOCUS[name] ?? []), { minLength: 10, maxLength: 40, size: 'max' }), (steps) => {
        const pinia = createPinia()
        registerModels(pinia, liveModels)
        const live = build(pinia).live()
        try {
          for (const step of steps) {
            const last = byId(live.value)
            apply(pinia, step)
            const fresh = build(pinia).get() as unknown[]
            expect(live.value.map(item => (item as object).constructor)).toEqual(fresh.map(item => (item as object).constructor))
            expect(snapshot(live.value)).toEqual(snapshot(fresh))
            // An item whose record and loaded relations did not change is the same instance.
            if (!name.includes('recomputed')) {
              for (const item of live.value) {
                const before = last.get((item as unknown as { id: unknown }).id)
                if (before && before.json === JSON.stringify(snapshot(item)))
                  expect(item).toBe(before.item)
              }
            }
          }
        }
        finally {
          live.stop()
        }
      }), { numRuns: 60, seed: 1515 })
    })
  }
})

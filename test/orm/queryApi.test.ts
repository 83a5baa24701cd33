// The query methods pinia-orm users call beyond where/orderBy/limit, on real Pinia stores: exact
// values for each, through the repository and through query().
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { computed } from 'vue'
import { Model, Repository, transaction, useRepo } from '../../src/runtime/orm'
import { Post, User } from './models'

class Member extends Model {
  static override entity = 'members'
  static override primaryKey = ['teamId', 'userId']
  static override fields() {
    return { teamId: this.attr(null), userId: this.attr(null), role: this.string('') }
  }
}

class Score extends Model {
  static override entity = 'scores'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), points: this.attr<number | null>(null), team: this.string('') }
  }
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  useRepo(Score, pinia).save([
    { id: 1, name: 'Ann', points: 10, team: 'red' },
    { id: 2, name: 'bob', points: 30, team: 'blue' },
    { id: 3, name: 'Cid', points: null, team: 'red' },
    { id: 4, name: 'Dee', points: 5, team: 'blue' },
    { id: 5, name: 'Eve', points: 20, team: 'red' },
  ])
})

const ids = (items: { id: unknown }[]) => items.map(item => item.id)

describe('count() and exists()', () => {
  it('count() gives the number of records, with and without constraints', () => {
    const scores = useRepo(Score, pinia)
    expect(scores.count()).toBe(5)
    expect(scores.where('team', 'red').count()).toBe(3)
    expect(scores.query().whereId([1, 2, 9]).count()).toBe(2)
    expect(scores.query().limit(2).count()).toBe(2)
    expect(scores.query().offset(4).count()).toBe(1)
  })

  it('count() follows saves, deletes, fresh and a $patch behind the ORM\'s back', () => {
    const scores = useRepo(Score, pinia)
    expect(scores.count()).toBe(5)
    scores.save({ id: 6, name: 'Fay' })
    scores.save({ id: 1, name: 'Ann again' })
    expect(scores.count()).toBe(6)
    scores.destroy([2, 3, 99])
    expect(scores.count()).toBe(4)
    scores.piniaStore().$patch((state) => {
      state.data = { 7: { id: 7, name: 'G', points: 1, team: 'x' } }
    })
    expect(scores.count()).toBe(1)
    scores.fresh([{ id: 8 }, { id: 9 }])
    expect(scores.count()).toBe(2)
    scores.flush()
    expect(scores.count()).toBe(0)
  })

  it('count() counts records whose ids are named like Object.prototype members', () => {
    const scores = useRepo(Score, pinia)
    expect(scores.count()).toBe(5)
    scores.save([{ id: 'constructor', name: 'C' }, { id: 'toString', name: 'T' }, { id: '__proto__', name: 'P' }])
    expect(scores.count()).toBe(8)
    scores.destroy(['constructor', '__proto__'])
    expect([scores.count(), scores.all().length]).toEqual([6, 6])
  })

  it('count() asked again answers for the current records after every kind of change', () => {
    const scores = useRepo(Score, pinia)
    const counted = computed(() => scores.count())
    expect([scores.count(), scores.exists(), counted.value]).toEqual([5, true, 5])
    // A $patch that changes the records in place, behind the ORM's back.
    scores.piniaStore().$patch((state) => {
      delete state.data[1]
    })
    expect([scores.count(), counted.value]).toEqual([4, 4])
    // The records replaced by assignment, without a $patch.
    scores.piniaStore().data = { 9: { id: 9, name: 'Ike', points: 1, team: 'x' } }
    expect([scores.count(), scores.exists(), counted.value]).toEqual([1, true, 1])
    // Pinia's whole state replaced, as hydration does.
    pinia.state.value = { scores: { data: { 1: { id: 1, name: 'A', points: 0, team: '' }, 2: { id: 2, name: 'B', points: 0, team: '' } } } }
    expect([scores.count(), counted.value]).toEqual([2, 2])
    // Writes inside a transaction, read inside it and after it.
    transaction(() => {
      scores.save({ id: 3 })
      expect(scores.count()).toBe(3)
    }, pinia)
    expect([scores.count(), counted.value]).toEqual([3, 3])
    scores.flush()
    expect([scores.count(), scores.exists(), counted.value]).toEqual([0, false, 0])
  })

  it('count() and exists() of several repositories, asked in turn, each follow their own records', () => {
    class Scorers extends Repository<typeof Score> {
      override use = Score
      override query() {
        return super.query().where('points', (points: number | null) => (points ?? 0) > 0)
      }
    }
    const scores = useRepo(Score, pinia)
    const scorers = useRepo(Scorers, pinia)
    const posts = useRepo(Post, pinia)
    const asked = () => [scores.count(), scorers.count(), posts.count(), scores.exists(), posts.exists()]
    expect(asked()).toEqual([5, 4, 0, true, false])
    expect(asked()).toEqual([5, 4, 0, true, false])
    posts.save({ id: 1, title: 'a' })
    expect(asked()).toEqual([5, 4, 1, true, true])
    scores.save({ id: 3, points: 7 })
    expect(asked()).toEqual([5, 5, 1, true, true])
    scores.destroy([1, 2])
    expect(asked()).toEqual([3, 3, 1, true, true])
    scores.piniaStore().data = {}
    expect(asked()).toEqual([0, 0, 1, false, true])
  })

  it('count() asked again inside a cached query is recorded as a read of its entity', () => {
    const scores = useRepo(Score, pinia)
    const posts = useRepo(Post, pinia)
    posts.save([{ id: 1 }, { id: 2 }])
    // Asked outside first: a count kept from there must not hide the read from the cache.
    expect(posts.count()).toBe(2)
    const underPostCount = () => scores.useCache('under').where((score: { points: number | null }) => (score.points ?? 0) < posts.count() * 10).get()
    expect(ids(underPostCount())).toEqual([1, 3, 4])
    posts.save({ id: 3 })
    expect(ids(underPostCount())).toEqual([1, 3, 4, 5])
  })

  it('count() always equals get().length after any sequence of writes', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.boolean()), { maxLength: 30 }), (ops) => {
      const fresh = createPinia()
      const scores = useRepo(Score, fresh)
      for (const [id, save] of ops) {
        if (save)
          scores.save({ id })
        else
          scores.destroy(id)
        expect(scores.count()).toBe(scores.all().length)
      }
    }))
  })

  it('exists() says whether any record matches', () => {
    const scores = useRepo(Score, pinia)
    expect(scores.exists()).toBe(true)
    expect(scores.where('team', 'green').exists()).toBe(false)
    expect(scores.where('team', 'blue').exists()).toBe(true)
    expect(useRepo(User, pinia).exists()).toBe(false)
  })
})

describe('first(), last() and aggregates', () => {
  it('last() gives the last record in the query\'s order, or null', () => {
    const scores = useRepo(Score, pinia)
    expect(scores.last()?.id).toBe(5)
    // null after every value, as in pinia-orm: first when descending.
    expect(scores.orderBy('points', 'desc').last()?.id).toBe(4)
    expect(scores.where('team', 'green').last()).toBeNull()
  })

  it('sum(), min() and max() aggregate a number field, skipping null', () => {
    const scores = useRepo(Score, pinia)
    expect(scores.sum('points')).toBe(65)
    expect(scores.min('points')).toBe(5)
    expect(scores.max('points')).toBe(30)
    expect(scores.where('team', 'red').sum('points')).toBe(30)
    expect(scores.where('team', 'green').max('points')).toBeNull()
  })

  it('an aggregate of a field that is not an attribute throws, naming it', () => {
    expect(() => useRepo(Score, pinia).sum('age')).toThrow(/sum\(\) on Score: 'age' is not an attribute of Score/)
  })
})

describe('groupBy()', () => {
  it('groups the results by one field, keyed by its value', () => {
    const groups = useRepo(Score, pinia).groupBy('team').get()
    expect(Object.keys(groups)).toEqual(['red', 'blue'])
    expect(ids(groups.red!)).toEqual([1, 3, 5])
    expect(ids(groups.blue!)).toEqual([2, 4])
  })

  it('groups by several fields, keyed as [a,b]', () => {
    useRepo(User, pinia).save({ id: 1, posts: [{ id: 1, title: 'a', published: true }, { id: 2, title: 'a' }, { id: 3, title: 'a', published: true }] })
    const groups = useRepo(Post, pinia).groupBy('title', 'published').get<'group'>()
    expect(Object.keys(groups)).toEqual(['[a,true]', '[a,false]'])
    expect(ids(groups['[a,true]']!)).toEqual([1, 3])
  })

  it('applies where and orderBy before grouping', () => {
    const groups = useRepo(Score, pinia).where('points', (points: number | null) => points !== null).orderBy('points', 'desc').groupBy('team').get()
    expect(ids(groups.red!)).toEqual([5, 1])
    expect(ids(groups.blue!)).toEqual([2, 4])
  })

  it('refuses a field that is not an attribute', () => {
    expect(() => useRepo(Score, pinia).groupBy('colour')).toThrow(/groupBy\(\) on Score: 'colour' is not an attribute/)
  })

  it('refuses first(), last() and find() of a grouped query, which have no record to give', () => {
    const grouped = () => useRepo(Score, pinia).groupBy('team')
    expect(() => grouped().find(1)).toThrow('[nuxt-pinia-orm] find() on a Score query grouped with groupBy(\'team\'): a group is a list, and no record stands for it. Call get() for the groups (keyed by value), or leave groupBy() out of this query.')
    expect(() => grouped().first()).toThrow(/first\(\) on a Score query grouped with groupBy\('team'\)/)
    expect(() => grouped().last()).toThrow(/last\(\) on a Score query grouped with groupBy\('team'\)/)
    expect(useRepo(Score, pinia).groupBy('team').get().red).toHaveLength(3)
  })
})

describe('where variants', () => {
  it('orWhereIn() and orWhereNotIn() widen the where group', () => {
    const scores = useRepo(Score, pinia)
    expect(ids(scores.where('team', 'blue').orWhereIn('id', [1]).get())).toEqual([1, 2, 4])
    expect(ids(scores.where('id', 1).orWhereNotIn('team', ['red']).get())).toEqual([1, 2, 4])
  })

  it('where() with the primary key\'s fields takes ids, as whereId() does (pinia-orm\'s where(string[], ...))', () => {
    const members = useRepo(Member, pinia)
    members.save([{ teamId: 1, userId: 3, role: 'lead' }, { teamId: 2, userId: 4, role: 'dev' }, { teamId: 2, userId: 5, role: 'qa' }])
    const roles = (items: { role: unknown }[]) => items.map(member => member.role)

    expect(roles(members.where(['teamId', 'userId'], '[2,4]').get())).toEqual(['dev'])
    expect(roles(members.where(['teamId', 'userId'], ['[2,5]', '[1,3]']).get())).toEqual(['qa', 'lead'])
    expect(roles(members.where(['teamId', 'userId'], [[1, 3]]).get())).toEqual(['lead'])
    expect(roles(members.where('role', 'qa').orWhere(['teamId', 'userId'], '[1,3]').get())).toEqual(['lead', 'qa'])
    expect(ids(useRepo(Score, pinia).where(['id'], [4, 2]).get())).toEqual([4, 2])
  })

  it('where() with a list of fields that is not the primary key says what a list means, instead of matching nothing', () => {
    expect(() => useRepo(Score, pinia).where(['name', 'team'], 'red')).toThrow(/where\(\) on Score with a list of fields \(name, team\): a list stands for the primary key \(id\)/)
    expect(() => useRepo(Member, pinia).orWhere(['userId', 'teamId'], '[3,1]')).toThrow(/orWhere\(\) on Member with a list of fields \(userId, teamId\)/)
  })

  it('where(field, Set) keeps values in the set', () => {
    expect(ids(useRepo(Score, pinia).where('id', new Set([2, 4])).get())).toEqual([2, 4])
  })

  it('whereLike() matches % and _ wildcards, case-insensitive by default', () => {
    const scores = useRepo(Score, pinia)
    expect(ids(scores.whereLike('name', 'b%').get())).toEqual([2])
    expect(ids(scores.whereLike('name', 'B%', true).get())).toEqual([])
    expect(ids(scores.whereLike('name', '_e_').get())).toEqual([4])
    expect(ids(scores.whereLike('name', '%E').get())).toEqual([4, 5])
    expect(ids(scores.where('team', 'blue').orWhereLike('name', 'ann').get())).toEqual([1, 2, 4])
  })
})

describe('orderBy()', () => {
  it('sorts by several keys given as a list', () => {
    expect(ids(useRepo(Score, pinia).orderBy(['team', ['points', 'desc']]).get())).toEqual([2, 4, 3, 5, 1])
  })

  it('chained orderBy calls sort by each key in turn', () => {
    expect(ids(useRepo(Score, pinia).orderBy('team').orderBy('points', 'desc').get())).toEqual([2, 4, 3, 5, 1])
  })

  it('compares strings by code unit, or with a collator when given one', () => {
    const scores = useRepo(Score, pinia)
    expect(ids(scores.orderBy('name').get())).toEqual([1, 3, 4, 5, 2])
    expect(ids(scores.orderBy('name', 'asc', { collator: { sensitivity: 'base' }, locale: 'en' }).get())).toEqual([1, 2, 3, 4, 5])
    expect(ids(scores.orderBy('name', 'desc', { collator: new Intl.Collator('en') }).get())).toEqual([5, 4, 3, 2, 1])
  })

  it('takes an Intl.Collator as the options, as pinia-orm 2 does (its issue #2006: Lithuanian names)', () => {
    const names = ['U', 'Š', 'A', 'T', 'B']
    useRepo(Score, pinia).save(names.map((name, i) => ({ id: 10 + i, name, team: 'lt' })))
    const sorted = useRepo(Score, pinia).where('team', 'lt').orderBy('name', 'asc', new Intl.Collator('lt')).get()
    expect(sorted.map(score => score.name)).toEqual(['A', 'B', 'Š', 'T', 'U'])
    // Without a collator, code-unit order puts Š last, as pinia-orm does.
    expect(useRepo(Score, pinia).where('team', 'lt').orderBy('name').get().map(score => score.name)).toEqual(['A', 'B', 'T', 'U', 'Š'])
  })
})

describe('paginate()', () => {
  it('returns one page with the total and the last page', () => {
    const page = useRepo(Score, pinia).orderBy('id').paginate(2, 2)
    expect(ids(page.data)).toEqual([3, 4])
    expect({ ...page, data: undefined }).toEqual({ data: undefined, total: 5, page: 2, perPage: 2, lastPage: 3 })
  })

  it('gives the last page its remainder and a page beyond the end nothing', () => {
    const scores = useRepo(Score, pinia)
    expect(ids(scores.orderBy('id').paginate(3, 2).data)).toEqual([5])
    const beyond = scores.paginate(9, 2)
    expect(beyond.data).toEqual([])
    expect(beyond.total).toBe(5)
    expect(beyond.lastPage).toBe(3)
  })

  it('counts only matching records, and an empty store has one empty page', () => {
    const page = useRepo(Score, pinia).where('team', 'blue').paginate(1, 10)
    expect(ids(page.data)).toEqual([2, 4])
    expect(page.total).toBe(2)
    expect(useRepo(User, pinia).paginate(1, 10)).toEqual({ data: [], total: 0, page: 1, perPage: 10, lastPage: 1 })
  })

  it('leaves the query\'s own limit and offset as they were', () => {
    const query = useRepo(Score, pinia).query().orderBy('id').limit(1)
    query.paginate(2, 2)
    expect(ids(query.get())).toEqual([1])
  })
})

describe('composite keys in pinia-orm\'s string form', () => {
  beforeEach(() => {
    useRepo(Member, pinia).save([{ teamId: 1, userId: 3, role: 'lead' }, { teamId: 2, userId: 4, role: 'dev' }])
  })

  it('find(\'[1,3]\') finds the record with that composite key', () => {
    expect(useRepo(Member, pinia).find('[1,3]')?.role).toBe('lead')
  })

  it('find and whereId take a list of such strings', () => {
    const members = useRepo(Member, pinia)
    expect((members.find(['[1,3]', '[2,4]'] as never) as unknown as Member[]).map(member => member.$getAttributes().role)).toEqual(['lead', 'dev'])
    expect(members.whereId('[2,4]').get().map(member => member.role)).toEqual(['dev'])
  })
})

describe('updateOrCreate() and firstOrCreate()', () => {
  it('updateOrCreate() updates the first record matching the attributes', () => {
    const scores = useRepo(Score, pinia)
    const score = scores.updateOrCreate({ team: 'blue' }, { points: 99 })
    expect(score.id).toBe(2)
    expect(scores.find(2)?.points).toBe(99)
    expect(scores.count()).toBe(5)
  })

  it('updateOrCreate() saves a new record from both arguments when none matches', () => {
    const scores = useRepo(Score, pinia)
    const score = scores.updateOrCreate({ id: 6, team: 'green' }, { points: 1 })
    expect(score.$getAttributes()).toEqual({ id: 6, name: '', points: 1, team: 'green' })
    expect(scores.count()).toBe(6)
  })

  it('firstOrCreate() returns the match unchanged, or saves a new record', () => {
    const scores = useRepo(Score, pinia)
    expect(scores.firstOrCreate({ name: 'Eve' }, { points: 0 }).points).toBe(20)
    expect(scores.firstOrCreate({ id: 7, name: 'Gus' }, { points: 0 }).$getAttributes()).toEqual({ id: 7, name: 'Gus', points: 0, team: '' })
    expect(scores.count()).toBe(6)
  })
})

describe('revive()', () => {
  it('rebuilds instances with the relations a structure of keys names', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Ann', posts: [{ id: 10, title: 'x' }, { id: 11, title: 'y' }], phone: { id: 5, number: '1' } })
    const user = useRepo(User, pinia).revive({ id: 1, posts: [{ id: 11 }, { id: 99 }] })!
    expect(user).toBeInstanceOf(User)
    expect(user.name).toBe('Ann')
    expect(user.posts!.map(post => post.title)).toEqual(['y'])
    expect(user.phone).toBeUndefined()
    expect(useRepo(User, pinia).revive([{ id: 1 }, { id: 2 }]).map(item => item.id)).toEqual([1])
  })
})

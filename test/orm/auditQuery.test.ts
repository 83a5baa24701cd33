// The repository and query API as a pinia-orm 1.10 user calls it, in the combinations its
// documentation implies but the other test files do not reach: exact results and shapes.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { computed } from 'vue'
import { DateCast, Model, Repository, useRepo } from '../../src/runtime/orm'
import { useCollect, usePluck, useSortBy } from '../../src/runtime/orm/helpers'
import { Post, User } from './models'

// pinia-orm filters and sorts model instances: a where or an orderBy sees a field as the instance
// shows it, after its cast's or mutator's get.
class Event extends Model {
  static override entity = 'audit-events'
  static override fields() {
    return { id: this.attr(null), title: this.string(''), at: this.attr(null) }
  }

  static override casts() {
    return { at: DateCast }
  }

  static override mutators() {
    return { title: (value: string) => value.toUpperCase() }
  }
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
})

/** The warnings `run` gave (each cleared, so that the test does not fail on them). */
function expectWarnings(run: () => unknown): string[] {
  vi.mocked(console.warn).mockClear()
  run()
  const messages = vi.mocked(console.warn).mock.calls.map(call => String(call[0]))
  vi.mocked(console.warn).mockClear()
  return messages
}

const ids = (items: readonly { id: unknown }[]) => items.map(item => item.id)

describe('a where or an orderBy on a field with a cast or a mutator', () => {
  beforeEach(() => {
    useRepo(Event, pinia).save([
      { id: 1, title: 'beta', at: '2024-03-01T00:00:00.000Z' },
      { id: 2, title: 'Gamma', at: '2024-01-01T00:00:00.000Z' },
      { id: 3, title: 'alpha', at: '2024-02-01T00:00:00.000Z' },
    ])
  })

  it('compares the value the mutator\'s get shows', () => {
    expect(ids(useRepo(Event, pinia).where('title', 'BETA').get())).toEqual([1])
    expect(ids(useRepo(Event, pinia).where('title', 'beta').get())).toEqual([])
    expect(ids(useRepo(Event, pinia).whereIn('title', ['ALPHA', 'GAMMA']).get())).toEqual([2, 3])
    expect(useRepo(Event, pinia).where('title', 'BETA').count()).toBe(1)
  })

  it('gives a value function the cast\'s Date', () => {
    const after = Date.UTC(2024, 0, 15)
    expect(ids(useRepo(Event, pinia).where('at', (at: Date) => at.getTime() > after).get())).toEqual([1, 3])
  })

  it('sorts by the value instances show', () => {
    expect(ids(useRepo(Event, pinia).orderBy('title').get())).toEqual([3, 1, 2])
    expect(ids(useRepo(Event, pinia).orderBy('at', 'desc').get())).toEqual([1, 3, 2])
  })

  it('keeps a cached result under the same key, and a computed follows later writes', () => {
    const first = useRepo(Event, pinia).where('title', 'BETA').useCache().get()
    expect(useRepo(Event, pinia).where('title', 'BETA').useCache().get()).toBe(first)
    const betas = computed(() => ids(useRepo(Event, pinia).where('title', 'BETA').get()))
    expect(betas.value).toEqual([1])
    useRepo(Event, pinia).save({ id: 4, title: 'Beta' })
    expect(betas.value).toEqual([1, 4])
  })
})

describe('update() through a query', () => {
  beforeEach(() => {
    useRepo(User, pinia).save([
      { id: 1, name: 'Ann', email: 'a@x', posts: [{ id: 10, title: 'A' }] },
      { id: 2, name: 'Bob', email: 'b@x' },
    ])
  })

  it('returns the updated instances, and [] when nothing matches', () => {
    const updated = useRepo(User, pinia).where('name', 'Ann').update({ email: 'new@x' })
    expect(updated).toHaveLength(1)
    expect(updated[0]).toBeInstanceOf(User)
    expect(updated[0]).toMatchObject({ id: 1, name: 'Ann', email: 'new@x' })
    expect(useRepo(User, pinia).where('name', 'Nobody').update({ email: 'x' })).toEqual([])
  })

  it('takes a whole record: its unchanged primary key is kept, its relations left out with a warning', () => {
    const ann = useRepo(User, pinia).with('posts').find(1)!
    const warnings = expectWarnings(() => useRepo(User, pinia).where('id', 1).update({ ...ann.$toJson(), name: 'Anna' }))
    expect(warnings).toEqual([expect.stringContaining('update() on User does not write the relation \'posts\'')])
    expect(useRepo(User, pinia).with('posts').find(1)).toMatchObject({ id: 1, name: 'Anna', posts: [{ id: 10 }] })
  })

  it('leaves out a key that is no field, with a warning naming it, as save() does', () => {
    const warnings = expectWarnings(() => useRepo(User, pinia).where('id', 2).update({ name: 'Bobby', nickname: 'B' } as never))
    expect(warnings).toEqual([expect.stringContaining('User.nickname: \'nickname\' is not a field of User')])
    expect(useRepo(User, pinia).piniaStore().data['2']).toEqual({ id: 2, name: 'Bobby', email: 'b@x' })
  })

  it('leaves a field given undefined as it is, as save() does', () => {
    useRepo(User, pinia).where('id', 1).update({ name: 'Anna', email: undefined })
    useRepo(User, pinia).save({ id: 2, email: undefined })
    expect(useRepo(User, pinia).piniaStore().data).toEqual({
      1: { id: 1, name: 'Anna', email: 'a@x' },
      2: { id: 2, name: 'Bob', email: 'b@x' },
    })
  })

  it('refuses to move a record to another primary key, writing nothing', () => {
    expect(() => useRepo(User, pinia).where('id', 2).update({ id: 3, name: 'X' })).toThrow('[nuxt-pinia-orm] update() on User cannot change the primary key \'id\' of the record 2.')
    expect(useRepo(User, pinia).find(2)!.name).toBe('Bob')
  })
})

describe('a where, an orderBy or a groupBy on a getter of the model class', () => {
  class Person extends Model {
    declare first: string
    declare last: string
    static override entity = 'audit-people'
    static override fields() {
      return { id: this.attr(null), first: this.string(''), last: this.string('') }
    }

    get fullName(): string {
      return `${this.first} ${this.last}`
    }
  }

  beforeEach(() => {
    useRepo(Person, pinia).save([
      { id: 1, first: 'John', last: 'Doe' },
      { id: 2, first: 'Ann', last: 'Lee' },
      { id: 3, first: 'John', last: 'Abe' },
    ])
  })

  it('reads the getter on each instance, as pinia-orm does', () => {
    expect(ids(useRepo(Person, pinia).where('fullName', 'John Doe').get())).toEqual([1])
    expect(ids(useRepo(Person, pinia).orderBy('fullName', 'desc').get())).toEqual([1, 3, 2])
    expect(Object.keys(useRepo(Person, pinia).groupBy('fullName').get())).toEqual(['John Doe', 'Ann Lee', 'John Abe'])
  })

  it('keeps a computed sorted by the getter up to date when a field it reads changes', () => {
    const firstOne = computed(() => ids(useRepo(Person, pinia).orderBy('fullName').limit(1).get()))
    expect(firstOne.value).toEqual([2])
    useRepo(Person, pinia).save({ id: 3, first: 'Al' })
    expect(firstOne.value).toEqual([3])
  })

  it('still refuses a name that is neither an attribute nor a getter', () => {
    expect(() => useRepo(Person, pinia).where('fulName', 'x')).toThrow('\'fulName\' is not an attribute of Person')
    expect(() => useRepo(Person, pinia).orderBy('$toJson')).toThrow('\'$toJson\' is not an attribute of Person')
  })
})

describe('a where on a hidden field with a mutator', () => {
  class Account extends Model {
    static override entity = 'audit-accounts'
    static override hidden = ['code']
    static override fields() {
      return { id: this.attr(null), code: this.string('') }
    }

    static override mutators() {
      return { code: (value: string) => value.toUpperCase() }
    }
  }

  it('compares the stored value, since instances do not carry the hidden field', () => {
    useRepo(Account, pinia).save([{ id: 1, code: 'ab' }, { id: 2, code: 'cd' }])
    expect(ids(useRepo(Account, pinia).where('code', 'cd').get())).toEqual([2])
    expect(useRepo(Account, pinia).find(2)).not.toHaveProperty('code')
  })
})

describe('aggregates of a paged query', () => {
  class Score extends Model {
    static override entity = 'audit-scores'
    static override fields() {
      return { id: this.attr(null), points: this.number(0) }
    }
  }

  it('sum(), min() and max() take the records within limit() and offset(), in order, as count() counts them', () => {
    useRepo(Score, pinia).save([{ id: 1, points: 1 }, { id: 2, points: 2 }, { id: 3, points: 4 }])
    const byPoints = () => useRepo(Score, pinia).orderBy('points', 'desc')
    expect(byPoints().limit(2).sum('points')).toBe(6)
    expect(byPoints().limit(2).count()).toBe(2)
    expect(byPoints().offset(1).max('points')).toBe(2)
    expect(byPoints().offset(3).min('points')).toBeNull()
  })
})

describe('usePluck() of values pinia-orm leaves out', () => {
  it('leaves out null and missing values, and keeps 0, \'\' and false', () => {
    const items = [{ n: 0 }, { n: null }, {}, { n: '' }, { n: false }, { n: 2 }, { n: { deep: 1 } }, { n: { deep: null } }]
    expect(usePluck(items, 'n')).toEqual([0, '', false, 2, { deep: 1 }, { deep: null }])
    expect(usePluck(items, 'n.deep')).toEqual([1])
    expect(useCollect(items as unknown as User[]).pluck('n')).toHaveLength(6)
  })
})

describe('combinations of constraints, loads and writes', () => {
  beforeEach(() => {
    useRepo(User, pinia).save([
      { id: 1, name: 'Ann', email: 'a@x', posts: [{ id: 10, title: 'B' }, { id: 11, title: 'A', published: true }] },
      { id: 2, name: 'Bob', email: 'b@x', posts: [{ id: 12, title: 'C', published: true }] },
      { id: 3, name: 'Cid', email: '' },
    ])
  })

  it('keeps records passing every where (whereHas included) or any orWhere, wherever each was called', () => {
    const users = () => useRepo(User, pinia)
    expect(ids(users().where('id', [1, 2]).orWhere('name', 'Cid').where('email', 'b@x').get())).toEqual([2, 3])
    expect(ids(users().whereHas('posts', query => query.where('title', 'C')).orWhere('name', 'Cid').get())).toEqual([2, 3])
    expect(ids(users().where('name', 'Cid').orWhereHas('posts', query => query.where('published', true)).get())).toEqual([1, 2, 3])
    expect(ids(users().orWhereHas('posts').get())).toEqual([1, 2])
  })

  it('orders, limits and groups the parents, and loads the relations of those kept, in their own order', () => {
    const limited = useRepo(User, pinia).with('posts', query => query.orderBy('title', 'desc')).orderBy('id', 'desc').limit(2).get()
    expect(limited.map(user => [user.id, ids(user.posts!)])).toEqual([[3, []], [2, [12]]])
    const groups = useRepo(Post, pinia).with('author').orderBy('id', 'desc').groupBy('userId').get()
    expect(Object.keys(groups)).toEqual(['1', '2'])
    expect(groups['1']!.map(post => [post.id, post.author!.name])).toEqual([[11, 'Ann'], [10, 'Ann']])
  })

  it('find() of a list gives the records in the order of the list, after the query\'s own order when it has one', () => {
    expect(ids(useRepo(User, pinia).find([3, 1]))).toEqual([3, 1])
    expect(ids(useRepo(User, pinia).orderBy('name').find([3, 1]))).toEqual([1, 3])
    expect(useRepo(User, pinia).find([99])).toEqual([])
    expect(useRepo(User, pinia).find(99)).toBeNull()
  })

  it('reads relations without the records a where().delete() removed', () => {
    const deleted = useRepo(Post, pinia).where('published', true).delete()
    expect(ids(deleted)).toEqual([11, 12])
    expect(useRepo(User, pinia).with('posts').get().map(user => ids(user.posts!))).toEqual([[10], [], []])
    expect(useRepo(Post, pinia).with('author').find(10)!.author!.name).toBe('Ann')
  })

  it('drops a cached result when update() through a query changes a record it read', () => {
    const named = () => useRepo(User, pinia).where('name', 'Ann').useCache().get()
    const before = named()
    expect(named()).toBe(before)
    useRepo(User, pinia).where('id', 1).update({ name: 'Anna' })
    expect(named()).toEqual([])
    expect(before).toHaveLength(1)
  })
})

describe('a custom repository whose query() adds a constraint', () => {
  // pinia-orm's repository methods read through this.query(), so overriding it scopes them all.
  class WithEmailRepository extends Repository<typeof User> {
    override use = User
    override query() {
      return super.query().where('email', (email: string) => email !== '')
    }
  }

  beforeEach(() => {
    useRepo(User, pinia).save([{ id: 1, name: 'Ann', email: 'a@x' }, { id: 2, name: 'Bob', email: '' }])
  })

  it('scopes find(), get(), first(), count() and exists() to it, as pinia-orm does', () => {
    const users = useRepo(WithEmailRepository, pinia)
    expect(users.find(2)).toBeNull()
    expect(users.find(1)!.name).toBe('Ann')
    expect(ids(users.find([1, 2]))).toEqual([1])
    expect(ids(users.get())).toEqual([1])
    expect(ids(users.where('id', [1, 2]).get())).toEqual([1])
    expect(users.count()).toBe(1)
    expect(useRepo(User, pinia).count()).toBe(2)
    users.where('id', 1).update({ email: '' })
    expect(users.exists()).toBe(false)
  })

  it('destroys only records passing it, as a query\'s destroy() does', () => {
    expect(useRepo(WithEmailRepository, pinia).destroy(2)).toBeNull()
    expect(ids(useRepo(WithEmailRepository, pinia).destroy([1, 2]))).toEqual([1])
    expect(ids(useRepo(User, pinia).all())).toEqual([2])
  })

  it('leaves all() every record of the model, as a query\'s all() is', () => {
    expect(ids(useRepo(WithEmailRepository, pinia).all())).toEqual([1, 2])
  })
})

describe('a query of a base model naming a field only a subclass declares (single-table inheritance)', () => {
  class Member extends Model {
    static override entity = 'audit-members'
    static override types() {
      return { MEMBER: Member, ADMIN: Admin }
    }

    static override fields() {
      return { id: this.attr(null), name: this.attr(''), type: this.attr('MEMBER') }
    }
  }

  class Admin extends Member {
    static override entity = 'audit-admins'
    static override baseEntity = 'audit-members'
    static override fields() {
      return { ...super.fields(), level: this.attr(0) }
    }
  }

  beforeEach(() => {
    useRepo(Member, pinia).save([
      { id: 1, name: 'Kim', type: 'MEMBER' },
      { id: 2, name: 'Ada', type: 'ADMIN', level: 2 },
      { id: 3, name: 'Bo', type: 'ADMIN', level: 5 },
    ])
  })

  it('filters, sorts and groups by it, reading each record as the instance of its type, as pinia-orm', () => {
    const members = () => useRepo(Member, pinia)
    expect(ids(members().where('level', (level?: number) => (level ?? 0) > 1).get())).toEqual([2, 3])
    expect(ids(members().orderBy('level').get())).toEqual([2, 3, 1])
    expect(ids(members().orderBy('level', 'desc').get())).toEqual([1, 3, 2])
    expect(Object.keys(members().groupBy('level').get())).toEqual(['2', '5', 'undefined'])
  })

  it('still refuses a name no class of the hierarchy declares', () => {
    expect(() => useRepo(Member, pinia).where('levle', 1)).toThrow('\'levle\' is not an attribute of Member')
  })

  it('update() through it writes the field into the records whose type declares it', () => {
    useRepo(Member, pinia).where('id', [1, 2]).update({ name: 'X', level: 7 })
    expect(useRepo(Member, pinia).piniaStore().data).toMatchObject({
      1: { id: 1, name: 'X', type: 'MEMBER' },
      2: { id: 2, name: 'X', type: 'ADMIN', level: 7 },
    })
    expect(useRepo(Member, pinia).piniaStore().data['1']).not.toHaveProperty('level')
  })
})

describe('a where on the primary key', () => {
  beforeEach(() => {
    useRepo(User, pinia).save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }, { id: 3, name: 'Cid' }])
  })

  // pinia-orm looks a where on the primary key up by key, so a route param ('2') finds record 2.
  it('compares as the store\'s keys do: a string names the record with that number as its id', () => {
    expect(useRepo(User, pinia).where('id', '2').first()!.name).toBe('Bob')
    expect(ids(useRepo(User, pinia).where('id', ['3', 1]).get())).toEqual([1, 3])
    expect(ids(useRepo(User, pinia).whereIn('id', ['1', '2']).get())).toEqual([1, 2])
    expect(ids(useRepo(User, pinia).where('name', 'Cid').orWhere('id', '1').get())).toEqual([1, 3])
    expect(ids(useRepo(User, pinia).orWhereIn('id', new Set(['2'])).get())).toEqual([2])
    expect(useRepo(User, pinia).where('id', '2').count()).toBe(1)
  })

  it('keeps a value function as it is, and whereNotIn strict, as pinia-orm does', () => {
    expect(ids(useRepo(User, pinia).where('id', (id: unknown) => id === '2').get())).toEqual([])
    expect(ids(useRepo(User, pinia).whereNotIn('id', ['2']).get())).toEqual([1, 2, 3])
  })

  it('follows writes in a computed and in the query cache', () => {
    const second = computed(() => useRepo(User, pinia).where('id', '2').first()?.name)
    expect(second.value).toBe('Bob')
    useRepo(User, pinia).save({ id: 2, name: 'Bobby' })
    expect(second.value).toBe('Bobby')
    const cached = useRepo(User, pinia).whereIn('id', ['1']).useCache().get()
    expect(useRepo(User, pinia).whereIn('id', ['1']).useCache().get()).toBe(cached)
  })
})

describe('null and missing values in an order', () => {
  // pinia-orm 1.x sorts null after every value and a missing value last: they come first when
  // descending. A task list ordered by due date shows the undated ones at the end.
  class Task extends Model {
    static override entity = 'audit-tasks'
    static override fields() {
      return { id: this.attr(null), due: this.attr(null) }
    }
  }

  it('puts them after every value ascending and before every value descending, in queries and useSortBy()', () => {
    useRepo(Task, pinia).save([{ id: 1, due: null }, { id: 2, due: '2024-02-01' }, { id: 3, due: '2024-01-01' }])
    expect(ids(useRepo(Task, pinia).orderBy('due').get())).toEqual([3, 2, 1])
    expect(ids(useRepo(Task, pinia).orderBy('due', 'desc').get())).toEqual([1, 2, 3])
    expect(ids(useSortBy(useRepo(Task, pinia).all(), 'due'))).toEqual([3, 2, 1])
    expect(useRepo(Task, pinia).orderBy('due').first()!.id).toBe(3)
  })
})

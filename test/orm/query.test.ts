import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([
    { id: 1, name: 'Ann', email: 'ann@example.com', phone: { id: 10, number: '111' }, posts: [{ id: 100, title: 'b', published: true }, { id: 101, title: 'a' }] },
    { id: 2, name: 'Bob', phone: { id: 20, number: '222' }, posts: [{ id: 200, title: 'c', published: true }] },
    { id: 3, name: 'Cid', email: 'cid@example.com' },
  ])
})

const ids = (items: { id: unknown }[]) => items.map(item => item.id)

describe('where clauses', () => {
  it('where(field, value) keeps equal values', () => {
    expect(ids(useRepo(User, pinia).where('name', 'Bob').get())).toEqual([2])
  })

  it('where(field, array) keeps values in the array', () => {
    expect(ids(useRepo(User, pinia).where('id', [1, 3]).get())).toEqual([1, 3])
  })

  it('where(field, predicate) passes the field\'s value', () => {
    expect(ids(useRepo(User, pinia).where('email', (email: string) => email.endsWith('@example.com')).get())).toEqual([1, 3])
  })

  it('where(predicate) passes the model instance', () => {
    const seen: unknown[] = []
    const result = useRepo(User, pinia).where((user) => {
      seen.push(user)
      return user.name.startsWith('C')
    }).get()

    expect(ids(result)).toEqual([3])
    expect(seen.every(user => user instanceof User)).toBe(true)
  })

  it('orWhere keeps records passing all wheres or any orWhere', () => {
    const result = useRepo(User, pinia).where('name', 'Ann').where('email', '').orWhere('id', 3).get()

    // (name = Ann AND email = '') OR id = 3: Ann has an email, so only Cid.
    expect(ids(result)).toEqual([3])
  })

  it('whereIn, whereNotIn, whereNull and whereNotNull', () => {
    const posts = useRepo(Post, pinia)
    posts.save({ id: 300, title: 'orphan' })

    expect(ids(useRepo(User, pinia).whereIn('name', new Set(['Ann', 'Cid'])).get())).toEqual([1, 3])
    expect(ids(useRepo(User, pinia).whereNotIn('name', ['Ann', 'Cid']).get())).toEqual([2])
    expect(ids(posts.whereNull('userId').get())).toEqual([300])
    expect(ids(posts.whereNotNull('userId').get())).toEqual([100, 101, 200])
  })

  it('whereId looks up keys in the given order and skips missing ones', () => {
    expect(ids(useRepo(User, pinia).whereId([3, 99, 1]).get())).toEqual([3, 1])
  })

  it('whereId and find give a key named twice once, as pinia-orm does', () => {
    const users = useRepo(User, pinia)

    expect(ids(users.whereId([2, 1, 2, 1]).get())).toEqual([2, 1])
    expect(ids(users.find([3, 3]))).toEqual([3])
    expect(users.whereId([1, 1]).count()).toBe(1)
  })

  it('destroy and delete take a key named twice once', () => {
    const users = useRepo(User, pinia)

    expect(ids(users.destroy([2, 2]))).toEqual([2])
    expect(ids(users.whereId([3, 3]).delete())).toEqual([3])
    expect(ids(users.all())).toEqual([1])
  })

  it('whereId combines with orWhere as one more condition', () => {
    expect(ids(useRepo(User, pinia).whereId(1).orWhere('name', 'Bob').get())).toEqual([1, 2])
  })
})

describe('find, first, all', () => {
  it('find(id) returns the record or null, and accepts a string key', () => {
    const users = useRepo(User, pinia)

    expect(users.find(2)!.name).toBe('Bob')
    expect(users.find('2')!.name).toBe('Bob')
    expect(users.find(99)).toBeNull()
  })

  it('find(ids) returns the records found', () => {
    expect(ids(useRepo(User, pinia).find([2, 99, 1]))).toEqual([2, 1])
  })

  it('first returns the first match or null', () => {
    expect(useRepo(User, pinia).orderBy('name', 'desc').first()!.name).toBe('Cid')
    expect(useRepo(User, pinia).where('name', 'Nobody').first()).toBeNull()
  })

  it('all returns every record as model instances', () => {
    const all = useRepo(User, pinia).all()

    expect(ids(all)).toEqual([1, 2, 3])
    expect(all.every(user => user instanceof User)).toBe(true)
  })
})

describe('ordering and paging', () => {
  it('orders by several fields and by a function', () => {
    const posts = useRepo(Post, pinia)

    expect(ids(posts.orderBy('published', 'desc').orderBy('title').get())).toEqual([100, 200, 101])
    expect(ids(posts.orderBy(post => post.title).get())).toEqual([101, 100, 200])
  })

  it('limit and offset page the ordered result', () => {
    expect(ids(useRepo(User, pinia).orderBy('id', 'desc').offset(1).limit(1).get())).toEqual([2])
  })
})

describe('with', () => {
  it('loads hasMany as an array, empty when nothing matches', () => {
    const users = useRepo(User, pinia).with('posts').get()

    expect(users.map(user => ids(user.posts!))).toEqual([[100, 101], [200], []])
  })

  it('applies a constraint to the related query', () => {
    const users = useRepo(User, pinia).with('posts', query => query.where('published', true)).get()

    expect(users.map(user => ids(user.posts!))).toEqual([[100], [200], []])
  })

  it('orders and limits related records per parent', () => {
    const ann = useRepo(User, pinia).with('posts', query => query.orderBy('title').limit(1)).find(1)!

    expect(ids(ann.posts!)).toEqual([101])
  })

  it('loads nested relations with a dotted name', () => {
    const user = useRepo(User, pinia).with('phone.user').find(1)!

    expect(user.$toJson()).toEqual({
      id: 1,
      name: 'Ann',
      email: 'ann@example.com',
      phone: { id: 10, userId: 1, number: '111', user: { id: 1, name: 'Ann', email: 'ann@example.com' } },
    })
  })

  it('loads nested relations through a constraint', () => {
    const phone = useRepo(Phone, pinia).with('user', query => query.with('posts')).find(20)!

    expect(ids(phone.user!.posts!)).toEqual([200])
  })

  it('loads a relation given by entity name', () => {
    expect(useRepo(Post, pinia).with('author').find(200)!.author!.name).toBe('Bob')
  })

  it('withAll loads every relation of the model, one level', () => {
    const user = useRepo(User, pinia).withAll().find(2)!

    expect(user.$toJson()).toEqual({
      id: 2,
      name: 'Bob',
      email: '',
      phone: { id: 20, userId: 2, number: '222' },
      posts: [{ id: 200, userId: 2, title: 'c', published: true }],
    })
  })

  it('withAllRecursive(depth) loads relations depth + 1 levels down', () => {
    const phone = useRepo(Phone, pinia).withAllRecursive(1).find(20)!

    expect(phone.user!.posts![0]!.title).toBe('c')
    expect(phone.user!.phone!.number).toBe('222')
    expect(phone.user!.phone).not.toHaveProperty('user')
  })

  it('leaves relations that were not asked for off the instance', () => {
    const user = useRepo(User, pinia).find(1)!

    expect(user).not.toHaveProperty('phone')
    expect(user.$toJson()).toEqual({ id: 1, name: 'Ann', email: 'ann@example.com' })
  })

  it('filters the parents by attributes while loading a relation', () => {
    const users = useRepo(User, pinia).with('posts').where('name', (name: string) => name.startsWith('B')).get()

    expect(users.map(user => user.$toJson())).toEqual([
      { id: 2, name: 'Bob', email: '', posts: [{ id: 200, userId: 2, title: 'c', published: true }] },
    ])
  })

  it('load() adds relations to instances already retrieved', () => {
    const users = useRepo(User, pinia).all()
    useRepo(User, pinia).with('phone').load(users)

    expect(users.map(user => user.phone?.number ?? null)).toEqual(['111', '222', null])
  })
})

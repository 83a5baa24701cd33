// What the read path shares between calls to save work, and what it must never share.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { createORM, definePiniaOrmPlugin, Model, useRepo } from '../../src/runtime/orm'
import type { ModelOptions, ModelClass } from '../../src/runtime/orm'
import { FkIndex } from '../../src/runtime/orm/fkIndex'
import { Query } from '../../src/runtime/orm/query'
import type { NormalizeVisitor } from '../../src/runtime/orm/normalize'
import { getSchema } from '../../src/runtime/orm/schema'
import { Phone, Post, User } from './models'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
})

const repo = <M extends ModelClass>(model: M) => useRepo(model, pinia)

function seed() {
  repo(User).save([
    { id: 1, name: 'Ada', phone: { id: 10, number: '1' }, posts: [{ id: 100, title: 'a' }, { id: 101, title: 'b' }] },
    { id: 2, name: 'Bob', phone: { id: 20, number: '2' }, posts: [{ id: 102, title: 'c' }] },
  ])
}

describe('the read path', () => {
  it('reuses one repository per model and Pinia, and none across Pinia instances', () => {
    const first = createPinia()
    const second = createPinia()

    expect(useRepo(User, first)).toBe(useRepo(User, first))
    expect(useRepo(User, first)).not.toBe(useRepo(User, second))
    expect(useRepo(Phone, first)).not.toBe(useRepo(User, first))
  })

  it('makes a repository per call while a plugin runs for each', () => {
    createApp({}).use(pinia)
    let runs = 0
    pinia.use(createORM({ plugins: [definePiniaOrmPlugin((context) => {
      runs++
      return context
    })] }))

    expect(useRepo(User, pinia)).not.toBe(useRepo(User, pinia))
    expect(runs).toBe(2)
  })

  it('keeps a constraint added to one query\'s relation out of every other query\'s', () => {
    seed()
    const constrained = repo(User).with('posts').with('posts', query => query.where('title', 'b'))
    const plain = repo(User).with('posts')

    expect(constrained.find(1)!.posts!.map(post => post.id)).toEqual([101])
    expect(plain.find(1)!.posts!.map(post => post.id)).toEqual([100, 101])
    expect(repo(User).with('posts').find(1)!.posts!.map(post => post.id)).toEqual([100, 101])
  })

  it('finds relations saved before the relation was first read, and after', () => {
    repo(Post).save({ id: 1, userId: 1, title: 'saved alone, before any nested save' })
    seed()
    repo(User).save({ id: 3, name: 'Cy' })
    repo(Phone).save({ id: 30, userId: 3, number: '3' })

    expect(repo(User).with('posts').find(1)!.posts!.map(post => post.id)).toEqual([1, 100, 101])
    expect(repo(User).with('phone').find(3)!.phone!.id).toBe(30)
    repo(Phone).save({ id: 30, userId: 2 })
    expect(repo(User).with('phone').find(3)!.phone).toBeNull()
  })

  it('finds by a string id and by a number id alike', () => {
    seed()

    expect(repo(User).with('phone').find('2')!.phone!.number).toBe('2')
    expect(repo(User).with('phone').find(2)!.phone!.number).toBe('2')
    expect(repo(User).find(3)).toBeNull()
  })
})

describe('groupBy', () => {
  it('groups by values named like members of Object.prototype as by any other', () => {
    repo(Post).save([
      { id: 1, title: 'constructor' },
      { id: 2, title: '__proto__' },
      { id: 3, title: 'constructor' },
      { id: 4, title: 'toString' },
    ])
    const groups = repo(Post).groupBy('title').get()
    const ids = (key: string) => Object.getOwnPropertyDescriptor(groups, key)?.value.map((post: { id: number }) => post.id)

    expect(Object.keys(groups)).toEqual(['constructor', '__proto__', 'toString'])
    expect([ids('constructor'), ids('__proto__'), ids('toString')]).toEqual([[1, 3], [2], [4]])
    expect(Object.getPrototypeOf(groups)).toBe(Object.prototype)
  })

  it('keys a number value by its string, as an object key is', () => {
    repo(Post).save([{ id: 1, userId: 7 }, { id: 2, userId: '7' }, { id: 3, userId: 8 }])

    expect(Object.entries(repo(Post).groupBy('userId').get()).map(([key, posts]) => [key, posts.map(post => post.id)]))
      .toEqual([['7', [1, 2]], ['8', [3]]])
  })
})

describe('whereHas', () => {
  it('keeps parents with related records passing the constraint, whether it names fields or takes instances', () => {
    seed()

    expect(repo(User).whereHas('posts', query => query.where('title', 'c')).get().map(user => user.id)).toEqual([2])
    expect(repo(User).whereHas('posts', query => query.where((post: Post) => post.$getKey() === 101)).get().map(user => user.id)).toEqual([1])
    expect(repo(User).whereHas('posts', query => query.where('title', ['a', 'c'])).get().map(user => user.id)).toEqual([1, 2])
  })

  it('gives a constraint that orders and pages the records it selects as a query', () => {
    seed()

    expect(repo(User).whereHas('posts', query => query.orderBy('title', 'desc').limit(1)).get().map(user => user.id)).toEqual([2])
  })
})

describe('count', () => {
  it('counts what get() returns, for relation conditions and where functions alike', () => {
    seed()
    repo(User).save({ id: 3, name: 'Cy' })
    const queries = [
      () => repo(User).has('posts'),
      () => repo(User).doesntHave('phone'),
      () => repo(User).where((user: User) => user.$getKey() !== 1),
      () => repo(User).has('posts', '>', 1).orWhere('name', 'Cy'),
    ]

    expect(queries.map(query => query().count())).toEqual(queries.map(query => query().get().length))
    expect(queries.map(query => query().count())).toEqual([2, 1, 2, 2])
  })
})

describe('the blank instance and record each model keeps (V8 hidden classes, see schema.ts)', () => {
  it('hold no record and no Pinia, whatever is saved and read', () => {
    seed()
    expect(repo(User).with('phone').find(1)!.name).toBe('Ada')
    const [instance, record] = getSchema(User).shapes as [User, Record<string, unknown>]

    expect(instance).toBeInstanceOf(User)
    expect({ ...instance }).toEqual({ id: null, name: null, email: null })
    expect(record).toEqual({ id: null, name: null, email: null })
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
    // The same objects for every Pinia: nothing of one reaches another through them.
    const other = createPinia()
    useRepo(User, other).save({ id: 5, name: 'Eve' })
    expect(getSchema(User).shapes[0]).toBe(instance)
    expect({ ...instance }).toEqual({ id: null, name: null, email: null })
  })

  it('have kin for queries, indexes and the keys relations force, none holding any Pinia\'s data', () => {
    seed()
    expect(repo(User).with('posts').find(1)!.posts).toHaveLength(2)
    useRepo(User, createPinia()).save({ id: 7, posts: [{ id: 70 }] })

    expect(Query._kept._db).toBeUndefined()
    expect(Query._kept._wheres).toEqual([])
    expect(FkIndex._kept.source).toEqual({ kept: { key: 0 } })
    expect(FkIndex._kept.get(0)).toEqual(['kept'])
    const posts = User.fields().posts as unknown as { _keysShape?: unknown }
    // Made by the first save through the relation, on the relation object its model keeps.
    const bound = getSchema(User).relations.get('posts') as unknown as { _keysShape: unknown }
    expect(bound._keysShape).toEqual({ userId: null })
    expect(posts._keysShape).toBeUndefined()
  })

  it('keep the last nested save\'s visitor with nothing of that save or its Pinia', () => {
    seed()
    const visitor = getSchema(User).lastVisitor as NormalizeVisitor
    expect(visitor).toBeDefined()
    // Its store lookups reach no store, its relations no database, its input is gone.
    expect(visitor.stored(getSchema(User), '1')).toBeUndefined()
    expect(visitor.input()).toBeUndefined()
    expect(() => visitor.visit(getSchema(User), { id: 1, phone: { id: 10 } }, undefined, 'users')).toThrow('this normalization is over')
    // The next save keeps its own, and still saves what it is given.
    repo(User).save({ id: 3, name: 'Cy', posts: [{ id: 103 }] })
    expect(getSchema(User).lastVisitor).not.toBe(visitor)
    expect(repo(User).with('posts').find(3)!.posts!.map(post => post.id)).toEqual([103])
  })

  it('are left out, with nothing else changed, for a model whose constructor refuses a blank instance', () => {
    class Strict extends Model {
      static override entity = 'stricts'
      static override fields() {
        return { id: this.attr(null), name: this.string('') }
      }

      constructor(attributes?: Record<string, unknown>, options?: ModelOptions) {
        super(attributes, options)
        if (options?.fill === false && getSchema(Strict).shapes.length === 0 && !madeBlank) {
          madeBlank = true
          throw new Error('no blank Strict')
        }
      }
    }
    let madeBlank = false

    repo(Strict).save({ id: 1, name: 'kept' })
    expect(madeBlank).toBe(true)
    expect(getSchema(Strict).shapes).toEqual([])
    expect(repo(Strict).find(1)!.name).toBe('kept')
  })
})

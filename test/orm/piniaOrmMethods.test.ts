// pinia-orm 1.10's Repository and Query members that a switched app may call: the query's writes
// and reads that ignore its chain, revive, newQuery, $self, setModel/useModel, queryCache. Expected
// values are what pinia-orm 1.10.2 gives for the same calls (run on the same records).
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Query, Repository, useRepo } from '../../src/runtime/orm'
import type { Phone } from './models'
import { Post, User } from './models'

let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, name: 'John', posts: [{ id: 10, title: 'a' }] }, { id: 2, name: 'Jane' }])
})

const plain = (value: unknown) => JSON.parse(JSON.stringify(value))
const idsOf = (items: { id: unknown }[]) => items.map(item => item.id)

describe('reads of a query that pinia-orm has', () => {
  it('all() returns every record of the model, whatever the query\'s constraints', () => {
    expect(idsOf(useRepo(User, pinia).where('id', 1).all())).toEqual([1, 2])
  })

  it('select() returns the records passing the where clauses, without order, limit or relations', () => {
    const selected = useRepo(User, pinia).where('id', [1, 2]).orderBy('id', 'desc').limit(1).with('posts').select()

    expect(plain(selected)).toEqual([{ id: 1, name: 'John', email: '' }, { id: 2, name: 'Jane', email: '' }])
    expect(idsOf(useRepo(User, pinia).select())).toEqual([1, 2])
  })

  it('reviveOne(schema) rebuilds one record with the relations the schema names', () => {
    expect(plain(useRepo(User, pinia).reviveOne({ id: 1, posts: [{ id: 10 }] }))).toEqual({ id: 1, name: 'John', email: '', posts: [{ id: 10, userId: 1, title: 'a', published: false }] })
    expect(useRepo(User, pinia).query().reviveOne({ id: 5 })).toBeNull()
  })

  it('reviveMany(schema) rebuilds a list, leaving out records not in the store', () => {
    expect(idsOf(useRepo(User, pinia).reviveMany([{ id: 1 }, { id: 5 }, { id: 2 }]))).toEqual([1, 2])
  })

  it('reviveOne() of a list and reviveMany() of one object throw, naming the other', () => {
    expect(() => useRepo(User, pinia).reviveOne([{ id: 1 }] as never)).toThrow('[nuxt-pinia-orm] reviveOne() on User takes one object naming a record by its key, e.g. { id: 1, posts: [{ id: 2 }] }, not an array: use reviveMany() for a list.')
    expect(() => useRepo(User, pinia).reviveMany({ id: 1 } as never)).toThrow('[nuxt-pinia-orm] reviveMany() on User takes an array of objects naming records by their key, e.g. [{ id: 1 }, { id: 2 }]: use reviveOne() for one object.')
  })

  it('revive() on a query is the repository\'s revive()', () => {
    expect(idsOf(useRepo(User, pinia).query().revive([{ id: 2 }, { id: 1 }]))).toEqual([2, 1])
  })
})

describe('newQuery(entity) and newQueryWithConstraints(entity)', () => {
  it('newQuery(entity) is a query of the model registered under that entity', () => {
    const posts = useRepo(User, pinia).newQuery<typeof Post>('posts')

    expect(posts).toBeInstanceOf(Query)
    expect(posts.get().map(post => post.title)).toEqual(['a'])
  })

  it('newQuery(entity) finds a model reached only through relations, not yet used in this Pinia', () => {
    const fresh = createPinia()

    expect(useRepo(User, fresh).query().newQuery('phones').get()).toEqual([])
    expect(useRepo(User, fresh).newQuery('posts').get()).toEqual([])
    expect(() => useRepo(Post, fresh).newQuery('comments')).toThrow('[nuxt-pinia-orm] newQuery(\'comments\') on Post: no model of the entity \'comments\' is registered with this Pinia. Register it (registerModels(pinia, [...]) or useRepo(ThatModel)) or check the name: `static entity` of the model.')
  })

  it('newQueryWithConstraints(entity) keeps the query\'s constraints, and the two change apart', () => {
    const query = useRepo(User, pinia).where('id', 2)
    const copy = query.newQueryWithConstraints<typeof User>('users')

    expect(idsOf(copy.get())).toEqual([2])
    expect(copy.where('name', 'x').get()).toEqual([])
    expect(idsOf(query.get())).toEqual([2])
    expect(idsOf(useRepo(User, pinia).with('posts').orderBy('id', 'desc').newQueryWithConstraints<typeof User>('users').get()[1]!.posts!)).toEqual([10])
  })

  it('newQueryWithConstraints() of another model refuses a query that loads relations', () => {
    expect(() => useRepo(User, pinia).with('posts').newQueryWithConstraints('phones')).toThrow('[nuxt-pinia-orm] newQueryWithConstraints(\'phones\') on a query of User that loads relations: they are relations of User, not of Phone. Call it before with(), or make the query of Phone with newQuery(\'phones\').')
    expect(useRepo(User, pinia).where('id', 1).newQueryWithConstraints<typeof Phone>('phones').get()).toEqual([])
  })
})

describe('writes of a query, as the repository\'s', () => {
  it('save() and insert() write whatever the query\'s constraints', () => {
    expect(plain(useRepo(User, pinia).query().save({ id: 3, name: 'Q' }))).toEqual({ id: 3, name: 'Q', email: '' })
    expect(plain(useRepo(User, pinia).where('id', 99).insert({ id: 4, name: 'I' }))).toEqual({ id: 4, name: 'I', email: '' })
    expect(Object.keys(pinia.state.value.users!.data)).toEqual(['1', '2', '3', '4'])
  })

  it('fresh() replaces every record of the model', () => {
    expect(plain(useRepo(User, pinia).query().fresh([{ id: 7, name: 'F' }]))).toEqual([{ id: 7, name: 'F', email: '' }])
    expect(pinia.state.value.users!.data).toEqual({ 7: { id: 7, name: 'F', email: '' } })
  })

  it('destroy() deletes by key, only records that pass the query\'s where clauses', () => {
    expect(useRepo(User, pinia).where('name', 'Nope').destroy(2)).toBeNull()
    expect(plain(useRepo(User, pinia).where('name', 'John').destroy([1, 2]))).toEqual([{ id: 1, name: 'John', email: '' }])
    expect(pinia.state.value.users!.data).toEqual({ 2: { id: 2, name: 'Jane', email: '' } })
    expect(plain(useRepo(User, pinia).query().destroy(2))).toEqual({ id: 2, name: 'Jane', email: '' })
    expect(pinia.state.value.users!.data).toEqual({})
  })

  it('flush() deletes every record of the model and returns them', () => {
    expect(idsOf(useRepo(User, pinia).where('id', 1).flush())).toEqual([1, 2])
    expect(pinia.state.value.users!.data).toEqual({})
    expect(pinia.state.value.posts!.data).toEqual({ 10: { id: 10, userId: 1, title: 'a', published: false } })
  })
})

describe('the repository members pinia-orm has', () => {
  it('$self() returns the repository\'s class', () => {
    class UserRepository extends Repository<typeof User> {
      override use = User
    }

    expect(useRepo(User, pinia).$self()).toBe(Repository)
    expect(useRepo(UserRepository, pinia).$self()).toBe(UserRepository)
  })

  it('getModel() returns an instance of the model with its defaults', () => {
    const model = useRepo(User, pinia).getModel()

    expect(model).toBeInstanceOf(User)
    expect(model.$toJson()).toEqual({ id: null, name: '', email: '' })
  })

  it('static useModel binds a repository class that sets no use', () => {
    class UserRepository extends Repository<typeof User> {
      static override useModel = User
    }

    expect(useRepo(UserRepository, pinia).find(2)!.name).toBe('Jane')
    expect(useRepo(UserRepository, pinia).use).toBe(User)
  })

  it('static setModel(model) sets useModel on the class and returns it', () => {
    class PostRepository extends Repository<typeof Post> {}

    expect(PostRepository.setModel(Post)).toBe(PostRepository)
    expect(PostRepository.useModel).toBe(Post)
    expect(Repository.useModel).toBeUndefined()
    expect(useRepo(PostRepository, pinia).all().map(post => post.title)).toEqual(['a'])
  })

  it('static _isRepository marks repository classes', () => {
    class UserRepository extends Repository<typeof User> {}

    expect([Repository._isRepository, UserRepository._isRepository]).toEqual([true, true])
  })

  it('queryCache is this Pinia\'s query cache, as cache()', () => {
    const users = useRepo(User, pinia)
    users.useCache().get()

    expect(users.queryCache).toBe(users.cache())
    expect(users.queryCache!.size).toBe(1)
  })
})

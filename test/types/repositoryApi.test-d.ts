// Type tests of issue #12: custom repositories, grouped results, pagination, helpers, plugins.
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, Repository, definePiniaOrmPlugin, useRepo } from '../../src/runtime/orm'
import type { Collection, Element, Item, ModelClass, Paginated, PiniaOrmPluginContext, Query } from '../../src/runtime/orm'
import { useCollect, useGroupBy, useSortBy } from '../../src/runtime/orm/helpers'
import type { Sorting, sorting } from '../../src/runtime/orm/helpers'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr<number>(null), name: this.string(''), age: this.number(0) }
  }
}

class UserRepository extends Repository<typeof User> {
  override use = User

  adults() {
    return this.where('age', (age: number) => age >= 18).get()
  }
}

declare const pinia: Pinia

describe('custom repositories', () => {
  it('useRepo(UserRepository) is the custom class, with its methods and the built-in ones', () => {
    const users = useRepo(UserRepository, pinia)
    expectTypeOf(users).toEqualTypeOf<UserRepository>()
    expectTypeOf(users.adults()).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(users.find(1)).toEqualTypeOf<Item<typeof User> | null>()
    expectTypeOf(users.find(1)!.name).toEqualTypeOf<string>()
  })

  it('useRepo(User) stays a Repository of the model', () => {
    expectTypeOf(useRepo(User, pinia)).toEqualTypeOf<Repository<typeof User>>()
    expectTypeOf(useRepo(User, pinia).repo(UserRepository)).toEqualTypeOf<UserRepository>()
  })
})

describe('query results', () => {
  it('groupBy().get() is keyed groups, paginate() a page of items', () => {
    expectTypeOf(useRepo(User, pinia).groupBy('age').get()).toEqualTypeOf<Record<string, Item<typeof User>[]>>()
    expectTypeOf(useRepo(User, pinia).query().get<'group'>()).toEqualTypeOf<Record<string, Item<typeof User>[]>>()
    expectTypeOf(useRepo(User, pinia).paginate(1, 10)).toEqualTypeOf<Paginated<Item<typeof User>>>()
    expectTypeOf(useRepo(User, pinia).count()).toEqualTypeOf<number>()
    expectTypeOf(useRepo(User, pinia).max('age')).toEqualTypeOf<number | null>()
  })

  it('a grouped query shows the query methods, not the internal `_` fields', () => {
    const grouped = useRepo(User, pinia).groupBy('age')
    expectTypeOf(grouped).toHaveProperty('where')
    expectTypeOf(grouped).not.toHaveProperty('_wheres')
    expectTypeOf(grouped).not.toHaveProperty('_db')
  })

  it('where() takes the primary key\'s fields as a list, as pinia-orm\'s where(string[], ids) does', () => {
    expectTypeOf(useRepo(User, pinia).where(['id'], [1, 2]).get()).toEqualTypeOf<Item<typeof User>[]>()
  })
})

describe('helpers and plugins', () => {
  it('keep the item type', () => {
    const users = useRepo(User, pinia).all()
    expectTypeOf(useSortBy(users, 'name')).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useGroupBy(users, ['name'])).toEqualTypeOf<Record<string, Item<typeof User>[]>>()
    expectTypeOf(useCollect(users).sum('age')).toEqualTypeOf<number>()
  })

  it('pinia-orm\'s Collection<User> and Element take what the repository gives and a save takes', () => {
    const users: Collection<User> = useRepo(User, pinia).all()
    expectTypeOf(users).toEqualTypeOf<User[]>()
    const element: Element = { id: 1, name: 'Ann' }
    expectTypeOf(useRepo(User, pinia).save(element)).toEqualTypeOf<Item<typeof User>>()
  })

  it('pinia-orm\'s `sorting` type is the `Sorting` of sortBy', () => {
    expectTypeOf<sorting<Item<typeof User>>>().toEqualTypeOf<Sorting<Item<typeof User>>>()
  })

  it('a plugin gets the pinia-orm context', () => {
    definePiniaOrmPlugin((context) => {
      expectTypeOf(context).toEqualTypeOf<PiniaOrmPluginContext>()
      return context
    })
  })
})

describe('pinia-orm Repository and Query members (issue #12)', () => {
  it('new() may be refused by a hook, so it is the instance or null', () => {
    expectTypeOf(useRepo(User, pinia).new()).toEqualTypeOf<Item<typeof User> | null>()
    expectTypeOf(useRepo(User, pinia).query().new(false)).toEqualTypeOf<Item<typeof User> | null>()
  })

  it('a query writes and reads as the repository', () => {
    const query = useRepo(User, pinia).where('age', 18)
    expectTypeOf(query.save({ id: 1 })).toEqualTypeOf<Item<typeof User>>()
    expectTypeOf(query.insert([{ id: 1 }])).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(query.destroy(1)).toEqualTypeOf<Item<typeof User> | null>()
    expectTypeOf(query.flush()).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(query.all()).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(User, pinia).select()).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(User, pinia).reviveOne({ id: 1 })).toEqualTypeOf<Item<typeof User> | null>()
    expectTypeOf(useRepo(User, pinia).reviveMany([{ id: 1 }])).toEqualTypeOf<Item<typeof User>[]>()
  })

  it('newQuery(entity) is typed by the model given, and $self() is a repository class', () => {
    expectTypeOf(useRepo(User, pinia).newQuery<typeof User>('users').get()).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(UserRepository, pinia).$self()).toEqualTypeOf<typeof Repository>()
    expectTypeOf(UserRepository.setModel(User)).toEqualTypeOf<typeof UserRepository>()
  })
})

describe('code generic over the model class', () => {
  it('takes Repository<M, M> and Query<M, M>, whose results are Item<M>', () => {
    function newest<M extends ModelClass>(repo: Repository<M, M>): Item<M> | null {
      return repo.orderBy('id', 'desc').first()
    }
    function named<M extends ModelClass>(query: Query<M, M>): Item<M>[] {
      return query.where('name', 'a').get()
    }
    expectTypeOf(newest(useRepo(User, pinia))).toEqualTypeOf<Item<typeof User> | null>()
    expectTypeOf(named(useRepo(User, pinia).query())).toEqualTypeOf<Item<typeof User>[]>()
  })
})

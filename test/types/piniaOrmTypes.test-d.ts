// pinia-orm's exported type names, used as a pinia-orm app written in TypeScript uses them: in
// annotations of models, options, constraints and results. Checked by `npm run typecheck`.
import { createPinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, createORM, useRepo } from '../../src/runtime/orm'
import type {
  CacheConfigOptions,
  EagerLoadConstraint,
  Element,
  GroupByFields,
  GroupedCollection,
  InheritanceTypes,
  InstallOptions,
  MetaValues,
  ModelConfigOptions,
  ModelFields,
  NormalizedData,
  OrderBy,
  OrderDirection,
  PiniaConfigOptions,
  PrimaryKey,
  WherePrimaryClosure,
  WhereSecondaryClosure,
} from '../../src/runtime/orm'

class Post extends Model {
  static override entity = 'posts'
  static override fields(): ModelFields {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }

  declare id: number
  declare userId: number
  declare title: string
}

class User extends Model {
  static override entity = 'users'
  static override primaryKey: PrimaryKey = 'id'
  static override fields(): ModelFields {
    return { id: this.attr(null), name: this.string(''), posts: this.hasMany(Post, 'userId') }
  }

  declare id: number
  declare name: string
  declare posts: Post[]
  declare _meta: MetaValues | undefined
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey: PrimaryKey = ['roleId', 'userId']
  static override fields(): ModelFields {
    return { roleId: this.attr(null), userId: this.attr(null) }
  }
}

class Person extends Model {
  static override entity = 'people'
  static override types(): InheritanceTypes {
    return { ADULT: Adult }
  }

  static override fields(): ModelFields {
    return { id: this.attr(null), type: this.attr('PERSON') }
  }
}

class Adult extends Person {
  static override entity = 'adults'
  static override baseEntity = 'people'
}

describe('pinia-orm\'s type names', () => {
  it('annotate models: fields(), primaryKey, types() and _meta', () => {
    expectTypeOf<PrimaryKey>().toEqualTypeOf<string | string[]>()
    expectTypeOf(RoleUser.primaryKey).toEqualTypeOf<PrimaryKey>()
    expectTypeOf(Person.types()).toEqualTypeOf<InheritanceTypes>()
    expectTypeOf<MetaValues>().toEqualTypeOf<{ createdAt: number, updatedAt: number }>()
    const user = useRepo(User, createPinia()).find(1)
    expectTypeOf(user!.name).toEqualTypeOf<string>()
    expectTypeOf(user!.posts).toEqualTypeOf<Post[]>()
  })

  it('type createORM()\'s options', () => {
    const model: ModelConfigOptions = { withMeta: true, hidden: ['secret'], namespace: 'orm' }
    const cache: CacheConfigOptions = { shared: false }
    const pinia: PiniaConfigOptions = { storeType: 'setupStore' }
    const options: InstallOptions = { model, cache, pinia }
    createPinia().use(createORM(options))
    // @ts-expect-error an option pinia-orm does not have
    const wrong: InstallOptions = { models: [User], modell: {} }
    void wrong
  })

  it('type constraints, orders and closures of queries', () => {
    const repo = useRepo(User, createPinia())
    const direction: OrderDirection = 'desc'
    const byName: OrderBy<User> = user => user.name
    const named: WherePrimaryClosure<User> = user => user.name !== ''
    const long: WhereSecondaryClosure<string> = value => value.length > 3
    const titled: EagerLoadConstraint<Post> = (query) => {
      query.where('title', long)
    }
    const users: User[] = repo.with('posts', titled).where(named).orderBy(byName, direction).get()
    expectTypeOf(users[0]!.posts).toEqualTypeOf<Post[]>()
    // As in pinia-orm, an untyped order function's model is `any`.
    const byLength: OrderBy = user => user.name.length
    expectTypeOf(repo.orderBy(byLength).get()).toMatchTypeOf<User[]>()
    expectTypeOf<Exclude<OrderBy, string>>().parameter(0).toBeAny()
  })

  it('type grouped results and normalized records', () => {
    const fields: GroupByFields = ['userId', 'title']
    const groups: GroupedCollection<Post> = useRepo(Post, createPinia()).groupBy(...fields).get()
    expectTypeOf(groups['1']).toEqualTypeOf<Post[] | undefined>()
    const data: NormalizedData = { users: { 1: { id: 1, name: 'John' } } }
    expectTypeOf(data.users!['1']).toEqualTypeOf<Element | undefined>()
    // As in pinia-orm, an Element's values are `any`: code reading them compiles unchanged.
    expectTypeOf(data.users!['1']!.name).toBeAny()
  })
})

// Type tests: what `fields()` returns decides the types of instances and query results. Checked by
// `npm run typecheck` (vue-tsc); a wrong type fails that step.
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { Item } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr<number>(null),
      name: this.string(''),
      nickname: this.string(null).nullable(),
      age: this.number(0),
      admin: this.boolean(false),
      meta: this.attr(null),
      phone: this.hasOne(Phone, 'userId'),
      posts: this.hasMany(() => Post, 'userId'),
    }
  }

  get label(): string {
    return `#${this.$getKey()}`
  }
}

class Phone extends Model {
  static override entity = 'phones'
  static override fields() {
    return { id: this.uid(), userId: this.attr<number>(null), user: this.belongsTo(User, 'userId') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr<number>(null), userId: this.attr<number>(null), author: this.belongsTo('users', 'userId') }
  }
}

class Member extends Model {
  static override entity = 'members'
  static override primaryKey = ['teamId', 'userId']
  static override fields() {
    return { teamId: this.attr<number>(null), userId: this.attr<number>(null) }
  }
}

declare const pinia: Pinia

describe('types inferred from fields()', () => {
  it('types attributes from their factory and default', () => {
    const user = useRepo(User, pinia).find(1)!

    expectTypeOf(user.id).toEqualTypeOf<number>()
    expectTypeOf(user.name).toEqualTypeOf<string>()
    expectTypeOf(user.nickname).toEqualTypeOf<string | null>()
    expectTypeOf(user.age).toEqualTypeOf<number>()
    expectTypeOf(user.admin).toEqualTypeOf<boolean>()
    expectTypeOf(user.meta).toEqualTypeOf<unknown>()
    expectTypeOf(useRepo(Phone, pinia).find('x')!.id).toEqualTypeOf<string>()
  })

  it('keeps the class\'s own members', () => {
    expectTypeOf(useRepo(User, pinia).find(1)!.label).toEqualTypeOf<string>()
    expectTypeOf(useRepo(User, pinia).find(1)!).toMatchTypeOf<User>()
  })

  it('types relations as optional, single ones nullable', () => {
    const user = useRepo(User, pinia).with('phone').find(1)!

    expectTypeOf(user.phone).toEqualTypeOf<Item<typeof Phone> | null | undefined>()
    expectTypeOf(user.posts).toEqualTypeOf<Item<typeof Post>[] | undefined>()
    expectTypeOf(useRepo(Phone, pinia).with('user').first()!.user!.name).toEqualTypeOf<string>()
  })

  it('types find and destroy results by the shape of the id', () => {
    expectTypeOf(useRepo(User, pinia).find(1)).toEqualTypeOf<Item<typeof User> | null>()
    expectTypeOf(useRepo(User, pinia).find([1, 2])).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(Member, pinia).find([1, 2])).toEqualTypeOf<Item<typeof Member> | null>()
    expectTypeOf(useRepo(Member, pinia).find([[1, 2]])).toEqualTypeOf<Item<typeof Member>[]>()
    expectTypeOf(useRepo(User, pinia).destroy(1)).toEqualTypeOf<Item<typeof User> | null>()
  })

  it('types saves and queries as instances', () => {
    expectTypeOf(useRepo(User, pinia).save({ id: 1 })).toEqualTypeOf<Item<typeof User>>()
    expectTypeOf(useRepo(User, pinia).save([{ id: 1 }])).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(User, pinia).where('age', (age: number) => age > 18).get()).toEqualTypeOf<Item<typeof User>[]>()
    useRepo(User, pinia).where(user => user.age > 18)
  })
})

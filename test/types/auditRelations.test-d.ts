// Type tests of the relations audit: what pinia-orm's types accept, accepted here too.
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { Item } from '../../src/runtime/orm'
import { MorphTo } from '../../src/runtime/orm/decorators'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr<number>(null), name: this.string(''), posts: this.hasMany(() => Post, 'userId') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr<number>(null), userId: this.attr<number>(null), author: this.belongsTo(() => User, 'userId') }
  }
}

declare const pinia: Pinia

describe('saving model instances', () => {
  it('save() takes an instance a query returned, edited, and a list of them, as pinia-orm\'s Element does', () => {
    const user = useRepo(User, pinia).with('posts.author').find(1)!
    expectTypeOf(useRepo(User, pinia).save(user)).toEqualTypeOf<Item<typeof User>>()
    expectTypeOf(useRepo(User, pinia).save([user])).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(Post, pinia).insert(useRepo(Post, pinia).all())).toEqualTypeOf<Item<typeof Post>[]>()
  })

  it('still rejects what is no record', () => {
    // @ts-expect-error a number is no record
    useRepo(User, pinia).save(1)
  })
})

describe('@MorphTo', () => {
  it('takes the related models as a list or as a function returning them', () => {
    expectTypeOf(MorphTo([User, Post], 'id', 'type')).toEqualTypeOf<ReturnType<typeof MorphTo>>()
    expectTypeOf(MorphTo(() => [User, Post], 'id', 'type')).toEqualTypeOf<ReturnType<typeof MorphTo>>()
  })
})

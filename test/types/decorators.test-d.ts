// Issue 11: a decorated field's type is its declaration, through useRepo and relations.
import { createPinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { Attr, BelongsTo, Bool, HasMany, HasOne, Num, Str, Uid } from '../../src/runtime/orm/decorators'

class DecoratedUser extends Model {
  static override entity = 'users'
  @Attr(null) id!: number | null
  @Str('') name!: string
  @Num(0) age!: number
  @Bool(false) active!: boolean
  @HasOne(() => DecoratedProfile, 'userId') profile!: DecoratedProfile | null
  @HasMany(() => DecoratedPost, 'userId') posts!: DecoratedPost[]
}

class DecoratedProfile extends Model {
  static override entity = 'profiles'
  @Uid() id!: string
  @Attr(null) userId!: number | null
}

class DecoratedPost extends Model {
  static override entity = 'posts'
  @Attr(null) id!: number | null
  @Attr(null) userId!: number | null
  @BelongsTo(() => DecoratedUser, 'userId') author!: DecoratedUser | null
}

describe('decorated models', () => {
  const pinia = createPinia()

  it('type each decorated field as it is declared', () => {
    const user = useRepo(DecoratedUser, pinia).find(1)!
    expectTypeOf(user.name).toEqualTypeOf<string>()
    expectTypeOf(user.id).toEqualTypeOf<number | null>()
    expectTypeOf(user.age).toEqualTypeOf<number>()
    expectTypeOf(user.active).toEqualTypeOf<boolean>()
    expectTypeOf(user.profile).toEqualTypeOf<DecoratedProfile | null>()
    expectTypeOf(user.posts).toEqualTypeOf<DecoratedPost[]>()
    expectTypeOf(useRepo(DecoratedProfile, pinia).all()[0]!.id).toEqualTypeOf<string>()
  })

  it('keep the types through relations and queries', () => {
    const post = useRepo(DecoratedPost, pinia).with('author').first()
    expectTypeOf(post!.author!.name).toEqualTypeOf<string>()
    expectTypeOf(useRepo(DecoratedUser, pinia).where('active', true).get()[0]!.posts[0]!.author).toEqualTypeOf<DecoratedUser | null>()
  })

  it('refuse a decorator on a member that is not a field', () => {
    class Wrong extends Model {
      static override entity = 'wrong'
      // @ts-expect-error a field decorator, not a method decorator
      @Str('') greet() {
        return 'hi'
      }
    }
    expectTypeOf(Wrong.entity).toEqualTypeOf<string>()
  })
})

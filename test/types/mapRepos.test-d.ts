// Type tests of mapRepos: in an Options API component, `this.<name>` is the repository.
import { describe, expectTypeOf, it } from 'vitest'
import { defineComponent } from 'vue'
import { Model, Repository, mapRepos } from '../../src/runtime/orm'
import type { Item } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr<number>(null), name: this.string('') }
  }
}

class UserRepository extends Repository<typeof User> {
  override use = User

  names(): string[] {
    return this.all().map(user => user.name)
  }
}

describe('mapRepos', () => {
  it('types each mapped name on `this` as the repository of its model or repository class', () => {
    defineComponent({
      computed: {
        ...mapRepos({ userRepo: User, customRepo: UserRepository }),
        first(): Item<typeof User> | null {
          return this.userRepo.first()
        },
      },
      methods: {
        check() {
          expectTypeOf(this.userRepo).toEqualTypeOf<Repository<typeof User>>()
          expectTypeOf(this.customRepo).toEqualTypeOf<UserRepository>()
          expectTypeOf(this.customRepo.names()).toEqualTypeOf<string[]>()
          expectTypeOf(this.userRepo.find(1)!.name).toEqualTypeOf<string>()
          expectTypeOf(this.first).toEqualTypeOf<Item<typeof User> | null>()
        },
      },
    })
  })

  it('returns one getter per name', () => {
    expectTypeOf(mapRepos({ userRepo: User })).toHaveProperty('userRepo')
    expectTypeOf<keyof ReturnType<typeof mapRepos<{ userRepo: typeof User }>>>().toEqualTypeOf<'userRepo'>()
    // @ts-expect-error a value that is neither a model class nor a repository class
    mapRepos({ userRepo: 'users' })
  })

  it('types a getter called outside a component', () => {
    const mapped = mapRepos({ userRepo: User, customRepo: UserRepository })
    const { customRepo } = mapped
    expectTypeOf(mapped.userRepo()).toEqualTypeOf<Repository<typeof User>>()
    expectTypeOf(customRepo()).toEqualTypeOf<UserRepository>()
  })
})

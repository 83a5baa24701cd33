// Issue 15: a live query's items have the type a get() of the same query gives.
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import type { Ref } from 'vue'
import { Model, useLiveQuery, useRepo } from '../../src/runtime/orm'
import type { Item, LiveQuery } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr<number>(null),
      name: this.string(''),
      phone: this.hasOne(Phone, 'userId'),
    }
  }
}

class Phone extends Model {
  static override entity = 'phones'
  static override fields() {
    return { id: this.attr<number>(null), userId: this.attr<number>(null), number: this.string('') }
  }
}

declare const pinia: Pinia

describe('live queries', () => {
  it('hold read-only arrays of the model\'s items', () => {
    const live = useRepo(User, pinia).with('phone').where('name', 'Ann').live()
    expectTypeOf(live).toEqualTypeOf<LiveQuery<Item<typeof User>>>()
    expectTypeOf(live.value).toEqualTypeOf<readonly Item<typeof User>[]>()
    expectTypeOf(live.value[0]!.name).toEqualTypeOf<string>()
    expectTypeOf(live).toMatchTypeOf<Readonly<Ref<readonly Item<typeof User>[]>>>()
    expectTypeOf(useRepo(Phone, pinia).live().value).toEqualTypeOf<readonly Item<typeof Phone>[]>()
  })

  it('infer the item type through useLiveQuery, from a query or a repository', () => {
    expectTypeOf(useLiveQuery(() => useRepo(User, pinia).orderBy('name')).value).toEqualTypeOf<readonly Item<typeof User>[]>()
    expectTypeOf(useLiveQuery(() => useRepo(Phone, pinia)).value).toEqualTypeOf<readonly Item<typeof Phone>[]>()
  })

  it('cannot be assigned to', () => {
    const live = useRepo(User, pinia).live()
    // @ts-expect-error the result is read-only
    live.value = []
  })
})

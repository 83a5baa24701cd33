// Type tests for the relation types beyond hasOne/hasMany/belongsTo: a loaded relation's value type
// follows from its definition, pivots included.
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { Item } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr<number>(null),
      roleIds: this.attr<number[]>([]),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId'),
      teams: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId').as('membership'),
      favorites: this.hasManyBy(() => Role, 'roleIds'),
      image: this.morphOne(() => Image, 'imageableId', 'imageableType'),
      images: this.morphMany(() => Image, 'imageableId', 'imageableType'),
      tags: this.morphToMany(() => Role, () => RoleUser, 'roleId', 'userId', 'type'),
      through: this.hasManyThrough(() => Image, () => Role, 'id', 'imageableId'),
    }
  }
}

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return { id: this.attr<number>(null), name: this.string(''), users: this.morphedByMany(User, () => RoleUser, 'roleId', 'userId', 'type') }
  }
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override fields() {
    return { id: this.uid(), userId: this.attr<number>(null), roleId: this.attr<number>(null), level: this.string('') }
  }
}

class Image extends Model {
  static override entity = 'images'
  static override fields() {
    return {
      id: this.attr<number>(null),
      imageableId: this.attr<number>(null),
      imageableType: this.string(''),
      imageable: this.morphTo([User, Role], 'imageableId', 'imageableType'),
    }
  }
}

declare const pinia: Pinia

describe('relation value types', () => {
  it('types a belongsToMany as a list of related items carrying their pivot', () => {
    const user = useRepo(User, pinia).with('roles').find(1)!

    expectTypeOf(user.roles).toEqualTypeOf<((Item<typeof Role> & { pivot: Item<typeof RoleUser> })[]) | undefined>()
    expectTypeOf(user.roles![0]!.pivot.level).toEqualTypeOf<string>()
  })

  it('types the pivot under the name given with .as()', () => {
    const user = useRepo(User, pinia).find(1)!

    expectTypeOf(user.teams![0]!.membership).toEqualTypeOf<Item<typeof RoleUser>>()
  })

  it('types list relations as arrays and single ones as nullable', () => {
    const user = useRepo(User, pinia).find(1)!

    expectTypeOf(user.favorites).toEqualTypeOf<Item<typeof Role>[] | undefined>()
    expectTypeOf(user.images).toEqualTypeOf<Item<typeof Image>[] | undefined>()
    expectTypeOf(user.image).toEqualTypeOf<Item<typeof Image> | null | undefined>()
    expectTypeOf(user.through).toEqualTypeOf<Item<typeof Image>[] | undefined>()
    expectTypeOf(user.tags![0]!.pivot).toEqualTypeOf<Item<typeof RoleUser>>()
  })

  it('types a morphTo as any of its models or null', () => {
    const image = useRepo(Image, pinia).find(1)!

    expectTypeOf(image.imageable).toEqualTypeOf<Item<typeof User> | Item<typeof Role> | null | undefined>()
  })

  it('types relation queries as queries of the same model', () => {
    expectTypeOf(useRepo(User, pinia).has('roles').whereHas('images', query => query.where('id', 1)).get()).toEqualTypeOf<Item<typeof User>[]>()
  })
})

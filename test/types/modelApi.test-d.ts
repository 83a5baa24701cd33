// Type tests of pinia-orm's model instance API: each method's return type, on instances and on Item.
import { describe, expectTypeOf, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { Casts, Element, Fields, Item, ModelConfig, Mutators, RelatedModel, Relation } from '../../src/runtime/orm'
import { Bool, Num, Str, Uid } from '../../src/runtime/orm/decorators'
import type { NanoidOptions, PropertyDecorator, TypeOptions, UidOptions } from '../../src/runtime/orm/decorators'

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr<number>(null), userId: this.attr<number>(null) }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr<number>(null), name: this.string(''), posts: this.hasMany(Post, 'userId') }
  }
}

describe('model instance API types', () => {
  it('the views of the definition return pinia-orm\'s shapes', () => {
    const user = useRepo(User).make()
    expectTypeOf(user.$primaryKey()).toEqualTypeOf<string | string[]>()
    expectTypeOf(user.$fields()).toEqualTypeOf<Fields>()
    expectTypeOf(user.$config()).toEqualTypeOf<ModelConfig>()
    expectTypeOf(user.$namespace()).toEqualTypeOf<string>()
    expectTypeOf(user.$baseNamespace()).toEqualTypeOf<string>()
    expectTypeOf(user.$storeName()).toEqualTypeOf<string>()
    expectTypeOf(user.$baseEntity()).toEqualTypeOf<string>()
    expectTypeOf(user.$modelEntity()).toEqualTypeOf<string>()
    expectTypeOf(user.$typeKey()).toEqualTypeOf<string>()
    expectTypeOf(user.$types()).toEqualTypeOf<Record<string, RelatedModel>>()
    expectTypeOf(user.$piniaOptions()).toEqualTypeOf<object>()
    expectTypeOf(user.$hidden()).toEqualTypeOf<string[]>()
    expectTypeOf(user.$visible()).toEqualTypeOf<string[]>()
    expectTypeOf(user.$casts()).toEqualTypeOf<Casts>()
    expectTypeOf(user.$getCasts()).toEqualTypeOf<Casts>()
    expectTypeOf(user.$getMutators()).toEqualTypeOf<Mutators>()
    expectTypeOf(user.$getRelation('posts')).toEqualTypeOf<Relation>()
    expectTypeOf(User.usedNamespace()).toEqualTypeOf<string>()
    expectTypeOf(User.modelEntity()).toEqualTypeOf<string>()
  })

  it('$setRelation() and $newInstance() return the instance\'s own type', () => {
    const user = useRepo(User).make()
    expectTypeOf(user.$setRelation('posts', [])).toEqualTypeOf<Item<typeof User>>()
    expectTypeOf(new User().$newInstance({ id: 1 })).toEqualTypeOf<User>()
  })

  it('$getKey(record, concat), $getIndexId(record) and $toJson(model, options) take pinia-orm\'s arguments', () => {
    const user = new User()
    expectTypeOf(user.$getKey).parameters.toEqualTypeOf<[record?: Element, concatCompositeKey?: boolean]>()
    expectTypeOf(user.$getKey()).toEqualTypeOf<string | number | (string | number)[] | null>()
    expectTypeOf(user.$getIndexId({ id: 1 })).toEqualTypeOf<string | undefined>()
    expectTypeOf(user.$toJson(new Post(), { relations: false })).toEqualTypeOf<Element>()
    // pinia-orm's Element: values typed `any`, so that `json.name.toUpperCase()` compiles as there.
    expectTypeOf(user.$toJson().name).toBeAny()
    expectTypeOf(user.$getAttributes().name).toBeAny()
    expectTypeOf(user.$fill()).toEqualTypeOf<User>()
  })
})

describe('decorator option types', () => {
  it('@Str, @Num and @Bool take pinia-orm\'s TypeOptions; @Uid its UidOptions', () => {
    expectTypeOf(Str).parameters.toEqualTypeOf<[value: string | null | (() => string | null), options?: TypeOptions]>()
    expectTypeOf(Num(0, { notNullable: true })).toEqualTypeOf<PropertyDecorator>()
    expectTypeOf(Bool(false, { notNullable: true })).toEqualTypeOf<PropertyDecorator>()
    expectTypeOf<TypeOptions>().toEqualTypeOf<{ notNullable?: boolean }>()
    expectTypeOf<UidOptions>().toEqualTypeOf<NanoidOptions | number>()
    expectTypeOf<NanoidOptions>().toMatchTypeOf<{ size?: number, alphabet?: string }>()
    expectTypeOf(Uid).parameters.toEqualTypeOf<[options?: UidOptions]>()
  })
})

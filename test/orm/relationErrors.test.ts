// The errors the relation types throw: each names the model, the relation and what to do, and a
// save that fails writes nothing in any store, pivots included.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, OrmError, useRepo } from '../../src/runtime/orm'

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return { id: this.attr(null) }
  }
}

class BadPivot extends Model {
  static override entity = 'badPivots'
  static override fields() {
    return { id: this.uid(), userId: this.attr(null) }
  }
}

class GoodPivot extends Model {
  static override entity = 'goodPivots'
  static override primaryKey = ['userId', 'roleId']
  static override fields() {
    return { userId: this.attr(null), roleId: this.attr(null) }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      roles: this.belongsToMany(Role, GoodPivot, 'userId', 'roleId'),
      broken: this.belongsToMany(Role, BadPivot, 'userId', 'roleId'),
    }
  }
}

class Image extends Model {
  static override entity = 'images'
  static override fields() {
    return { id: this.attr(null), imageableId: this.attr(null), imageable: this.morphTo([User], 'imageableId', 'imageableType') }
  }
}

describe('relation errors', () => {
  it('names a pivot model without the pivot keys, the relation and the field to declare', () => {
    const error = (() => {
      try {
        useRepo(User, createPinia()).with('broken').get()
      }
      catch (caught) {
        return caught
      }
    })()

    expect(error).toBeInstanceOf(OrmError)
    expect((error as Error).message).toBe('[nuxt-pinia-orm] User.broken is a belongsToMany relation whose pivot model BadPivot has no attribute \'roleId\'. Declare it in BadPivot.fields(), e.g. `roleId: this.attr(null)`.')
  })

  it('names a morphTo type column that is not an attribute', () => {
    expect(() => useRepo(Image, createPinia()).with('imageable').get()).toThrow('[nuxt-pinia-orm] Image.imageable is a morphTo relation whose type column \'imageableType\' is not an attribute of Image. Declare it in Image.fields(), e.g. `imageableType: this.string(\'\')`.')
  })

  it('asks for the type when saving through a morphTo without one', () => {
    class Picture extends Model {
      static override entity = 'pictures'
      static override fields() {
        return { id: this.attr(null), ownerId: this.attr(null), ownerType: this.attr(null), owner: this.morphTo([Role], 'ownerId', 'ownerType') }
      }
    }

    expect(() => useRepo(Picture, createPinia()).save({ id: 1, owner: { id: 1 } })).toThrow(/Picture\.owner cannot tell which model the nested record is: give 'ownerType' one of 'roles'/)
  })

  it('writes nothing in any store, pivots included, when a save fails', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1 }] })
    const before = JSON.stringify(pinia.state.value)

    expect(() => useRepo(User, pinia).save([{ id: 2, roles: [{ id: 2 }, { id: 3 }] }, { id: 3, roles: [{}] }])).toThrow(/primary key/)
    expect(JSON.stringify(pinia.state.value)).toBe(before)
  })
})

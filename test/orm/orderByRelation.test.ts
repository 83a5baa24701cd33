// orderBy() through loaded relations, as pinia-orm 1.9+ sorts (after loading, its issue #1461): a
// dotted name of a loaded relation's field, and a function of the instance that reads relations.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { computed, effectScope, nextTick } from 'vue'
import { Model, useRepo } from '../../src/runtime/orm'
import { useSortBy } from '../../src/runtime/orm/helpers'

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }

  declare id: number
  declare name: string
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey = ['roleId', 'userId']
  static override fields() {
    return { roleId: this.attr(null), userId: this.attr(null), level: this.number(0) }
  }

  declare level: number
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      roleId: this.attr(null),
      role: this.belongsTo(Role, 'roleId'),
      roles: this.belongsToMany(Role, RoleUser, 'userId', 'roleId'),
    }
  }

  declare id: number
  declare name: string
  declare role: Role | null
  declare roles: (Role & { pivot: RoleUser })[]
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([
    { id: 1, name: 'Ann', role: { id: 3, name: 'viewer' }, roles: [{ id: 1, pivot: { level: 2 } }, { id: 2, pivot: { level: 1 } }] },
    { id: 2, name: 'Bob', role: { id: 1, name: 'admin' }, roles: [{ id: 3, pivot: { level: 5 } }] },
    { id: 3, name: 'Cid', role: { id: 2, name: 'editor' } },
    { id: 4, name: 'Dee' },
  ])
})

const ids = (users: User[]) => users.map(user => user.id)

describe('orderBy() through a loaded relation', () => {
  it('sorts by a field of a belongsTo with a dotted name, a user without one last', () => {
    expect(ids(useRepo(User, pinia).with('role').orderBy('role.name').get())).toEqual([2, 3, 1, 4])
    expect(ids(useRepo(User, pinia).with('role').orderBy('role.name', 'desc').get())).toEqual([4, 1, 3, 2])
  })

  it('sorts a user whose role field holds null before one with no role, as null comes before a missing value', () => {
    useRepo(User, pinia).save({ id: 5, name: 'Eve', role: { id: 9, name: null } })
    expect(ids(useRepo(User, pinia).with('role').orderBy('role.name').get())).toEqual([2, 3, 1, 5, 4])
    expect(ids(useRepo(User, pinia).with('role').orderBy('role.name', 'desc').get())).toEqual([4, 5, 1, 3, 2])
  })

  it('sorts every match before it pages', () => {
    expect(ids(useRepo(User, pinia).with('role').orderBy('role.name').limit(2).get())).toEqual([2, 3])
    expect(ids(useRepo(User, pinia).with('role').orderBy('role.name').offset(1).limit(2).get())).toEqual([3, 1])
    expect(useRepo(User, pinia).with('role').orderBy('role.name').first()!.id).toBe(2)
  })

  it('gives a function of the instance its loaded relations', () => {
    const byRoles = useRepo(User, pinia).with('roles').orderBy(user => user.roles.length, 'desc').orderBy('name').get()
    expect(ids(byRoles)).toEqual([1, 2, 3, 4])
    const byRoleName = useRepo(User, pinia).with('role').orderBy(user => user.role?.name ?? 'zzz').get()
    expect(ids(byRoleName)).toEqual([2, 3, 1, 4])
  })

  it('lets a function sort the loaded records by their pivot, as pinia-orm\'s tests do', () => {
    const users = useRepo(User, pinia).with('roles').orderBy((user) => {
      user.roles = useSortBy(user.roles, role => role.pivot.level)
    }).get()
    expect(users[0]!.roles.map(role => role.pivot.level)).toEqual([1, 2])
  })

  it('useSortBy sorts by a dotted path, such as a loaded record\'s pivot field, both ways', () => {
    const roles = useRepo(User, pinia).with('roles').find(1)!.roles
    expect(useSortBy(roles, [['pivot.level', 'asc']]).map(role => role.id)).toEqual([2, 1])
    expect(useSortBy(roles, [['pivot.level', 'desc']]).map(role => role.id)).toEqual([1, 2])
    expect(useSortBy(roles, 'pivot.level').map(role => role.id)).toEqual([2, 1])
    // A missing step reads as missing: after every value, as a missing field sorts.
    const items = [{ a: { b: null } }, { a: { b: 2 } }, { a: null }, { a: { b: 1 } }]
    expect(useSortBy(items, 'a.b')).toEqual([{ a: { b: 1 } }, { a: { b: 2 } }, { a: { b: null } }, { a: null }])
  })

  it('throws, naming the relation to load, when the query does not load it', () => {
    expect(() => useRepo(User, pinia).orderBy('role.name').get()).toThrow('[nuxt-pinia-orm] orderBy(\'role.name\') on User sorts by the relation \'role\', which the query does not load. Load it too: with(\'role\').')
    expect(() => useRepo(User, pinia).with('role').orderBy('team.name')).toThrow('\'team.name\' is not an attribute of User')
  })

  it('is kept up to date in a live query and a computed, equal to get()', async () => {
    const scope = effectScope()
    const live = scope.run(() => useRepo(User, pinia).with('role').orderBy('role.name').live())!
    expect(ids([...live.value] as User[])).toEqual([2, 3, 1, 4])

    useRepo(Role, pinia).save({ id: 3, name: 'author' })
    await nextTick()
    // admin (Bob), author (Ann, renamed from viewer), editor (Cid), none (Dee).
    expect(ids([...live.value] as User[])).toEqual([2, 1, 3, 4])
    expect(ids([...live.value] as User[])).toEqual(ids(useRepo(User, pinia).with('role').orderBy('role.name').get()))
    scope.stop()
  })
})

describe('orderBy() into an attribute\'s value', () => {
  class Place extends Model {
    static override entity = 'places'
    static override fields() {
      return { id: this.attr(null), address: this.attr(null) }
    }

    declare id: number
  }

  it('sorts by a dotted path into an attr() object, as pinia-orm does, a record without it last', () => {
    const places = useRepo(Place, pinia)
    places.save([{ id: 1, address: { city: 'Oslo' } }, { id: 2, address: { city: 'Bergen' } }, { id: 3, address: null }, { id: 4, address: { city: 'Alta' } }])
    expect(places.orderBy('address.city').get().map(place => place.id)).toEqual([4, 2, 1, 3])
    expect(places.orderBy('address.city', 'desc').get().map(place => place.id)).toEqual([3, 1, 2, 4])
    // Needs no relation loaded, and a live query keeps the same order.
    const scope = effectScope()
    const live = scope.run(() => places.orderBy('address.city').live())!
    places.save({ id: 3, address: { city: 'Bodø' } })
    expect([...live.value].map(place => place.id)).toEqual([4, 2, 3, 1])
    scope.stop()
    // A computed of the first place follows a write to one it did not return.
    const first = computed(() => places.orderBy('address.city').limit(1).get().map(place => place.id))
    expect(first.value).toEqual([4])
    places.save({ id: 1, address: { city: 'Aa' } })
    expect(first.value).toEqual([1])
    expect(() => places.orderBy('adress.city')).toThrow('\'adress.city\' is not an attribute of Place')
  })

  it('sorts by a dotted path into what a getter of the class gives, as by the getter itself', () => {
    class Player extends Model {
      static override entity = 'players'
      static override fields() {
        return { id: this.attr(null), points: this.number(0) }
      }

      declare id: number
      declare points: number
      get stats() {
        return { score: this.points * 2 }
      }
    }
    useRepo(Player, pinia).save([{ id: 1, points: 5 }, { id: 2, points: 1 }, { id: 3, points: 3 }])
    expect(useRepo(Player, pinia).orderBy('stats.score', 'desc').get().map(player => player.id)).toEqual([1, 3, 2])
  })
})

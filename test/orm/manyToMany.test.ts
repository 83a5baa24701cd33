// belongsToMany, from pinia-orm's "Many To Many" guide: users and roles through RoleUser records.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'user_id', 'role_id'),
    }
  }
}

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      users: this.belongsToMany(User, 'roleUser', 'role_id', 'user_id'),
    }
  }
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey = ['role_id', 'user_id']
  static override fields() {
    return { role_id: this.attr(null), user_id: this.attr(null), level: this.string('member') }
  }
}

describe('belongsToMany', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(RoleUser, pinia)
  })

  it('creates the pivot records when a user is saved with nested roles', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin' }, { id: 2, name: 'editor' }] })

    expect(pinia.state.value.roleUser!.data).toEqual({
      '[1,1]': { role_id: 1, user_id: 1, level: 'member' },
      '[2,1]': { role_id: 2, user_id: 1, level: 'member' },
    })
    expect(pinia.state.value.roles!.data).toEqual({ 1: { id: 1, name: 'admin' }, 2: { id: 2, name: 'editor' } })
  })

  it('loads the related records, each with its pivot record under pivot', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin', pivot: { level: 'owner' } }, { id: 2, name: 'editor' }] })

    const user = useRepo(User, pinia).with('roles').find(1)!

    expect(user.roles!.map(role => role.name)).toEqual(['admin', 'editor'])
    expect(user.roles![0]!.pivot).toBeInstanceOf(RoleUser)
    expect(user.roles![0]!.pivot.$toJson()).toEqual({ role_id: 1, user_id: 1, level: 'owner' })
    expect(user.roles![1]!.pivot.level).toBe('member')
  })

  it('gives the records it loads below the first level their pivot too', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin', pivot: { level: 'owner' } }] })

    const user = useRepo(User, pinia).with('roles', query => query.with('users')).find(1)!

    expect(user.roles![0]!.users!.map(other => [other.name, other.pivot.level])).toEqual([['Ann', 'owner']])
  })

  it('serializes the loaded roles by their fields, without the pivot, as pinia-orm\'s $toJson() does', () => {
    // pinia-orm's $toJson() walks the model's fields(); the pivot is loaded beside them, not one of them.
    useRepo(User, pinia).save({ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin', pivot: { level: 'owner' } }] })

    const user = useRepo(User, pinia).with('roles').find(1)!

    expect(user.$toJson()).toEqual({ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin' }] })
    expect(user.roles![0]!.pivot.level).toBe('owner')
  })

  it('shows the pivot in JSON.stringify() of the loaded roles, as JSON of pinia-orm\'s instances does', () => {
    // pinia-orm's instances have no toJSON(): JSON walks their own properties, the pivot among them.
    useRepo(User, pinia).save({ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin', pivot: { level: 'owner' } }] })

    const user = useRepo(User, pinia).with('roles').find(1)!

    const role = { id: 1, name: 'admin', pivot: { role_id: 1, user_id: 1, level: 'owner' } }
    expect(JSON.parse(JSON.stringify(user))).toEqual({ id: 1, name: 'Ann', roles: [role] })
    expect(JSON.parse(JSON.stringify(user.roles))).toEqual([role])
  })

  it('loads the inverse side through the same pivot records', () => {
    useRepo(User, pinia).save([{ id: 1, roles: [{ id: 1 }] }, { id: 2, roles: [{ id: 1 }, { id: 2 }] }])

    const role = useRepo(Role, pinia).with('users').find(1)!

    expect(role.users!.map(user => user.id)).toEqual([1, 2])
  })

  it('does not duplicate a link saved twice', () => {
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1 }, { id: 1 }] })
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1 }] })

    expect(Object.keys(pinia.state.value.roleUser!.data)).toEqual(['[1,1]'])
    expect(useRepo(User, pinia).with('roles').find(1)!.roles).toHaveLength(1)
  })

  it('does not duplicate a link saved twice through a pivot model with its own key and a relation of its own', () => {
    class Level extends Model {
      static override entity = 'levels'
      static override fields() {
        return { id: this.attr(null), name: this.string('') }
      }
    }
    class Membership extends Model {
      static override entity = 'memberships'
      static override fields() {
        return { id: this.uid(), team_id: this.attr(null), user_id: this.attr(null), level_id: this.attr(null), level: this.belongsTo(Level, 'level_id') }
      }
    }
    class Team extends Model {
      static override entity = 'teams'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class Member extends Model {
      static override entity = 'members'
      static override fields() {
        return { id: this.attr(null), teams: this.belongsToMany(Team, Membership, 'user_id', 'team_id') }
      }
    }
    useRepo(Level, pinia).save({ id: 9, name: 'member' })
    useRepo(Member, pinia).save({ id: 1, teams: [{ id: 5, pivot: { level: { id: 8, name: 'lead' } } }, { id: 5, pivot: { level_id: 9 } }] })

    const memberships = Object.values(pinia.state.value.memberships!.data) as { team_id: number, user_id: number, level_id: number }[]
    expect(memberships).toHaveLength(1)
    expect(memberships[0]).toMatchObject({ team_id: 5, user_id: 1, level_id: 9 })
    expect(pinia.state.value.levels!.data).toEqual({ 8: { id: 8, name: 'lead' }, 9: { id: 9, name: 'member' } })
  })

  it('loads an empty list for a user without roles', () => {
    useRepo(User, pinia).save({ id: 1 })

    expect(useRepo(User, pinia).with('roles').find(1)!.roles).toEqual([])
  })

  it('removes the pivot records, not the roles, when roles: [] is saved', () => {
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1 }, { id: 2 }] })

    useRepo(User, pinia).save({ id: 1, roles: [] })

    expect(pinia.state.value.roleUser!.data).toEqual({})
    expect(Object.keys(pinia.state.value.roles!.data)).toEqual(['1', '2'])
  })

  it('loads the roles of pivot records saved before the first read and after it, alone or nested, in the roles store\'s order as pinia-orm', () => {
    useRepo(RoleUser, pinia).save({ role_id: 2, user_id: 1 })
    useRepo(User, pinia).save([{ id: 1, roles: [{ id: 1 }] }, { id: 2, roles: [{ id: 2 }] }])
    expect(useRepo(User, pinia).with('roles').get().map(user => user.roles!.map(role => role.id))).toEqual([[1, 2], [2]])

    useRepo(RoleUser, pinia).save({ role_id: 3, user_id: 2 })
    useRepo(Role, pinia).save({ id: 3 })
    useRepo(User, pinia).save({ id: 1, roles: [] })

    expect(useRepo(User, pinia).with('roles').get().map(user => user.roles!.map(role => role.id))).toEqual([[], [2, 3]])
  })

  it('loads no role for a pivot naming a role id that is missing, also one named like an Object.prototype member', () => {
    useRepo(RoleUser, pinia).save([{ role_id: 'constructor', user_id: 1 }, { role_id: 'toString', user_id: 1 }, { role_id: 1, user_id: 1 }])
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1 }] })

    expect(useRepo(User, pinia).with('roles').find(1)!.roles!.map(role => role.id)).toEqual([1])
    expect(useRepo(User, pinia).has('roles', '>', 1).get()).toEqual([])
  })

  it('applies a constraint to the related records and keeps their pivots', () => {
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1, name: 'admin', pivot: { level: 'x' } }, { id: 2, name: 'editor', pivot: { level: 'y' } }] })

    const user = useRepo(User, pinia).with('roles', query => query.where('name', 'editor')).find(1)!

    expect(user.roles!.map(role => [role.name, role.pivot.level])).toEqual([['editor', 'y']])
  })
})

class Member extends Model {
  static override entity = 'members'
  static override fields() {
    return { id: this.attr(null), teams: this.belongsToMany(() => Team, { as: 'membership', model: () => Membership }, 'memberId', 'teamId') }
  }
}
class Team extends Model {
  static override entity = 'teams'
  static override fields() {
    return { id: this.attr(null) }
  }
}
class Membership extends Model {
  static override entity = 'memberships'
  static override fields() {
    return { id: this.uid(), memberId: this.attr(null), teamId: this.attr(null), since: this.number(0) }
  }
}
class Crew extends Model {
  static override entity = 'crews'
  static override fields() {
    return { id: this.attr(null), teams: this.belongsToMany(Team, Membership, 'memberId', 'teamId').as('membership') }
  }
}

describe('belongsToMany with a named pivot', () => {
  it('loads the pivot under the name given with { as, model }', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save({ id: 1, teams: [{ id: 7, membership: { since: 2020 } }] })

    const member = useRepo(Member, pinia).with('teams').find(1)!

    expect(member.teams![0]!.membership.since).toBe(2020)
  })

  it('loads the pivot under the name given with .as()', () => {
    const pinia = createPinia()
    useRepo(Crew, pinia).save({ id: 1, teams: [{ id: 7, membership: { since: 2021 } }] })

    const crew = useRepo(Crew, pinia).with('teams').find(1)!
    expect(JSON.parse(JSON.stringify(crew.teams))[0].membership).toEqual({ id: expect.any(String), memberId: 1, teamId: 7, since: 2021 })

    expect(crew.teams![0]!.membership.since).toBe(2021)
  })

  it('keeps one pivot record with a generated key per link of bigint keys, in one save and in the next', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save({ id: 1n, teams: [{ id: 7n }, { id: 7n, membership: { since: 2020 } }] })
    useRepo(Member, pinia).save({ id: 1n, teams: [{ id: 7n, membership: { since: 2022 } }, { id: 8n }] })

    const pivots = Object.values(pinia.state.value.memberships!.data) as Record<string, unknown>[]
    expect(pivots.map(pivot => [pivot.memberId, pivot.teamId, pivot.since])).toEqual([[1n, 7n, 2022], [1n, 8n, 0]])
  })

  it('keeps one pivot record with a generated key when the same link is saved again', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save({ id: 1, teams: [{ id: 7, membership: { since: 2020 } }] })
    useRepo(Member, pinia).save({ id: 1, teams: [{ id: 7, membership: { since: 2022 } }] })

    const pivots = Object.values(pinia.state.value.memberships!.data) as Record<string, unknown>[]
    expect(pivots).toHaveLength(1)
    expect(pivots[0]!.since).toBe(2022)
  })
})

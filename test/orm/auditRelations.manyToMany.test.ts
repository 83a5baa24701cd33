// Audit of belongsToMany against pinia-orm 1.10's "Many To Many" guide and API page, written as a
// pinia-orm user would: the cases test/orm/manyToMany.test.ts leaves out (custom local keys,
// pivots per parent, updates of pivot attributes, nested loads, cascades, load()).
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
      users: this.belongsToMany(() => User, () => RoleUser, 'role_id', 'user_id'),
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

// The guide's custom local keys, at the 5th and 6th argument.
class Member extends Model {
  static override entity = 'members'
  static override fields() {
    return {
      id: this.attr(null),
      user_local_id: this.attr(null),
      groups: this.belongsToMany(() => Group, () => GroupMember, 'user_id', 'group_id', 'user_local_id', 'role_local_id'),
    }
  }
}

class Group extends Model {
  static override entity = 'groups'
  static override fields() {
    return { id: this.attr(null), role_local_id: this.attr(null), name: this.string('') }
  }
}

class GroupMember extends Model {
  static override entity = 'groupMember'
  static override primaryKey = ['group_id', 'user_id']
  static override fields() {
    return { group_id: this.attr(null), user_id: this.attr(null) }
  }
}

// The guide's podcasts with `.as('subscription')`, cascading to the pivot on delete.
class Listener extends Model {
  static override entity = 'listeners'
  static override fields() {
    return {
      id: this.attr(null),
      podcasts: this.belongsToMany(() => Podcast, () => Subscription, 'user_id', 'podcast_id').as('subscription').onDelete('cascade'),
    }
  }
}

class Podcast extends Model {
  static override entity = 'podcasts'
  static override fields() {
    return { id: this.attr(null), title: this.string('') }
  }
}

class Subscription extends Model {
  static override entity = 'subscriptions'
  static override primaryKey = ['user_id', 'podcast_id']
  static override fields() {
    return { user_id: this.attr(null), podcast_id: this.attr(null), since: this.number(0) }
  }
}

describe('belongsToMany, as the pinia-orm guide describes it', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })

  it('links through the custom local keys given as 5th and 6th argument', () => {
    useRepo(Member, pinia).save({ id: 1, user_local_id: 'u1', groups: [{ id: 7, role_local_id: 'g7', name: 'staff' }] })

    expect(pinia.state.value.groupMember!.data).toEqual({ '["g7","u1"]': { group_id: 'g7', user_id: 'u1' } })
    const member = useRepo(Member, pinia).with('groups').find(1)!
    expect(member.groups!.map(group => group.name)).toEqual(['staff'])
    expect(member.groups![0]!.pivot).toBeInstanceOf(GroupMember)
  })

  it('gives each parent its own pivot on a related record shared by two parents', () => {
    useRepo(User, pinia).save([
      { id: 1, roles: [{ id: 1, name: 'admin', pivot: { level: 'owner' } }] },
      { id: 2, roles: [{ id: 1, name: 'admin' }] },
    ])

    const users = useRepo(User, pinia).with('roles').orderBy('id').get()

    expect(users.map(user => user.roles!.map(role => [role.id, role.pivot.user_id, role.pivot.level]))).toEqual([
      [[1, 1, 'owner']],
      [[1, 2, 'member']],
    ])
  })

  it('updates the extra attributes of an existing pivot record when the link is saved again', () => {
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1, pivot: { level: 'owner' } }] })
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1, pivot: { level: 'guest' } }] })

    expect(pinia.state.value.roleUser!.data).toEqual({ '[1,1]': { role_id: 1, user_id: 1, level: 'guest' } })
  })

  it('keeps the last values of a related record given twice in one save, and one pivot per parent', () => {
    useRepo(User, pinia).save([
      { id: 1, roles: [{ id: 1, name: 'first' }] },
      { id: 2, roles: [{ id: 1, name: 'second' }] },
    ])

    expect(pinia.state.value.roles!.data).toEqual({ 1: { id: 1, name: 'second' } })
    expect(Object.keys(pinia.state.value.roleUser!.data)).toEqual(['[1,1]', '[1,2]'])
  })

  it('returns the saved user with its roles as Role instances, in the order given', () => {
    const user = useRepo(User, pinia).save({ id: 1, name: 'Ann', roles: [{ id: 2, name: 'editor' }, { id: 1, name: 'admin' }] })

    expect(user.roles!.map(role => role.name)).toEqual(['editor', 'admin'])
    expect(user.roles![0]).toBeInstanceOf(Role)
  })

  it('loads both sides through nested with() constraints and through dotted names alike', () => {
    useRepo(User, pinia).save([{ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin' }] }, { id: 2, name: 'Bob', roles: [{ id: 1 }] }])

    const nested = useRepo(User, pinia).with('roles', query => query.with('users')).find(1)!
    const dotted = useRepo(User, pinia).with('roles.users').find(1)!

    expect(nested.roles![0]!.users!.map(user => user.name)).toEqual(['Ann', 'Bob'])
    expect(dotted.roles![0]!.users!.map(user => user.name)).toEqual(['Ann', 'Bob'])
    expect(dotted.roles![0]!.users![1]!.pivot.user_id).toBe(2)
  })

  it('orders the related records by a with() constraint, each keeping its own pivot', () => {
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 1, name: 'b', pivot: { level: 'x' } }, { id: 2, name: 'a', pivot: { level: 'y' } }] })

    const user = useRepo(User, pinia).with('roles', query => query.orderBy('name')).find(1)!

    expect(user.roles!.map(role => [role.name, role.pivot.level])).toEqual([['a', 'y'], ['b', 'x']])
  })

  it('loads roles into users got from all() with load()', () => {
    useRepo(User, pinia).save([{ id: 1, roles: [{ id: 1, name: 'admin' }] }, { id: 2 }])
    const users = useRepo(User, pinia).all()

    useRepo(User, pinia).with('roles').load(users)

    expect(users.map(user => user.roles!.map(role => role.name))).toEqual([['admin'], []])
    expect(users[0]!.roles![0]!.pivot.role_id).toBe(1)
  })

  it('lists the roles in the roles store\'s order, not the order of their pivot records, as pinia-orm', () => {
    useRepo(Role, pinia).save([{ id: 10, name: 'viewer' }, { id: 1, name: 'admin' }, { id: 2, name: 'editor' }])
    useRepo(User, pinia).save({ id: 1 })
    useRepo(RoleUser, pinia).save([{ user_id: 1, role_id: 2 }, { user_id: 1, role_id: 10 }, { user_id: 1, role_id: 1 }])

    const user = useRepo(User, pinia).with('roles').find(1)!

    expect(user.roles!.map(role => role.name)).toEqual(useRepo(Role, pinia).all().map(role => role.name))
    expect(user.roles!.map(role => [role.name, role.pivot.role_id])).toEqual([['admin', 1], ['editor', 2], ['viewer', 10]])
  })

  it('lists a role once when a pivot model keyed by a uid holds its link twice, as pinia-orm, with the first pivot record', () => {
    class Tag extends Model {
      static override entity = 'tags'
      static override fields() {
        return { id: this.attr(null), name: this.string('') }
      }
    }
    class PostTag extends Model {
      static override entity = 'postTag'
      static override fields() {
        return { id: this.uid(), post_id: this.attr(null), tag_id: this.attr(null), note: this.string('') }
      }
    }
    class Post extends Model {
      static override entity = 'posts'
      static override fields() {
        return { id: this.attr(null), tags: this.belongsToMany(Tag, PostTag, 'post_id', 'tag_id') }
      }
    }
    useRepo(Tag, pinia).save([{ id: 1, name: 'vue' }, { id: 2, name: 'nuxt' }])
    useRepo(Post, pinia).save({ id: 1 })
    useRepo(PostTag, pinia).save([{ post_id: 1, tag_id: 1, note: 'first' }, { post_id: 1, tag_id: 2 }, { post_id: 1, tag_id: 1, note: 'again' }])

    const post = useRepo(Post, pinia).with('tags').find(1)!

    expect(post.tags!.map(tag => [tag.name, (tag as unknown as { pivot: { note: string } }).pivot.note])).toEqual([['vue', 'first'], ['nuxt', '']])
    expect(Object.keys(pinia.state.value.postTag!.data)).toHaveLength(3)
  })

  it('lists roles keyed by strings in the order their links were saved, after those keyed by numbers', () => {
    useRepo(User, pinia).save({ id: 1, roles: [{ id: 'b', name: 'b' }, { id: 7, name: '7' }, { id: 'a', name: 'a' }, { id: 3, name: '3' }] })

    expect(useRepo(User, pinia).with('roles').find(1)!.roles!.map(role => role.name)).toEqual(['3', '7', 'b', 'a'])
    expect(useRepo(Role, pinia).all().map(role => role.name)).toEqual(['3', '7', 'b', 'a'])
  })

  it('names the pivot by .as() on both the loaded record and its decorated default', () => {
    useRepo(Listener, pinia).save({ id: 1, podcasts: [{ id: 1, title: 'Talk', subscription: { since: 2020 } }] })

    const listener = useRepo(Listener, pinia).with('podcasts').find(1)!

    expect(listener.podcasts![0]!.subscription.since).toBe(2020)
    expect(listener.podcasts![0]).not.toHaveProperty('pivot')
  })

  it('deletes the pivot records, not the related records, when a cascading parent is destroyed', () => {
    useRepo(Listener, pinia).save([{ id: 1, podcasts: [{ id: 1 }, { id: 2 }] }, { id: 2, podcasts: [{ id: 1 }] }])

    useRepo(Listener, pinia).destroy(1)

    expect(Object.keys(pinia.state.value.subscriptions!.data)).toEqual(['[2,1]'])
    expect(Object.keys(pinia.state.value.podcasts!.data)).toEqual(['1', '2'])
  })

  it('keeps whereHas() and with() on the same relation independent', () => {
    useRepo(User, pinia).save([
      { id: 1, roles: [{ id: 1, name: 'admin' }, { id: 2, name: 'editor' }] },
      { id: 2, roles: [{ id: 2, name: 'editor' }] },
    ])

    const users = useRepo(User, pinia).whereHas('roles', query => query.where('name', 'admin')).with('roles').get()

    expect(users.map(user => [user.id, user.roles!.map(role => role.name)])).toEqual([[1, ['admin', 'editor']]])
  })

  it('counts the related records through the pivot in has()', () => {
    useRepo(User, pinia).save([{ id: 1, roles: [{ id: 1 }, { id: 2 }] }, { id: 2, roles: [{ id: 2 }] }, { id: 3 }])

    expect(useRepo(User, pinia).has('roles', 2).get().map(user => user.id)).toEqual([1])
    expect(useRepo(User, pinia).has('roles', '<=', 1).get().map(user => user.id)).toEqual([2, 3])
    expect(useRepo(Role, pinia).has('users.roles', '>', 1).get().map(role => role.id)).toEqual([1, 2])
  })
})

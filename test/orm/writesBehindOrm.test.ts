// Records written through Pinia rather than the ORM ($patch with an object or a function, $reset):
// relation loads and relation queries read them as they read the ORM's own writes, although the
// foreign-key indexes they use were built before.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }
}

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey = ['roleId', 'userId']
  static override fields() {
    return { roleId: this.attr(null), userId: this.attr(null) }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      posts: this.hasMany(Post, 'userId'),
      roles: this.belongsToMany(Role, RoleUser, 'userId', 'roleId'),
    }
  }
}

/** Two users, user 1 with post 1 and role 1; every index a relation read uses is built. */
function setup(): Pinia {
  const pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, posts: [{ id: 1, title: 'a' }], roles: [{ id: 1, name: 'admin' }] }, { id: 2 }])
  useRepo(Role, pinia).save({ id: 2, name: 'editor' })
  expect(postsByUser(pinia)).toEqual({ 1: [1], 2: [] })
  expect(rolesByUser(pinia)).toEqual({ 1: [1], 2: [] })
  expect(useRepo(User, pinia).has('posts').get().map(user => user.id)).toEqual([1])
  return pinia
}

function postsByUser(pinia: Pinia): Record<number, number[]> {
  return Object.fromEntries(useRepo(User, pinia).with('posts').get().map(user => [user.id, (user.posts as Post[]).map(post => (post as unknown as { id: number }).id)]))
}

function rolesByUser(pinia: Pinia): Record<number, number[]> {
  return Object.fromEntries(useRepo(User, pinia).with('roles').get().map(user => [user.id, (user.roles as Role[]).map(role => (role as unknown as { id: number }).id)]))
}

describe('records written through Pinia', () => {
  it('a record added by $patch with an object is loaded by with() and counted by has()', () => {
    const pinia = setup()
    useRepo(Post, pinia).piniaStore().$patch({ data: { 9: { id: 9, userId: 2, title: 'n' } } })
    expect(postsByUser(pinia)).toEqual({ 1: [1], 2: [9] })
    expect(useRepo(User, pinia).has('posts').get().map(user => user.id)).toEqual([1, 2])
    expect(useRepo(User, pinia).whereHas('posts', query => query.where('title', 'n')).get().map(user => user.id)).toEqual([2])
  })

  it('a foreign key changed in place by $patch with a function moves the record', () => {
    const pinia = setup()
    useRepo(Post, pinia).piniaStore().$patch((state) => {
      state.data[1]!.userId = 2
    })
    expect(postsByUser(pinia)).toEqual({ 1: [], 2: [1] })
    expect(useRepo(User, pinia).has('posts').get().map(user => user.id)).toEqual([2])
  })

  it('a pivot record added by $patch links the records through belongsToMany', () => {
    const pinia = setup()
    useRepo(RoleUser, pinia).piniaStore().$patch({ data: { '[2,2]': { roleId: 2, userId: 2 } } })
    expect(rolesByUser(pinia)).toEqual({ 1: [1], 2: [2] })
    expect(useRepo(User, pinia).has('roles').get().map(user => user.id)).toEqual([1, 2])
  })

  it('$reset() of a related store empties the relation', () => {
    const pinia = setup()
    useRepo(Post, pinia).piniaStore().$reset()
    expect(postsByUser(pinia)).toEqual({ 1: [], 2: [] })
    expect(useRepo(User, pinia).has('posts').get()).toEqual([])
  })

  it('the ORM\'s writes after such a write keep the indexes right', () => {
    const pinia = setup()
    useRepo(Post, pinia).piniaStore().$patch({ data: { 9: { id: 9, userId: 2, title: 'n' } } })
    useRepo(Post, pinia).save({ id: 10, userId: 2 })
    useRepo(Post, pinia).destroy(1)
    expect(postsByUser(pinia)).toEqual({ 1: [], 2: [9, 10] })
  })
})

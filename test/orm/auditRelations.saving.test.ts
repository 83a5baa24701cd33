// Audit of saving nested data against pinia-orm 1.10's "Inserting Relationships" and "Updating
// Relationships": foreign keys filled and corrected from the parent, the same record given twice,
// and a record loaded with back-references (user.posts[0].author), edited and saved as it is.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  declare name: string
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      posts: this.hasMany(() => Post, 'userId'),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId'),
    }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string(''), author: this.belongsTo(() => User, 'userId') }
  }
}

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), users: this.belongsToMany(() => User, () => RoleUser, 'roleId', 'userId') }
  }
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey = ['userId', 'roleId']
  static override fields() {
    return { userId: this.attr(null), roleId: this.attr(null) }
  }
}

describe('saving nested data, as the pinia-orm guide describes it', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })

  it('updates the user and its posts, giving each post the user\'s id whatever userId it was given', () => {
    useRepo(User, pinia).save({ id: 1, name: 'John Doe', posts: [{ id: 1, userId: 1, title: 'Title A' }, { id: 2, userId: 1, title: 'Title B' }] })

    useRepo(User, pinia).save({ id: 1, name: 'Jane Doe', posts: [{ id: 1, userId: 1, title: 'Title C' }, { id: 2, userId: 2, title: 'Title D' }] })

    expect(pinia.state.value.users!.data).toEqual({ 1: { id: 1, name: 'Jane Doe' } })
    expect(pinia.state.value.posts!.data).toEqual({
      1: { id: 1, userId: 1, title: 'Title C' },
      2: { id: 2, userId: 1, title: 'Title D' },
    })
  })

  it('keeps what the outer record gives when a user loaded with posts.author is edited and saved back', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Ann', posts: [{ id: 1, title: 'a' }] })
    const user = useRepo(User, pinia).with('posts.author').find(1)!

    user.name = 'Anne'
    useRepo(User, pinia).save(user)

    expect(pinia.state.value.users!.data).toEqual({ 1: { id: 1, name: 'Anne' } })
  })

  it('keeps the outer record\'s values through a many-to-many back-reference too, and takes the inner one\'s other fields', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin' }] })

    useRepo(User, pinia).save({ id: 1, name: 'Outer', roles: [{ id: 1, users: [{ id: 1, name: 'Inner', posts: [{ id: 5 }] }] }] })

    expect(pinia.state.value.users!.data).toEqual({ 1: { id: 1, name: 'Outer' } })
    expect(pinia.state.value.posts!.data).toEqual({ 5: { id: 5, userId: 1, title: '' } })
  })

  it('takes the last values of a record given twice side by side', () => {
    useRepo(User, pinia).save([{ id: 1, name: 'first' }, { id: 1, name: 'second' }])
    useRepo(User, pinia).save({ id: 2, posts: [{ id: 1, title: 'first' }, { id: 1, title: 'second' }] })

    expect(pinia.state.value.users!.data[1]).toEqual({ id: 1, name: 'second' })
    expect(pinia.state.value.posts!.data).toEqual({ 1: { id: 1, userId: 2, title: 'second' } })
  })
})

// Eager loading of every relation type: nested and dotted names, constraints, withAll,
// withAllRecursive and load(); missing singles load null, missing lists [].
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { Item } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId'),
      posts: this.hasMany(() => Post, 'userId'),
      avatar: this.morphOne(() => Comment, 'cid', 'ctype'),
    }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), comments: this.morphMany(() => Comment, 'cid', 'ctype') }
  }
}

class Comment extends Model {
  static override entity = 'comments'
  static override fields() {
    return { id: this.attr(null), cid: this.attr(null), ctype: this.attr(null), body: this.string(''), commentable: this.morphTo([User, Post], 'cid', 'ctype') }
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
  static override primaryKey = ['userId', 'roleId']
  static override fields() {
    return { userId: this.attr(null), roleId: this.attr(null) }
  }
}

describe('eager loading every relation type', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(User, pinia).save([
      { id: 1, name: 'Ann', roles: [{ id: 1, name: 'admin' }], posts: [{ id: 1, comments: [{ id: 1, body: 'x' }, { id: 2, body: 'y' }] }] },
      { id: 2, name: 'Bob' },
    ])
  })

  it('follows dotted names through morphMany and back up through morphTo', () => {
    const user = useRepo(User, pinia).with('posts.comments.commentable').find(1)!
    const comment = user.posts![0]!.comments![0]!

    expect(comment.body).toBe('x')
    expect(comment.commentable).toBeInstanceOf(Post)
  })

  it('loads below a morphTo only the relations of the model each record points to', () => {
    const comments = useRepo(Comment, pinia).with('commentable.comments').get()

    expect((comments[0]!.commentable as Item<typeof Post>).comments!.map(c => c.id)).toEqual([1, 2])
  })

  it('applies the constraint to the last relation of a dotted name', () => {
    const user = useRepo(User, pinia).with('posts.comments', query => query.where('body', 'y')).find(1)!

    expect(user.posts![0]!.comments!.map(c => c.body)).toEqual(['y'])
  })

  it('loads null for missing singles and [] for missing lists with withAll()', () => {
    const bob = useRepo(User, pinia).withAll().find(2)!

    expect([bob.roles, bob.posts, bob.avatar]).toEqual([[], [], null])
  })

  it('loads nested levels with withAllRecursive()', () => {
    const ann = useRepo(User, pinia).withAllRecursive().find(1)!

    expect(ann.posts![0]!.comments![1]!.commentable!.id).toBe(1)
    expect(ann.roles![0]!.name).toBe('admin')
  })

  it('loads into instances already retrieved with load()', () => {
    const users = useRepo(User, pinia).all()

    useRepo(User, pinia).with('roles').load(users)

    expect(users.map(user => user.roles!.map(role => role.name))).toEqual([['admin'], []])
  })
})

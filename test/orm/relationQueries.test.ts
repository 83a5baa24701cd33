// has, orHas, doesntHave, orDoesntHave, whereHas, orWhereHas, whereDoesntHave, orWhereDoesntHave,
// from pinia-orm's query API pages.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      posts: this.hasMany(() => Post, 'userId'),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId'),
    }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      title: this.string(''),
      author: this.belongsTo(() => User, 'userId'),
      comments: this.morphMany(() => Comment, 'commentableId', 'commentableType'),
    }
  }
}

class Comment extends Model {
  static override entity = 'comments'
  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      commentableId: this.attr(null),
      commentableType: this.attr(null),
      commentable: this.morphTo([Post], 'commentableId', 'commentableType'),
    }
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

const ids = (items: { id: unknown }[]) => items.map(item => item.id)

describe('relation queries', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(User, pinia).save([
      { id: 1, posts: [{ id: 1, title: 'a', comments: [{ id: 1, userId: 1 }, { id: 2, userId: 2 }] }, { id: 2, title: 'b' }, { id: 3, title: 'c' }], roles: [{ id: 1, name: 'admin' }] },
      { id: 2, posts: [{ id: 4, title: 'b', comments: [{ id: 3, userId: 1 }] }], roles: [{ id: 2, name: 'editor' }] },
      { id: 3 },
    ])
  })

  it('has() keeps the records with at least one related record', () => {
    expect(ids(useRepo(User, pinia).has('posts').get())).toEqual([1, 2])
  })

  it('has() with a count keeps records with at least that many', () => {
    expect(ids(useRepo(User, pinia).has('posts', 2).get())).toEqual([1])
  })

  it('has() with an operator compares the count', () => {
    expect(ids(useRepo(User, pinia).has('posts', '<', 3).get())).toEqual([2, 3])
    expect(ids(useRepo(User, pinia).has('posts', '=', 1).get())).toEqual([2])
  })

  it('has() with a dotted name asks the nested relation', () => {
    expect(ids(useRepo(User, pinia).has('posts.comments').get())).toEqual([1, 2])
    expect(ids(useRepo(User, pinia).has('posts.comments', '>', 1).get())).toEqual([1])
  })

  it('doesntHave() keeps the records without related records', () => {
    expect(ids(useRepo(Post, pinia).doesntHave('comments').get())).toEqual([2, 3])
  })

  it('whereHas() keeps records with related records passing the constraint', () => {
    expect(ids(useRepo(User, pinia).whereHas('posts', query => query.where('title', 'b')).get())).toEqual([1, 2])
    expect(ids(useRepo(User, pinia).whereHas('roles', query => query.where('name', 'editor')).get())).toEqual([2])
  })

  it('whereDoesntHave() keeps records with no related record passing the constraint', () => {
    expect(ids(useRepo(Post, pinia).whereDoesntHave('comments', query => query.where('userId', 1)).get())).toEqual([2, 3])
  })

  it('a constraint\'s orWhere() widens only what it keeps among each record\'s own related records', () => {
    // Post 3 has no comments: it passes whereDoesntHave, and not whereHas, though other posts'
    // comments pass the constraint (pinia-orm 1.10.2's orWhere escapes the relation there).
    expect(ids(useRepo(Post, pinia).whereHas('comments', query => query.orWhere('userId', 2)).get())).toEqual([1])
    expect(ids(useRepo(Post, pinia).whereDoesntHave('comments', query => query.orWhere('userId', 2)).get())).toEqual([2, 3, 4])
  })

  it('the or- forms add an alternative', () => {
    expect(ids(useRepo(User, pinia).where('id', 3).orHas('roles').get())).toEqual([1, 2, 3])
    expect(ids(useRepo(User, pinia).has('posts', 3).orDoesntHave('posts').get())).toEqual([1, 3])
    expect(ids(useRepo(User, pinia).where('id', 3).orWhereHas('posts', query => query.where('title', 'c')).get())).toEqual([1, 3])
    expect(ids(useRepo(User, pinia).where('id', 1).orWhereDoesntHave('roles', query => query.where('name', 'admin')).get())).toEqual([1, 2, 3])
  })

  it('whereHas() on a belongsTo tests the one record the foreign key names', () => {
    expect(ids(useRepo(Post, pinia).whereHas('author', query => query.where('id', 2)).get())).toEqual([4])
    expect(ids(useRepo(Post, pinia).whereDoesntHave('author', query => query.where('id', 2)).get())).toEqual([1, 2, 3])
    expect(ids(useRepo(Post, pinia).has('author').get())).toEqual([1, 2, 3, 4])
  })

  it('whereHas() takes a constraint whose where function is given the model instance', () => {
    expect(ids(useRepo(User, pinia).whereHas('posts', query => query.where((post: Post) => post.$getKey() === 3)).get())).toEqual([1])
  })

  it('whereHas() takes a constraint naming related ids', () => {
    expect(ids(useRepo(User, pinia).whereHas('posts', query => query.whereId([2, 4])).get())).toEqual([1, 2])
  })

  it('whereHas() with a constraint that orders and limits counts only the records it keeps', () => {
    // The first post by title is post 1 ('a'), which belongs to user 1.
    expect(ids(useRepo(User, pinia).whereHas('posts', query => query.orderBy('title').limit(1)).get())).toEqual([1])
  })

  it('has() counts what a save moved from one parent to another', () => {
    const query = useRepo(User, pinia).has('posts', '>=', 2)
    expect(ids(query.get())).toEqual([1])

    useRepo(Post, pinia).save([{ id: 1, userId: 2 }, { id: 2, userId: 2 }])

    expect(ids(query.get())).toEqual([2])
  })

  it('works on a morphTo, per related model', () => {
    expect(ids(useRepo(Comment, pinia).whereHas('commentable', query => query.where('title', 'b')).get())).toEqual([3])
  })

  it('sees writes made after the query was built', () => {
    const query = useRepo(User, pinia).has('roles')
    expect(ids(query.get())).toEqual([1, 2])

    useRepo(User, pinia).save({ id: 3, roles: [{ id: 1 }] })

    expect(ids(query.get())).toEqual([1, 2, 3])
  })

  it('rejects an operator has() does not know, naming model, relation and the operators', () => {
    expect(() => useRepo(User, pinia).has('posts', '~' as '=', 1)).toThrow(/has\(\) on User\.posts: '~' is not an operator has\(\) knows\. Use one of =/)
  })

  it('rejects a name that is not a relation', () => {
    expect(() => useRepo(User, pinia).has('friends')).toThrow(/'friends' is not a relation of User\. Its relations are: posts, roles/)
  })
})

// Audit of eager loading against pinia-orm 1.10's "Loading Relationships" guide and its with(),
// withAll() and load() pages, written as a pinia-orm user would; the cases
// test/orm/eagerLoad.test.ts leaves out.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { Query } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      posts: this.hasMany(() => Post, 'userId'),
      phone: this.hasOne(() => Phone, 'userId'),
    }
  }
}

class Phone extends Model {
  static override entity = 'phones'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), createdAt: this.number(0) }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      published: this.boolean(false),
      createdAt: this.number(0),
      author: this.belongsTo(() => User, 'userId'),
      contacts: this.hasMany(() => Contact, 'postId'),
    }
  }
}

class Contact extends Model {
  static override entity = 'contacts'
  static override fields() {
    return { id: this.attr(null), postId: this.attr(null) }
  }
}

const ids = (items: { id: unknown }[]) => items.map(item => item.id)

describe('eager loading, as the pinia-orm guide describes it', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(User, pinia).save([
      { id: 1, name: 'Ann', phone: { id: 1, createdAt: 5 }, posts: [{ id: 1, published: true, createdAt: 2 }, { id: 2, createdAt: 3, contacts: [{ id: 1 }] }, { id: 3, published: true, createdAt: 1 }] },
      { id: 2, name: 'Bob', posts: [{ id: 4, published: true, createdAt: 4 }] },
    ])
  })

  it('loads several relations with chained with() calls', () => {
    const user = useRepo(User, pinia).with('posts').with('phone').first()!

    expect(ids(user.posts!)).toEqual([1, 2, 3])
    expect(user.phone!.id).toBe(1)
  })

  it('loads nested relations through the constraint of the 2nd argument', () => {
    const posts = useRepo(Post, pinia).with('author', query => query.with('posts', nested => nested.with('contacts'))).find([2])

    expect(posts[0]!.author!.posts!.map(post => post.contacts!.length)).toEqual([0, 1, 0])
  })

  it('loads only the posts the constraint keeps, ordered as it orders them, and every user still', () => {
    const users = useRepo(User, pinia).with('posts', query => query.where('published', true).orderBy('createdAt', 'desc')).get()

    expect(users.map(user => ids(user.posts!))).toEqual([[1, 3], [4]])
  })

  it('lets a later with() of the same relation replace its constraint, as pinia-orm\'s with() does', () => {
    const published = (query: Query<typeof Post>) => query.where('published', true)
    expect(ids(useRepo(User, pinia).with('posts', published).with('posts').find(1)!.posts!)).toEqual([1, 2, 3])
    expect(ids(useRepo(User, pinia).with('posts', published).withAll().find(1)!.posts!)).toEqual([1, 2, 3])
    expect(ids(useRepo(User, pinia).withAll().with('posts', published).find(1)!.posts!)).toEqual([1, 3])
    expect(ids(useRepo(User, pinia).with('posts', published).with('posts', query => query.where('id', 2)).find(1)!.posts!)).toEqual([2])
    // A dotted name constrains the last relation it names; the ones above it keep theirs.
    const user = useRepo(User, pinia).with('posts', published).with('posts.contacts').find(1)!
    expect(ids(user.posts!)).toEqual([1, 3])
    expect(user.posts!.map(post => post.contacts!.length)).toEqual([0, 0])
  })

  it('loads null for a belongsTo its constraint leaves out', () => {
    const posts = useRepo(Post, pinia).with('author', query => query.where('name', 'Bob')).orderBy('id').get()

    expect(posts.map(post => post.author?.name ?? null)).toEqual([null, null, null, 'Bob'])
  })

  it('applies a withAll() constraint to every top-level relation', () => {
    const user = useRepo(User, pinia).withAll(query => query.orderBy('createdAt')).find(1)!

    expect(ids(user.posts!)).toEqual([3, 1, 2])
    expect(user.phone!.id).toBe(1)
  })

  it('applies a withAll() constraint on a field only some related models have, as the guide\'s orderBy(\'createdAt\')', () => {
    const post = useRepo(Post, pinia).withAll(query => query.where('name', 'Ann').orderBy('createdAt')).find(2)!
    const user = useRepo(User, pinia).withAll(query => query.where('published', true)).find(1)!

    expect(post.author!.id).toBe(1)
    expect(post.contacts).toEqual([])
    expect(ids(user.posts!)).toEqual([1, 3])
    expect(user.phone).toBeNull()
  })

  it('loads relations into users got from all() with load(), dotted names included, changing them in place', () => {
    const users = useRepo(User, pinia).all()

    useRepo(User, pinia).with('posts.contacts').load(users)

    expect(users.map(user => user.posts!.map(post => post.contacts!.length))).toEqual([[0, 1, 0], [0]])
  })

  it('loads with load() the constraint\'s posts, as with() does', () => {
    const users = useRepo(User, pinia).all()

    useRepo(User, pinia).with('posts', query => query.orderBy('createdAt', 'desc')).load(users)

    expect(users.map(user => ids(user.posts!))).toEqual([[2, 1, 3], [4]])
  })

  it('leaves a relation not asked for undefined, as pinia-orm does', () => {
    const user = useRepo(User, pinia).find(1)!

    expect(user.posts).toBeUndefined()
    expect(user.phone).toBeUndefined()
  })

  // A documented difference (docs/migration-from-pinia-orm.md, the with() row): pinia-orm runs one
  // query for the related records of all parents, so its limit(1) keeps one post in all.
  it('applies a constraint\'s limit to each parent\'s records', () => {
    const users = useRepo(User, pinia).with('posts', query => query.orderBy('createdAt').limit(1)).get()

    expect(users.map(user => ids(user.posts!))).toEqual([[3], [4]])
  })
})

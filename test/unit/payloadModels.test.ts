// Model instances in the payload (what a useAsyncData handler returns): they come back as
// instances with their fields, and a relation the server's read loaded empty stays marked, so
// saving the revived instance back unlinks nothing, as saving it on the server would not.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { reduceModel, reviveModel } from '../../src/runtime/payloadModels'

class Post extends Model {
  static override entity = 'payload-posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), published: this.boolean(false) }
  }
}

class User extends Model {
  static override entity = 'payload-users'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), posts: this.hasMany(Post, 'userId') }
  }

  declare posts: Post[]
}

/** The instance through the payload: reduced, as JSON (devalue carries the same data), revived. */
function throughPayload(user: User): User {
  return reviveModel(User, JSON.parse(JSON.stringify(reduceModel(user)))) as User
}

describe('model instances in the payload', () => {
  it('come back with their fields, and a relation loaded empty unlinks nothing when saved back', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'Ann', posts: [{ id: 10, published: false }] })
    const read = useRepo(User, pinia).with('posts', query => query.where('published', true)).find(1)!

    const revived = throughPayload(read)
    expect(revived).toBeInstanceOf(User)
    expect(revived.$getAttributes()).toEqual({ id: 1, name: 'Ann' })
    useRepo(User, pinia).save(revived)
    expect(useRepo(Post, pinia).find(10)!.userId).toBe(1)

    // Emptied by the app after the trip, it unlinks as any other.
    revived.posts = []
    useRepo(User, pinia).save(revived)
    expect(useRepo(Post, pinia).find(10)!.userId).toBeNull()
  })

  it('carry no list of empty relations when the instance has none', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 2, posts: [{ id: 20 }] })
    expect(reduceModel(useRepo(User, pinia).with('posts').find(2)!)).not.toHaveProperty('empty')
  })
})

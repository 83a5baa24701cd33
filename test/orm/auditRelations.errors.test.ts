// Audit of the errors relation users hit with bad input, as pinia-orm users write it: a related
// model left undefined by a circular import, a count has() cannot compare, a constraint that is
// not a function. Each names the model and the relation and says what to do.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, OrmError, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), posts: this.hasMany(() => Post, 'userId') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null) }
  }
}

// What `this.hasMany(Post, ...)` gives when Post is not defined yet (circular imports).
const NotYetDefined = undefined as unknown as typeof Post

class Author extends Model {
  static override entity = 'authors'
  static override fields() {
    return { id: this.attr(null), posts: this.hasMany(NotYetDefined, 'userId') }
  }
}

describe('errors of relations, for bad input', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(User, pinia).save([{ id: 1, posts: [{ id: 1 }, { id: 2 }] }, { id: 2 }])
  })

  it('names a related model that is undefined and says to pass a function returning it', () => {
    expect(() => useRepo(Author, pinia).with('posts').get()).toThrow(OrmError)
    expect(() => useRepo(Author, pinia).with('posts').get()).toThrow(/Author\.posts: the related model is undefined\. When models import each other, pass a function returning the class/)
  })

  it('rejects a count has() cannot compare with, instead of matching nothing', () => {
    expect(() => useRepo(User, pinia).has('posts', '>', 'x' as unknown as number).get()).toThrow(/has\(\) on User\.posts: the count to compare with must be a number, not 'x'/)
    expect(() => useRepo(User, pinia).has('posts', Number.NaN).get()).toThrow(/must be a number, not NaN/)
  })

  it('rejects a whereHas() constraint that is not a function, instead of ignoring it', () => {
    expect(() => useRepo(User, pinia).whereHas('posts', { title: 'a' } as never).get()).toThrow(/whereHas\(\) on User\.posts: the constraint must be a function/)
  })

  it('still takes has() with a number as the count, and whereHas() with no constraint', () => {
    expect(useRepo(User, pinia).has('posts', 2).get().map(user => user.id)).toEqual([1])
    expect(useRepo(User, pinia).whereHas('posts', undefined, '<', 1).get().map(user => user.id)).toEqual([2])
  })
})

// Audit of onDelete('cascade') with lifecycle hooks, from pinia-orm 1.10's "Deleting Relationships"
// and "Lifecycle Hooks": a record a cascade deletes is deleted as `destroy()` deletes it, so its
// model's `deleting` runs before anything is written (`false` keeps it) and `deleted` after.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

const log: string[] = []
let keep: unknown
let failOn: unknown

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), posts: this.hasMany(() => Post, 'userId').onDelete('cascade') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  declare id: number
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), comments: this.hasMany(() => Comment, 'postId').onDelete('cascade') }
  }

  static override deleting(post: Post) {
    log.push(`deleting post ${post.id} (stored: ${useRepo(Post, pinia).find(post.id) !== null})`)
    if (post.id === keep)
      return false
  }

  static override deleted(post: Post) {
    log.push(`deleted post ${post.id} (stored: ${useRepo(Post, pinia).find(post.id) !== null})`)
    if (post.id === failOn)
      throw new Error('deleted failed')
  }
}

class Comment extends Model {
  static override entity = 'comments'
  declare id: number
  static override fields() {
    return { id: this.attr(null), postId: this.attr(null) }
  }

  static override deleted(comment: Comment) {
    log.push(`deleted comment ${comment.id}`)
  }
}

let pinia: Pinia

describe('hooks of the records a cascade deletes', () => {
  beforeEach(() => {
    pinia = createPinia()
    log.length = 0
    keep = undefined
    failOn = undefined
    useRepo(User, pinia).save([
      { id: 1, posts: [{ id: 1, comments: [{ id: 1 }] }, { id: 2 }] },
      { id: 2, posts: [{ id: 3 }] },
    ])
  })

  it('runs deleting before the write and deleted after it, at every level, when destroy() cascades', () => {
    useRepo(User, pinia).destroy(1)

    expect(log).toEqual([
      'deleting post 1 (stored: true)',
      'deleting post 2 (stored: true)',
      'deleted post 1 (stored: false)',
      'deleted post 2 (stored: false)',
      'deleted comment 1',
    ])
    expect(Object.keys(pinia.state.value.posts!.data)).toEqual(['3'])
  })

  it('keeps a cascaded record whose deleting hook returns false', () => {
    keep = 2

    useRepo(User, pinia).destroy(1)

    expect(Object.keys(pinia.state.value.posts!.data)).toEqual(['2', '3'])
    expect(log).not.toContain('deleted post 2 (stored: false)')
  })

  it('runs them for a query\'s delete() too', () => {
    useRepo(User, pinia).where('id', 2).delete()

    expect(log).toEqual(['deleting post 3 (stored: true)', 'deleted post 3 (stored: false)'])
  })

  it('puts every store back when a cascaded record\'s deleted hook throws', () => {
    failOn = 1

    expect(() => useRepo(User, pinia).destroy(1)).toThrow('deleted failed')

    expect(Object.keys(pinia.state.value.users!.data)).toEqual(['1', '2'])
    expect(Object.keys(pinia.state.value.posts!.data)).toEqual(['1', '2', '3'])
    expect(Object.keys(pinia.state.value.comments!.data)).toEqual(['1'])
  })

  it('runs no hook on flush(), which runs none', () => {
    useRepo(User, pinia).flush()

    expect(log).toEqual([])
    expect(pinia.state.value.posts!.data).toEqual({})
  })
})

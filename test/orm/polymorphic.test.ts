// morphOne, morphMany, morphTo, morphToMany and morphedByMany, from pinia-orm's "Polymorphic" guide.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class Image extends Model {
  static override entity = 'images'
  static override fields() {
    return {
      id: this.number(0),
      url: this.string(''),
      imageableId: this.attr(null),
      imageableType: this.attr(null),
      imageable: this.morphTo([() => User, () => Post], 'imageableId', 'imageableType'),
    }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.number(0), name: this.string(''), image: this.morphOne(Image, 'imageableId', 'imageableType') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return {
      id: this.number(0),
      title: this.string(''),
      image: this.morphOne(Image, 'imageableId', 'imageableType'),
      comments: this.morphMany(() => Comment, 'commentableId', 'commentableType'),
      tags: this.morphToMany(() => Tag, () => Taggable, 'tagId', 'taggableId', 'taggableType'),
    }
  }
}

class Video extends Model {
  static override entity = 'videos'
  static override fields() {
    return {
      id: this.number(0),
      comments: this.morphMany(() => Comment, 'commentableId', 'commentableType'),
      tags: this.morphToMany(() => Tag, () => Taggable, 'tagId', 'taggableId', 'taggableType'),
    }
  }
}

class Comment extends Model {
  static override entity = 'comments'
  static override fields() {
    return {
      id: this.number(0),
      body: this.string(''),
      commentableId: this.attr(null),
      commentableType: this.attr(null),
      commentable: this.morphTo([Post, Video], 'commentableId', 'commentableType'),
    }
  }
}

class Tag extends Model {
  static override entity = 'tags'
  static override fields() {
    return {
      id: this.number(0),
      name: this.string(''),
      posts: this.morphedByMany(Post, 'taggables', 'tagId', 'taggableId', 'taggableType'),
      videos: this.morphedByMany(Video, 'taggables', 'tagId', 'taggableId', 'taggableType'),
    }
  }
}

class Taggable extends Model {
  static override entity = 'taggables'
  static override fields() {
    return { id: this.uid(), tagId: this.attr(null), taggableId: this.attr(null), taggableType: this.attr(null) }
  }
}

describe('polymorphic relations', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(Taggable, pinia)
  })

  it('saves a morphOne image with the owner id and entity in its id and type fields', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Ann', image: { id: 10, url: 'ann.png' } })

    expect(pinia.state.value.images!.data).toEqual({ 10: { id: 10, url: 'ann.png', imageableId: 1, imageableType: 'users' } })
    expect(useRepo(User, pinia).with('image').find(1)!.image!.url).toBe('ann.png')
  })

  it('tells owners of different models apart by the type field', () => {
    useRepo(User, pinia).save({ id: 1, image: { id: 10 } })
    useRepo(Post, pinia).save({ id: 1, image: { id: 11 } })

    expect(useRepo(User, pinia).with('image').find(1)!.image!.id).toBe(10)
    expect(useRepo(Post, pinia).with('image').find(1)!.image!.id).toBe(11)
  })

  it('loads morphMany comments of posts and videos separately', () => {
    useRepo(Post, pinia).save({ id: 1, comments: [{ id: 1, body: 'a' }, { id: 2, body: 'b' }] })
    useRepo(Video, pinia).save({ id: 1, comments: [{ id: 3, body: 'c' }] })

    expect(useRepo(Post, pinia).with('comments').find(1)!.comments!.map(c => c.body)).toEqual(['a', 'b'])
    expect(useRepo(Video, pinia).with('comments').find(1)!.comments!.map(c => c.body)).toEqual(['c'])
  })

  it('loads the owner of a morphTo from the model its type names', () => {
    useRepo(Post, pinia).save({ id: 1, title: 'Hello', comments: [{ id: 1 }] })
    useRepo(Video, pinia).save({ id: 1, comments: [{ id: 2 }] })

    const comments = useRepo(Comment, pinia).with('commentable').get()

    expect(comments[0]!.commentable).toBeInstanceOf(Post)
    expect(comments[1]!.commentable).toBeInstanceOf(Video)
  })

  it('loads null for a type naming no listed model', () => {
    useRepo(Comment, pinia).save({ id: 1, commentableId: 1, commentableType: 'galleries' })

    expect(useRepo(Comment, pinia).with('commentable').find(1)!.commentable).toBeNull()
  })

  it('fills id and type when saving through a morphTo', () => {
    useRepo(Image, pinia).save({ id: 10, imageableType: 'posts', imageable: { id: 5, title: 'P' } })

    expect(pinia.state.value.images!.data[10]).toMatchObject({ imageableId: 5, imageableType: 'posts' })
    expect(pinia.state.value.posts!.data[5]).toEqual({ id: 5, title: 'P' })
  })

  it('sets id and type to null when null is saved under a morphTo', () => {
    useRepo(Image, pinia).save({ id: 10, imageableType: 'posts', imageable: { id: 5 } })

    useRepo(Image, pinia).save({ id: 10, imageable: null })

    expect(pinia.state.value.images!.data[10]).toMatchObject({ imageableId: null, imageableType: null })
  })

  it('saves and loads morphToMany tags through the polymorphic pivot', () => {
    useRepo(Post, pinia).save({ id: 1, tags: [{ id: 1, name: 'vue' }, { id: 2, name: 'orm' }] })
    useRepo(Video, pinia).save({ id: 1, tags: [{ id: 2, name: 'orm' }] })

    const pivots = Object.values(pinia.state.value.taggables!.data) as Record<string, unknown>[]
    expect(pivots.map(({ tagId, taggableId, taggableType }) => [tagId, taggableId, taggableType])).toEqual([[1, 1, 'posts'], [2, 1, 'posts'], [2, 1, 'videos']])
    const post = useRepo(Post, pinia).with('tags').find(1)!
    expect(post.tags!.map(tag => tag.name)).toEqual(['vue', 'orm'])
    expect(post.tags![0]!.pivot).toBeInstanceOf(Taggable)
    expect(useRepo(Video, pinia).with('tags').find(1)!.tags!.map(tag => tag.id)).toEqual([2])
  })

  it('loads the owners of a tag per model with morphedByMany', () => {
    useRepo(Post, pinia).save([{ id: 1, tags: [{ id: 2 }] }, { id: 2, tags: [{ id: 1 }] }])
    useRepo(Video, pinia).save({ id: 1, tags: [{ id: 2 }] })

    const tag = useRepo(Tag, pinia).with('posts').with('videos').find(2)!

    expect(tag.posts!.map(post => post.id)).toEqual([1])
    expect(tag.videos!.map(video => video.id)).toEqual([1])
  })
})

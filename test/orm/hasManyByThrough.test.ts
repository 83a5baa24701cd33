// hasManyBy and hasManyThrough, from pinia-orm's relation pages.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class Node extends Model {
  static override entity = 'nodes'
  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

class Cluster extends Model {
  static override entity = 'clusters'
  static override fields() {
    return { id: this.attr(null), nodeIds: this.attr<number[]>([]), nodes: this.hasManyBy(Node, 'nodeIds') }
  }
}

class Country extends Model {
  static override entity = 'countries'
  static override fields() {
    return { id: this.attr(null), posts: this.hasManyThrough(() => Post, () => Author, 'countryId', 'authorId') }
  }
}

class Author extends Model {
  static override entity = 'authors'
  static override fields() {
    return { id: this.attr(null), countryId: this.attr(null), posts: this.hasMany(() => Post, 'authorId') }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), authorId: this.attr(null), title: this.string('') }
  }
}

describe('hasManyBy', () => {
  it('fills the key array from the nested records', () => {
    const pinia = createPinia()
    useRepo(Cluster, pinia).save({ id: 1, nodes: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] })

    expect(pinia.state.value.clusters!.data[1]).toEqual({ id: 1, nodeIds: [1, 2] })
  })

  it('loads the records the key array lists, in its order', () => {
    const pinia = createPinia()
    useRepo(Node, pinia).save([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }])
    useRepo(Cluster, pinia).save({ id: 1, nodeIds: [3, 1, 99] })

    expect(useRepo(Cluster, pinia).with('nodes').find(1)!.nodes!.map(node => node.name)).toEqual(['c', 'a'])
  })

  it('orders the records by a with() constraint\'s orderBy(), over the key array\'s order', () => {
    const pinia = createPinia()
    useRepo(Node, pinia).save([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }])
    useRepo(Cluster, pinia).save({ id: 1, nodeIds: [3, 1, 2] })

    const cluster = useRepo(Cluster, pinia).with('nodes', query => query.orderBy('name')).find(1)!
    expect(cluster.nodes!.map(node => node.name)).toEqual(['a', 'b', 'c'])
  })

  it('keeps the keys a record read back gives, pushed onto in place, with those of its loaded records', () => {
    const pinia = createPinia()
    useRepo(Node, pinia).save([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }])
    useRepo(Cluster, pinia).save({ id: 1, nodeIds: [1, 2] })

    const cluster = useRepo(Cluster, pinia).with('nodes').find(1)!
    cluster.nodeIds.push(3)
    useRepo(Cluster, pinia).save(cluster)

    expect(useRepo(Cluster, pinia).find(1)!.nodeIds).toEqual([1, 2, 3])
    expect(useRepo(Cluster, pinia).with('nodes').find(1)!.nodes!.map(node => node.name)).toEqual(['a', 'b', 'c'])
    // A save that gives no keys adds the nested ones to none: the list is the nested records'.
    useRepo(Cluster, pinia).save({ id: 1, nodes: [{ id: 2 }] })
    expect(useRepo(Cluster, pinia).find(1)!.nodeIds).toEqual([2])
  })

  it('rejects a key that is not an array, naming the model, the relation and what to do', () => {
    const pinia = createPinia()

    expect(() => useRepo(Cluster, pinia).save({ id: 1, nodeIds: 5, nodes: [{ id: 1 }] })).toThrow(/Cluster\.nodes is a hasManyBy relation: Cluster\.nodeIds must hold an array/)
    expect(pinia.state.value.nodes?.data ?? {}).toEqual({})
  })
})

describe('hasManyThrough', () => {
  it('loads the posts of the authors of a country', () => {
    const pinia = createPinia()
    useRepo(Author, pinia).save([
      { id: 1, countryId: 1, posts: [{ id: 1, title: 'a' }, { id: 2, title: 'b' }] },
      { id: 2, countryId: 2, posts: [{ id: 3, title: 'c' }] },
      { id: 3, countryId: 1, posts: [{ id: 4, title: 'd' }] },
    ])
    useRepo(Country, pinia).save([{ id: 1 }, { id: 2 }, { id: 3 }])

    const countries = useRepo(Country, pinia).with('posts').get()

    expect(countries.map(country => country.posts!.map(post => post.title))).toEqual([['a', 'b', 'd'], ['c'], []])
  })

  it('stores the posts of a nested save as they are given, setting none of their keys', () => {
    const pinia = createPinia()
    useRepo(Author, pinia).save({ id: 7, countryId: 1 })

    const country = useRepo(Country, pinia).save({ id: 1, posts: [{ id: 1, title: 'a' }, { id: 2, authorId: 7, title: 'b' }] })

    expect(country.posts!.map(post => post.title)).toEqual(['a', 'b'])
    expect(pinia.state.value.countries!.data).toEqual({ 1: { id: 1 } })
    expect(pinia.state.value.posts!.data).toEqual({ 1: { id: 1, authorId: null, title: 'a' }, 2: { id: 2, authorId: 7, title: 'b' } })
    // Only the post whose own data names an author of the country is reached through it.
    expect(useRepo(Country, pinia).with('posts').find(1)!.posts!.map(post => post.id)).toEqual([2])
  })

  it('unlinks nothing when a nested save gives null or no posts', () => {
    const pinia = createPinia()
    useRepo(Author, pinia).save({ id: 7, countryId: 1, posts: [{ id: 1, title: 'a' }] })

    useRepo(Country, pinia).save([{ id: 1, posts: [] }, { id: 2, posts: null }])

    expect(useRepo(Country, pinia).with('posts').find(1)!.posts!.map(post => post.id)).toEqual([1])
    expect(pinia.state.value.posts!.data).toEqual({ 1: { id: 1, authorId: 7, title: 'a' } })
  })

  it('refuses a nested value that is not a list, naming the relation', () => {
    const pinia = createPinia()
    expect(() => useRepo(Country, pinia).save({ id: 1, posts: { id: 1 } })).toThrow(/Country\.posts is a hasManyThrough relation: save an array under 'posts'/)
    expect(pinia.state.value.countries?.data ?? {}).toEqual({})
  })
})

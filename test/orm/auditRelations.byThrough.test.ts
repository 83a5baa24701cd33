// Audit of hasManyBy and hasManyThrough against pinia-orm 1.10's "One To Many" guide and the
// hasManyThrough API page, written as a pinia-orm user would; the cases
// test/orm/hasManyByThrough.test.ts leaves out.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class Node extends Model {
  static override entity = 'nodes'
  static override fields() {
    return { id: this.attr(null), nodeId: this.attr(null), name: this.string('') }
  }
}

// The guide's second Cluster: `nodeIds` defaults to null, nodes are found by their `nodeId`.
class Cluster extends Model {
  static override entity = 'clusters'
  static override fields() {
    return { id: this.attr(null), nodeIds: this.attr(null), nodes: this.hasManyBy(() => Node, 'nodeIds', 'nodeId') }
  }
}

class Rack extends Model {
  static override entity = 'racks'
  static override fields() {
    return { id: this.attr(null), nodeIds: this.attr([]), name: this.string(''), nodes: this.hasManyBy(() => Node, 'nodeIds').onDelete('cascade') }
  }
}

class Country extends Model {
  static override entity = 'countries'
  static override fields() {
    return {
      id: this.attr(null),
      code: this.string(''),
      posts: this.hasManyThrough(() => Post, () => Author, 'country_id', 'user_id'),
      // The 5th and 6th argument: the country's key the authors hold, the author's key posts hold.
      codedPosts: this.hasManyThrough(() => Post, () => Author, 'country_code', 'user_handle', 'code', 'handle'),
    }
  }
}

class Author extends Model {
  static override entity = 'authors'
  static override fields() {
    return { id: this.attr(null), handle: this.string(''), country_id: this.attr(null), country_code: this.attr(null) }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), user_id: this.attr(null), user_handle: this.attr(null), title: this.string('') }
  }
}

describe('hasManyBy, as the pinia-orm guide describes it', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })

  it('fills a null key array from the nested records by the related key of the 3rd argument', () => {
    useRepo(Cluster, pinia).save({ id: 1, nodes: [{ id: 1, nodeId: 'n1' }, { id: 2, nodeId: 'n2' }] })

    expect(pinia.state.value.clusters!.data[1]).toEqual({ id: 1, nodeIds: ['n1', 'n2'] })
    expect(useRepo(Cluster, pinia).with('nodes').find(1)!.nodes!.map(node => node.id)).toEqual([1, 2])
  })

  it('loads [] for a cluster whose key array is still null', () => {
    useRepo(Cluster, pinia).save({ id: 1 })

    expect(useRepo(Cluster, pinia).with('nodes').find(1)!.nodes).toEqual([])
  })

  it('loads the nodes the parsed data lists, as in the guide\'s nodes and clusters', () => {
    useRepo(Node, pinia).save([{ id: 1, name: 'Node 01' }, { id: 2, name: 'Node 02' }])
    useRepo(Rack, pinia).save({ id: 1, name: 'Cluster 01', nodeIds: [2, 1] })

    expect(useRepo(Rack, pinia).with('nodes').find(1)!.nodes!.map(node => node.name)).toEqual(['Node 02', 'Node 01'])
  })

  it('applies a with() constraint to the listed nodes', () => {
    useRepo(Rack, pinia).save({ id: 1, nodes: [{ id: 1, name: 'b' }, { id: 2, name: 'a' }, { id: 3, name: 'c' }] })

    const rack = useRepo(Rack, pinia).with('nodes', query => query.where('name', (name: string) => name !== 'c').orderBy('name')).find(1)!

    expect(rack.nodes!.map(node => node.name)).toEqual(['a', 'b'])
  })

  it('finds racks by has() and whereHas() on the nodes they list', () => {
    useRepo(Rack, pinia).save([{ id: 1, nodes: [{ id: 1, name: 'a' }] }, { id: 2, nodes: [{ id: 2, name: 'b' }, { id: 3, name: 'c' }] }, { id: 3 }])

    expect(useRepo(Rack, pinia).has('nodes', '>=', 2).get().map(rack => rack.id)).toEqual([2])
    expect(useRepo(Rack, pinia).whereHas('nodes', query => query.where('name', 'a')).get().map(rack => rack.id)).toEqual([1])
    expect(useRepo(Rack, pinia).doesntHave('nodes').get().map(rack => rack.id)).toEqual([3])
  })

  it('deletes the listed nodes when a cascading rack is destroyed', () => {
    useRepo(Rack, pinia).save([{ id: 1, nodes: [{ id: 1 }, { id: 2 }] }, { id: 2, nodes: [{ id: 3 }] }])

    useRepo(Rack, pinia).destroy(1)

    expect(Object.keys(pinia.state.value.nodes!.data)).toEqual(['3'])
  })
})

describe('hasManyThrough, as the pinia-orm API page describes it', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(Author, pinia).save([
      { id: 1, handle: 'ann', country_id: 1, country_code: 'fr' },
      { id: 2, handle: 'bob', country_id: 1, country_code: 'fr' },
      { id: 3, handle: 'cy', country_id: 2, country_code: 'de' },
    ])
    useRepo(Post, pinia).save([
      { id: 1, user_id: 1, user_handle: 'ann', title: 'b' },
      { id: 2, user_id: 2, user_handle: 'bob', title: 'c' },
      { id: 3, user_id: 1, user_handle: 'ann', title: 'a' },
      { id: 4, user_id: 3, user_handle: 'cy', title: 'd' },
    ])
    useRepo(Country, pinia).save([{ id: 1, code: 'fr' }, { id: 2, code: 'de' }, { id: 3, code: 'it' }])
  })

  it('orders the far records by the with() constraint', () => {
    const country = useRepo(Country, pinia).with('posts', query => query.orderBy('title', 'desc')).find(1)!

    expect(country.posts!.map(post => post.title)).toEqual(['c', 'b', 'a'])
  })

  it('links through the local keys of the 5th and 6th argument', () => {
    const countries = useRepo(Country, pinia).with('codedPosts').orderBy('id').get()

    expect(countries.map(country => country.codedPosts!.map(post => post.id).sort())).toEqual([[1, 2, 3], [4], []])
  })

  it('finds countries by has() and whereHas() through the intermediate records', () => {
    expect(useRepo(Country, pinia).has('posts', '>', 1).get().map(country => country.id)).toEqual([1])
    expect(useRepo(Country, pinia).whereHas('posts', query => query.where('title', 'd')).get().map(country => country.id)).toEqual([2])
    expect(useRepo(Country, pinia).doesntHave('posts').get().map(country => country.id)).toEqual([3])
  })

  it('loads the far records into countries got from all() with load()', () => {
    const countries = useRepo(Country, pinia).all()

    useRepo(Country, pinia).with('posts', query => query.orderBy('id')).load(countries)

    expect(countries.map(country => country.posts!.map(post => post.id))).toEqual([[1, 2, 3], [4], []])
  })
})

describe('hasManyBy, saving the same node twice', () => {
  it('lists a node given twice in one save once, as pinia-orm adds only missing keys', () => {
    const pinia = createPinia()

    useRepo(Rack, pinia).save({ id: 1, nodes: [{ id: 1, name: 'a' }, { id: 2 }, { id: 1, name: 'b' }] })

    expect(pinia.state.value.racks!.data[1]).toEqual({ id: 1, nodeIds: [1, 2], name: '' })
    expect(useRepo(Rack, pinia).with('nodes').find(1)!.nodes!.map(node => [node.id, node.name])).toEqual([[1, 'b'], [2, '']])
  })
})

describe('hasManyBy, saving keys and nested records together', () => {
  it('adds the nested records\' keys to those the saved record gives, as pinia-orm', () => {
    const pinia = createPinia()

    useRepo(Rack, pinia).save({ id: 1, nodeIds: [3, 1], nodes: [{ id: 1 }, { id: 2 }] })

    expect(pinia.state.value.racks!.data[1]!.nodeIds).toEqual([3, 1, 2])
  })

  it('replaces the stored keys by the nested records\' when the saved record gives none', () => {
    const pinia = createPinia()
    useRepo(Rack, pinia).save({ id: 1, nodes: [{ id: 1 }, { id: 2 }] })

    useRepo(Rack, pinia).save({ id: 1, nodes: [{ id: 3 }] })

    expect(pinia.state.value.racks!.data[1]!.nodeIds).toEqual([3])
  })
})

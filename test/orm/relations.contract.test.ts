// The contract every relation type fulfils, run against each one: nested saves link keys, loading
// matches by those keys through the index, missing relations load empty, constraints narrow, and
// writes after the first load keep the lookups right.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { ModelClass } from '../../src/runtime/orm'

class Author extends Model {
  static override entity = 'authors'
  static override fields() {
    return {
      id: this.attr(null),
      handle: this.attr(null),
      profile: this.hasOne(() => Profile, 'authorId'),
      books: this.hasMany(() => Book, 'authorHandle', 'handle'),
    }
  }
}

class Profile extends Model {
  static override entity = 'profiles'
  static override fields() {
    return { id: this.attr(null), authorId: this.attr(null), bio: this.string('') }
  }
}

class Book extends Model {
  static override entity = 'books'
  static override fields() {
    return { id: this.attr(null), authorHandle: this.attr(null), title: this.string(''), author: this.belongsTo(Author, 'authorHandle', 'handle') }
  }
}

interface Case {
  relation: string
  parent: ModelClass
  /** A parent record with its related records nested, and how they should be stored. */
  nested: Record<string, unknown>
  stored: Record<string, Record<string, unknown>>
  /** The loaded relation of parent `parentId` as plain data, and its empty value. */
  parentId: number
  loaded: unknown
  empty: null | []
  /** A write that moves the relation to another related record, and the result. */
  move: (pinia: Pinia) => void
  moved: unknown
}

const cases: Case[] = [
  {
    relation: 'profile',
    parent: Author,
    nested: { id: 1, handle: 'ann', profile: { id: 10, bio: 'hi' } },
    stored: { authors: { 1: { id: 1, handle: 'ann' } }, profiles: { 10: { id: 10, authorId: 1, bio: 'hi' } } },
    parentId: 1,
    loaded: { id: 10, authorId: 1, bio: 'hi' },
    empty: null,
    move: (pinia) => {
      useRepo(Profile, pinia).destroy(10)
      useRepo(Profile, pinia).save({ id: 11, authorId: 1, bio: 'new' })
    },
    moved: { id: 11, authorId: 1, bio: 'new' },
  },
  {
    relation: 'books',
    parent: Author,
    nested: { id: 1, handle: 'ann', books: [{ id: 100, title: 'A' }, { id: 101, title: 'B' }] },
    stored: {
      authors: { 1: { id: 1, handle: 'ann' } },
      books: { 100: { id: 100, authorHandle: 'ann', title: 'A' }, 101: { id: 101, authorHandle: 'ann', title: 'B' } },
    },
    parentId: 1,
    loaded: [{ id: 100, authorHandle: 'ann', title: 'A' }, { id: 101, authorHandle: 'ann', title: 'B' }],
    empty: [],
    move: pinia => useRepo(Book, pinia).save({ id: 100, author: { id: 2, handle: 'someone-else' } }),
    moved: [{ id: 101, authorHandle: 'ann', title: 'B' }],
  },
  {
    relation: 'author',
    parent: Book,
    nested: { id: 100, title: 'A', author: { id: 1, handle: 'ann' } },
    stored: { books: { 100: { id: 100, authorHandle: 'ann', title: 'A' } }, authors: { 1: { id: 1, handle: 'ann' } } },
    parentId: 100,
    loaded: { id: 1, handle: 'ann' },
    empty: null,
    move: (pinia) => {
      useRepo(Author, pinia).save({ id: 1, handle: 'renamed' })
      useRepo(Author, pinia).save({ id: 2, handle: 'ann' })
    },
    moved: { id: 2, handle: 'ann' },
  },
]

describe.each(cases)('the $relation relation', (c) => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })
  const json = (value: unknown) => Array.isArray(value) ? value.map(item => item.$toJson()) : value === null ? null : (value as Model).$toJson()
  const load = () => json((useRepo(c.parent, pinia).with(c.relation).find(c.parentId as number) as unknown as Record<string, unknown>)[c.relation])

  it('splits nested input into the stores with the linking keys filled in', () => {
    useRepo(c.parent, pinia).save(c.nested)

    const state = Object.fromEntries(Object.entries(pinia.state.value).map(([entity, store]) => [entity, store.data]))
    expect(state).toEqual(c.stored)
  })

  it('loads what it saved', () => {
    useRepo(c.parent, pinia).save(c.nested)

    expect(load()).toEqual(c.loaded)
  })

  it('loads its empty value when nothing matches', () => {
    useRepo(c.parent, pinia).save({ ...c.nested, [c.relation]: undefined })

    expect(load()).toEqual(c.empty)
  })

  it('follows writes made after its first load', () => {
    useRepo(c.parent, pinia).save(c.nested)
    expect(load()).toEqual(c.loaded)

    c.move(pinia)

    expect(load()).toEqual(c.moved)
  })

  it('applies a constraint that excludes everything', () => {
    useRepo(c.parent, pinia).save(c.nested)
    const parent = useRepo(c.parent, pinia).with(c.relation, query => query.where('id', -1)).find(c.parentId as number) as unknown as Record<string, unknown>

    expect(parent[c.relation]).toEqual(c.empty)
  })
})

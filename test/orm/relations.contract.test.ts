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

class Reader extends Model {
  static override entity = 'readers'
  static override fields() {
    return {
      id: this.attr(null),
      shelf: this.belongsToMany(() => Book, () => Loan, 'readerId', 'bookId'),
      favoriteIds: this.attr<number[]>([]),
      favorites: this.hasManyBy(() => Book, 'favoriteIds'),
      avatar: this.morphOne(() => Picture, 'ownerId', 'ownerType'),
      notes: this.morphMany(() => Note, 'noteId', 'noteType'),
      tags: this.morphToMany(() => Label, () => Labelling, 'labelId', 'targetId', 'targetType'),
      authorBooks: this.hasManyThrough(() => Book, () => Author, 'id', 'authorHandle', 'authorId', 'handle'),
      authorId: this.attr(null),
    }
  }
}

class Loan extends Model {
  static override entity = 'loans'
  static override primaryKey = ['readerId', 'bookId']
  static override fields() {
    return { readerId: this.attr(null), bookId: this.attr(null) }
  }
}

class Picture extends Model {
  static override entity = 'pictures'
  static override fields() {
    return { id: this.attr(null), ownerId: this.attr(null), ownerType: this.attr(null), owner: this.morphTo([Reader, Author], 'ownerId', 'ownerType') }
  }
}

class Note extends Model {
  static override entity = 'notes'
  static override fields() {
    return { id: this.attr(null), noteId: this.attr(null), noteType: this.attr(null), text: this.string('') }
  }
}

class Label extends Model {
  static override entity = 'labels'
  static override fields() {
    return { id: this.attr(null), readers: this.morphedByMany(Reader, () => Labelling, 'labelId', 'targetId', 'targetType') }
  }
}

class Labelling extends Model {
  static override entity = 'labellings'
  static override primaryKey = ['labelId', 'targetId', 'targetType']
  static override fields() {
    return { labelId: this.attr(null), targetId: this.attr(null), targetType: this.attr(null) }
  }
}

interface Case {
  relation: string
  parent: ModelClass
  /** Writes the related records another way, when the relation takes no nested save. */
  seed?: (pinia: Pinia) => void
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

cases.push(
  {
    relation: 'shelf',
    parent: Reader,
    nested: { id: 1, shelf: [{ id: 100, title: 'A' }, { id: 101, title: 'B' }] },
    stored: {
      readers: { 1: { id: 1, favoriteIds: [], authorId: null } },
      books: { 100: { id: 100, authorHandle: null, title: 'A' }, 101: { id: 101, authorHandle: null, title: 'B' } },
      loans: { '[1,100]': { readerId: 1, bookId: 100 }, '[1,101]': { readerId: 1, bookId: 101 } },
    },
    parentId: 1,
    loaded: [{ id: 100, authorHandle: null, title: 'A' }, { id: 101, authorHandle: null, title: 'B' }],
    empty: [],
    move: pinia => useRepo(Loan, pinia).destroy([1, 100]),
    moved: [{ id: 101, authorHandle: null, title: 'B' }],
  },
  {
    relation: 'favorites',
    parent: Reader,
    nested: { id: 1, favorites: [{ id: 100, title: 'A' }] },
    stored: { readers: { 1: { id: 1, favoriteIds: [100], authorId: null } }, books: { 100: { id: 100, authorHandle: null, title: 'A' } } },
    parentId: 1,
    loaded: [{ id: 100, authorHandle: null, title: 'A' }],
    empty: [],
    move: pinia => useRepo(Reader, pinia).save({ id: 1, favorites: [{ id: 102, title: 'C' }] }),
    moved: [{ id: 102, authorHandle: null, title: 'C' }],
  },
  {
    relation: 'avatar',
    parent: Reader,
    nested: { id: 1, avatar: { id: 10 } },
    stored: { readers: { 1: { id: 1, favoriteIds: [], authorId: null } }, pictures: { 10: { id: 10, ownerId: 1, ownerType: 'readers' } } },
    parentId: 1,
    loaded: { id: 10, ownerId: 1, ownerType: 'readers' },
    empty: null,
    move: pinia => useRepo(Picture, pinia).save({ id: 10, ownerType: 'authors' }),
    moved: null,
  },
  {
    relation: 'notes',
    parent: Reader,
    nested: { id: 1, notes: [{ id: 10, text: 'x' }] },
    stored: { readers: { 1: { id: 1, favoriteIds: [], authorId: null } }, notes: { 10: { id: 10, noteId: 1, noteType: 'readers', text: 'x' } } },
    parentId: 1,
    loaded: [{ id: 10, noteId: 1, noteType: 'readers', text: 'x' }],
    empty: [],
    move: pinia => useRepo(Note, pinia).save({ id: 11, noteId: 1, noteType: 'readers', text: 'y' }),
    moved: [{ id: 10, noteId: 1, noteType: 'readers', text: 'x' }, { id: 11, noteId: 1, noteType: 'readers', text: 'y' }],
  },
  {
    relation: 'owner',
    parent: Picture,
    nested: { id: 10, ownerType: 'authors', owner: { id: 1, handle: 'ann' } },
    // A morphTo registers every model it lists: the readers store exists, empty.
    stored: { pictures: { 10: { id: 10, ownerId: 1, ownerType: 'authors' } }, authors: { 1: { id: 1, handle: 'ann' } }, readers: {} },
    parentId: 10,
    loaded: { id: 1, handle: 'ann' },
    empty: null,
    move: pinia => useRepo(Picture, pinia).save({ id: 10, ownerType: 'readers', owner: { id: 1 } }),
    moved: { id: 1, favoriteIds: [], authorId: null },
  },
  {
    relation: 'tags',
    parent: Reader,
    nested: { id: 1, tags: [{ id: 5 }] },
    stored: { readers: { 1: { id: 1, favoriteIds: [], authorId: null } }, labels: { 5: { id: 5 } }, labellings: { '[5,1,"readers"]': { labelId: 5, targetId: 1, targetType: 'readers' } } },
    parentId: 1,
    loaded: [{ id: 5 }],
    empty: [],
    move: pinia => useRepo(Reader, pinia).save({ id: 1, tags: [{ id: 6 }] }),
    moved: [{ id: 5 }, { id: 6 }],
  },
  {
    relation: 'readers',
    parent: Label,
    nested: { id: 5, readers: [{ id: 1 }] },
    stored: { labels: { 5: { id: 5 } }, readers: { 1: { id: 1, favoriteIds: [], authorId: null } }, labellings: { '[5,1,"readers"]': { labelId: 5, targetId: 1, targetType: 'readers' } } },
    parentId: 5,
    loaded: [{ id: 1, favoriteIds: [], authorId: null }],
    empty: [],
    move: pinia => useRepo(Labelling, pinia).save({ labelId: 5, targetId: 2, targetType: 'readers' }) && useRepo(Reader, pinia).save({ id: 2 }),
    moved: [{ id: 1, favoriteIds: [], authorId: null }, { id: 2, favoriteIds: [], authorId: null }],
  },
  {
    relation: 'authorBooks',
    parent: Reader,
    seed: pinia => useRepo(Author, pinia).save({ id: 7, handle: 'ann', books: [{ id: 100, title: 'A' }] }),
    nested: { id: 1, authorId: 7 },
    stored: { readers: { 1: { id: 1, favoriteIds: [], authorId: 7 } }, authors: { 7: { id: 7, handle: 'ann' } }, books: { 100: { id: 100, authorHandle: 'ann', title: 'A' } } },
    parentId: 1,
    loaded: [{ id: 100, authorHandle: 'ann', title: 'A' }],
    empty: [],
    move: pinia => useRepo(Book, pinia).save({ id: 101, authorHandle: 'ann', title: 'B' }),
    moved: [{ id: 100, authorHandle: 'ann', title: 'A' }, { id: 101, authorHandle: 'ann', title: 'B' }],
  },
)

describe.each(cases)('the $relation relation', (c) => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })
  const json = (value: unknown) => Array.isArray(value) ? value.map(item => item.$toJson()) : value === null ? null : (value as Model).$toJson()
  const load = () => json((useRepo(c.parent, pinia).with(c.relation).find(c.parentId as number) as unknown as Record<string, unknown>)[c.relation])

  const seed = () => {
    c.seed?.(pinia)
    useRepo(c.parent, pinia).save(c.nested)
  }

  it('splits nested input into the stores with the linking keys filled in', () => {
    seed()

    const state = Object.fromEntries(Object.entries(pinia.state.value).map(([entity, store]) => [entity, store.data]))
    expect(state).toEqual(c.stored)
  })

  it('loads what it saved', () => {
    seed()

    expect(load()).toEqual(c.loaded)
  })

  it('loads its empty value when nothing matches', () => {
    useRepo(c.parent, pinia).save({ ...c.nested, [c.relation]: undefined })

    expect(load()).toEqual(c.empty)
  })

  it('follows writes made after its first load', () => {
    seed()
    expect(load()).toEqual(c.loaded)

    c.move(pinia)

    expect(load()).toEqual(c.moved)
  })

  it('applies a constraint that excludes everything', () => {
    seed()
    const parent = useRepo(c.parent, pinia).with(c.relation, query => query.where('id', -1)).find(c.parentId as number) as unknown as Record<string, unknown>

    expect(parent[c.relation]).toEqual(c.empty)
  })

  it('is found by has() and left out by doesntHave() once linked', () => {
    seed()
    const repo = useRepo(c.parent, pinia)

    expect(repo.has(c.relation).get().map(item => item.$getKey())).toEqual([c.parentId])
    expect(repo.doesntHave(c.relation).get().map(item => item.$getKey())).toEqual([])
  })

  it('loads with withAll() like with()', () => {
    seed()

    const parent = useRepo(c.parent, pinia).withAll().find(c.parentId as number) as unknown as Record<string, unknown>

    expect(json(parent[c.relation])).toEqual(c.loaded)
  })
})

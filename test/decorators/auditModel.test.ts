// An audit of decorated models against pinia-orm 1.10's guide (Casts, Accessors & Mutators,
// Decorators, hidden, Single Table Inheritance): its samples as a user writes them, and decorated
// models mixed with `static fields()` ones. Runs once per decorator mode (see compile.ts). The
// guide's `new User({ ... })` is written `make({ ... })` here: with legacy decorators, class fields
// (not `declare`) and define semantics, a direct `new` loses its values (docs/decorators.md).
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { ArrayCast, CastAttribute, DateCast, Model, StringCast, useRepo } from '../../src/runtime/orm'
import { Attr, BelongsTo, Bool, Cast, HasMany, Hidden, Mutate, Num, Str } from '../../src/runtime/orm/decorators'

let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
})

function stored(entity: string): unknown {
  return (pinia.state.value as Record<string, { data: unknown } | undefined>)[entity]?.data
}

class PrefixCast extends CastAttribute {
  static override parameters = { type: 'string' }

  override get(value?: unknown): unknown {
    const type = this.getParameters()!.type
    return typeof value === type ? `${String(type)} ${String(value)}` : value
  }

  override set(value?: unknown): unknown {
    return this.get(value)
  }
}

describe('the guide\'s decorator samples', () => {
  it('@Cast(() => ArrayCast) on @Attr(\'{}\') parses the JSON string given to the constructor', () => {
    class User extends Model {
      static override entity = 'audit_array_users'
      @Cast(() => ArrayCast) @Attr('{}') meta!: Record<string, unknown>
    }
    expect(useRepo(User, pinia).make({ meta: '{"name":"John", "age":30, "car":null}' }).meta).toEqual({ name: 'John', age: 30, car: null })
  })

  it('@Cast(() => StringCast) turns a number into a string, and a custom cast with parameters is read', () => {
    class User extends Model {
      static override entity = 'audit_cast_users'
      @Attr(null) id!: number | null
      @Cast(() => StringCast) @Attr('') name!: string
      @Cast(() => PrefixCast) @Attr('test') label!: string
      @Cast(() => PrefixCast.withParameters({ type: 'number' })) @Attr('') code!: unknown
    }
    expect(useRepo(User, pinia).make({ name: 1 }).name).toBe('1')
    expect(useRepo(User, pinia).make({ label: 'John' }).label).toBe('string John')
    expect(useRepo(User, pinia).make({ code: 'John' }).code).toBe('John')
    expect(useRepo(User, pinia).make({ code: 1 }).code).toBe('number 1')
    useRepo(User, pinia).save({ id: 1, name: 2, code: 3 })
    expect(stored('audit_cast_users')).toEqual({ 1: { id: 1, name: '2', label: 'string test', code: 'number 3' } })
  })

  it('@Mutate(get) upper-cases on read only; @Mutate(get, set) changes what is stored', () => {
    class User extends Model {
      static override entity = 'audit_mutate_users'
      @Attr(0) id!: number
      @Mutate((value: string) => value.toUpperCase()) @Attr('') name!: string
      @Mutate((value: string) => value.toLowerCase(), (value: string) => value.toUpperCase()) @Attr('') nick!: string
    }
    expect(useRepo(User, pinia).make({ name: 'john doe' }).name).toBe('JOHN DOE')
    useRepo(User, pinia).save({ id: 1, name: 'john doe', nick: 'Johnny' })
    expect(stored('audit_mutate_users')).toEqual({ 1: { id: 1, name: 'john doe', nick: 'JOHNNY' } })
    expect(useRepo(User, pinia).find(1)!.$toJson()).toEqual({ id: 1, name: 'JOHN DOE', nick: 'johnny' })
  })

  it('@Str, @Num and @Bool with { notNullable: true } warn about null, naming the field, and keep it', () => {
    class User extends Model {
      static override entity = 'audit_nullable_users'
      @Attr(null) id!: number | null
      @Str('', { notNullable: true }) address!: string | null
      @Num(0, { notNullable: true }) roleId!: number | null
      @Bool(false) visible!: boolean | null
    }
    const warnings: string[] = []
    const original = console.warn
    console.warn = (message: unknown) => warnings.push(String(message))
    try {
      useRepo(User, pinia).save({ id: 1, address: null, roleId: null, visible: null })
    }
    finally {
      console.warn = original
    }
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('address')
    expect(warnings[1]).toContain('roleId')
    expect(stored('audit_nullable_users')).toEqual({ 1: { id: 1, address: null, roleId: null, visible: null } })
  })
})

describe('decorated models with relations to static fields() models', () => {
  class Author extends Model {
    static override entity = 'audit_authors'
    static override hidden = ['email']
    static override fields() {
      return { id: this.attr(null), name: this.string(''), email: this.string(''), books: this.hasMany(Book, 'authorId') }
    }
  }

  class Book extends Model {
    static override entity = 'audit_books'
    @Attr(null) id!: number | null
    @Attr(null) authorId!: number | null
    @Cast(() => DateCast) @Attr(null) published!: Date | null
    @Hidden() @Str('') isbn!: string
    @BelongsTo(() => Author, 'authorId') author!: Author | null
    @HasMany(() => Chapter, 'bookId') chapters!: Chapter[]
  }

  class Chapter extends Model {
    static override entity = 'audit_chapters'
    static override fields() {
      return { id: this.attr(null), bookId: this.attr(null), title: this.string('') }
    }

    static override mutators() {
      return { title: { set: (value: string) => value.trim() } }
    }
  }

  it('a nested save through both kinds stores each model\'s form, and reads back its instances', () => {
    useRepo(Author, pinia).save({
      id: 1,
      name: 'Ada',
      email: 'ada@example.com',
      books: [{ id: 10, isbn: '978', published: '1843-10-01T00:00:00.000Z', chapters: [{ id: 100, title: '  Notes  ' }] }],
    })
    expect(stored('audit_books')).toEqual({ 10: { id: 10, authorId: 1, published: '1843-10-01T00:00:00.000Z', isbn: '978' } })
    expect(stored('audit_chapters')).toEqual({ 100: { id: 100, bookId: 10, title: 'Notes' } })
    const author = useRepo(Author, pinia).with('books.chapters').find(1)!
    const book = (author as unknown as { books: Book[] }).books[0]!
    expect(book).toBeInstanceOf(Book)
    expect(book.published).toEqual(new Date('1843-10-01T00:00:00.000Z'))
    expect(book.chapters[0]).toBeInstanceOf(Chapter)
  })

  it('$toJson() leaves out the hidden fields of every level, the @Hidden one of a nested decorated model too', () => {
    useRepo(Author, pinia).save({ id: 1, name: 'Ada', email: 'ada@example.com', books: [{ id: 10, isbn: '978' }] })
    const json = useRepo(Author, pinia).with('books', query => query.with('author')).find(1)!.$toJson()
    expect(json).toEqual({
      id: 1,
      name: 'Ada',
      books: [{ id: 10, authorId: 1, published: null, author: { id: 1, name: 'Ada' } }],
    })
    expect(JSON.parse(JSON.stringify(useRepo(Author, pinia).with('books').find(1)))).toEqual({ id: 1, name: 'Ada', books: [{ id: 10, authorId: 1, published: null }] })
  })

  it('make() fills the decorated defaults, and a nested author given as data', () => {
    const book = useRepo(Book, pinia).make({ id: 5, author: { id: 1, name: 'Ada', email: 'x' } })
    expect(book.$getAttributes()).toEqual({ id: 5, authorId: null, published: null, isbn: '' })
    expect(book.author).toBeInstanceOf(Author)
    expect(book.chapters).toEqual([])
    expect(useRepo(Book, pinia).make().$getAttributes()).toEqual({ id: null, authorId: null, published: null, isbn: '' })
  })
})

describe('a decorated subclass of a static fields() base under single-table inheritance', () => {
  class Animal extends Model {
    static override entity = 'audit_animals'
    static override types() {
      return { ANIMAL: Animal, DOG: Dog }
    }

    static override fields() {
      return { id: this.attr(null), type: this.attr('ANIMAL'), name: this.string('') }
    }
  }

  class Dog extends Animal {
    static override entity = 'audit_dogs'
    static override baseEntity = 'audit_animals'
    @Str('') breed!: string
    @Mutate(undefined, (value: string) => value.toUpperCase()) @Str('') tag!: string
  }

  it('keeps the base\'s fields and its own, in the base\'s store, and reads each record as its type', () => {
    useRepo(Dog, pinia).save({ id: 1, name: 'Rex', breed: 'Collie', tag: 'r1' })
    useRepo(Animal, pinia).save({ id: 2, name: 'Tom' })
    expect(stored('audit_animals')).toEqual({
      1: { id: 1, type: 'DOG', name: 'Rex', breed: 'Collie', tag: 'R1' },
      2: { id: 2, type: 'ANIMAL', name: 'Tom' },
    })
    expect(stored('audit_dogs')).toBeUndefined()
    expect(useRepo(Animal, pinia).all().map(animal => animal.constructor)).toEqual([Dog, Animal])
    expect(useRepo(Dog, pinia).all().map(dog => dog.$getAttributes())).toEqual([{ id: 1, type: 'DOG', name: 'Rex', breed: 'Collie', tag: 'R1' }])
  })
})

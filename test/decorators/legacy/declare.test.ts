// Issue 11: pinia-orm 1.x's own decorated models, which only `experimentalDecorators` compiles:
// `declare` fields, and class fields without `declare` (`@Attr() id!: any`), compiled here with
// define semantics so that each is a class field defined on every instance.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../../src/runtime/orm'
import { Attr, HasMany, NonEnumerable, Str } from '../../../src/runtime/orm/decorators'
import { Uid as NanoidUid } from '../../../src/runtime/orm/nanoid'

class Author extends Model {
  static override entity = 'authors'

  // pinia-orm 1.x's documented form, kept as its users write it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  @Attr() id!: any
  @Str('') declare name: string
  @HasMany(() => Book, 'authorId') books!: Book[]
  @NonEnumerable declare note: string
}

class Book extends Model {
  static override entity = 'books'

  @Attr(null) declare id: number | null
  @Attr(null) authorId!: number | null
  @Str('') title!: string
}

let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
})

describe('pinia-orm 1.x decorated models (experimentalDecorators)', () => {
  it('keep what the ORM sets in fields declared with and without `declare`', () => {
    useRepo(Author, pinia).save({ id: 1, name: 'Ursula', books: [{ id: 7, title: 'Earthsea' }] })
    const author = useRepo(Author, pinia).with('books').find(1)!
    expect(author.id).toBe(1)
    expect(author.name).toBe('Ursula')
    expect(author.books.map(book => [book.id, book.authorId, book.title])).toEqual([[7, 1, 'Earthsea']])
    expect(useRepo(Author, pinia).make({ id: 2, name: 'Iain' }).$getAttributes()).toEqual({ id: 2, name: 'Iain' })
  })

  it('@NonEnumerable keeps a property out of enumeration and JSON', () => {
    const author = useRepo(Author, pinia).save({ id: 3, name: 'Ted' })
    author.note = 'helper'
    expect(author.note).toBe('helper')
    expect(Object.keys(author)).not.toContain('note')
    expect(JSON.parse(JSON.stringify(author))).toEqual({ id: 3, name: 'Ted' })
  })
})

describe('@Uid() of pinia-orm\'s id cast packages on a `declare` field', () => {
  class Ticket extends Model {
    static override entity = 'declared_uid_tickets'
    @NanoidUid({ size: 12 }) declare id: string
    @Str('') declare title: string
  }

  it('generates the key of a record saved without one, and keeps a given one', () => {
    const saved = useRepo(Ticket, pinia).save({ title: 'Printer' })
    expect(saved.id).toMatch(/^[\w-]{12}$/)
    expect(useRepo(Ticket, pinia).find(saved.id)!.title).toBe('Printer')
    expect(useRepo(Ticket, pinia).save({ id: 'given', title: 'Desk' }).id).toBe('given')
  })
})

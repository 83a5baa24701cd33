// Saving behaviours a pinia-orm 1.10 app relies on, found by checking our core against pinia-orm's
// saving of relations: a field declared without a default, and the pivot data of a morphedByMany.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

describe('a field declared without a default', () => {
  class Author extends Model {
    static override entity = 'authors'
    static override fields() {
      return { id: this.number(0), name: this.string('') }
    }
  }

  class Book extends Model {
    static override entity = 'books'
    static override fields() {
      return {
        id: this.number(0),
        authorId: this.attr(),
        note: this.attr(),
        author: this.belongsTo(Author, 'authorId'),
      }
    }

    declare id: number
    declare authorId: number | null
    declare note: unknown
  }

  it('stores null when the saved record leaves it out, as pinia-orm does', () => {
    const pinia = createPinia()
    const book = useRepo(Book, pinia).save({ id: 1 })
    expect(book.authorId).toBeNull()
    expect(book.note).toBeNull()
    expect(pinia.state.value.books.data[1]).toEqual({ id: 1, authorId: null, note: null })
  })

  it('is null on an instance made without it', () => {
    expect(new Book().note).toBeNull()
    expect(useRepo(Book, createPinia()).make().authorId).toBeNull()
  })
})

import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override hidden = ['secret']

  static override fields() {
    return { id: this.uid(), name: this.string(''), phone: this.number(0), secret: this.string('') }
  }
}

class Card extends Model {
  static override entity = 'cards'
  static override visible = ['id', 'title']

  static override fields() {
    return { id: this.attr(null), title: this.string(''), pin: this.string('') }
  }
}

describe('visibility', () => {
  it('leaves hidden fields out of query results, $toJson() and JSON.stringify()', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 'u1', name: 'John', phone: 5, secret: 'pw' })
    const user = useRepo(User, pinia).find('u1')!
    expect('secret' in user).toBe(false)
    expect(user.$toJson()).toEqual({ id: 'u1', name: 'John', phone: 5 })
    expect(JSON.parse(JSON.stringify(user))).toEqual({ id: 'u1', name: 'John', phone: 5 })
    expect(pinia.state.value.users!.data.u1.secret).toBe('pw')
  })

  it('leaves hidden fields out of $toJson() of an instance made directly', () => {
    expect(new User({ id: 'u1', name: 'John', secret: 'pw' }).$toJson()).toEqual({ id: 'u1', name: 'John', phone: 0 })
  })

  it('shows only the visible fields of a model with static visible', () => {
    const pinia = createPinia()
    useRepo(Card, pinia).save({ id: 1, title: 'Visa', pin: '1234' })
    expect(useRepo(Card, pinia).find(1)!.$toJson()).toEqual({ id: 1, title: 'Visa' })
  })

  it('keeps the primary key of a model whose static visible leaves it out, so instances keep their identity', () => {
    class Badge extends Model {
      static override entity = 'badges'
      static override visible = ['label']
      static override fields() {
        return { id: this.attr(null), label: this.string(''), code: this.string('') }
      }
    }
    const pinia = createPinia()
    useRepo(Badge, pinia).save({ id: 7, label: 'gold', code: 'x' })
    const badge = useRepo(Badge, pinia).find(7)!
    expect(badge.$toJson()).toEqual({ id: 7, label: 'gold' })
    expect(badge.$getKey()).toBe(7)
    badge.label = 'silver'
    useRepo(Badge, pinia).save(badge.$toJson())
    expect(pinia.state.value.badges!.data[7]).toEqual({ id: 7, label: 'silver', code: 'x' })
  })

  it('makeHidden() hides more fields for one query', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 'u1', name: 'John', phone: 5 })
    const user = useRepo(User, pinia).makeHidden(['phone']).first()!
    expect(user.$toJson()).toEqual({ id: 'u1', name: 'John' })
    expect(useRepo(User, pinia).all()[0]!.$toJson()).toEqual({ id: 'u1', name: 'John', phone: 5 })
  })

  it('makeVisible() shows a hidden field for one query, in the instance and its JSON', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 'u1', name: 'John', secret: 'pw' })
    const user = useRepo(User, pinia).makeVisible(['secret']).first()!
    expect(user.secret).toBe('pw')
    expect(JSON.parse(JSON.stringify(user))).toEqual({ id: 'u1', name: 'John', phone: 0, secret: 'pw' })
  })

  it('filters, sorts and groups by a hidden field\'s stored value, which the instances leave out', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save([{ id: 'u1', secret: 'x', phone: 1 }, { id: 'u2', secret: 'y', phone: 2 }, { id: 'u3', secret: 'x', phone: 3 }])
    const ids = (list: User[]) => list.map(user => user.$getKey())
    expect(ids(useRepo(User, pinia).where('secret', 'x').get())).toEqual(['u1', 'u3'])
    expect(ids(useRepo(User, pinia).orderBy('secret', 'desc').get())).toEqual(['u2', 'u1', 'u3'])
    const groups = useRepo(User, pinia).groupBy('secret').get()
    expect(Object.keys(groups)).toEqual(['x', 'y'])
    expect(ids(groups.x!)).toEqual(['u1', 'u3'])
    expect(groups.x![0]!.$toJson()).toEqual({ id: 'u1', name: '', phone: 1 })
    // Hidden for one query: grouped by the stored value too.
    expect(Object.keys(useRepo(User, pinia).makeHidden(['phone']).groupBy('phone').get())).toEqual(['1', '2', '3'])
  })

  it('saving an instance without its hidden field keeps the stored value', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 'u1', name: 'John', secret: 'pw' })
    const user = useRepo(User, pinia).find('u1')!
    user.name = 'Jane'
    useRepo(User, pinia).save(user as unknown as Record<string, unknown>)
    expect(pinia.state.value.users!.data.u1).toEqual({ id: 'u1', name: 'Jane', phone: 0, secret: 'pw' })
  })

  it('hides the fields of related models loaded with with()', () => {
    class Account extends Model {
      static override entity = 'accounts'
      static override fields() {
        return { id: this.attr(null), userId: this.attr(null), user: this.belongsTo(User, 'userId') }
      }
    }
    const pinia = createPinia()
    useRepo(Account, pinia).save({ id: 1, user: { id: 'u1', name: 'John', secret: 'pw' } })
    expect(JSON.stringify(useRepo(Account, pinia).with('user').find(1))).not.toContain('pw')
  })
})

describe('visibility in a relation\'s constraint', () => {
  // pinia-orm: a constraint may call any query builder method to customize the loading.
  class Note extends Model {
    static override entity = 'notes'
    static override hidden = ['draft']
    static override config = { withMeta: true }
    static override fields() {
      return { id: this.attr(null), authorId: this.attr(null), text: this.string(''), draft: this.string('') }
    }
  }

  class Author extends Model {
    static override entity = 'authors'
    static override fields() {
      return { id: this.attr(null), name: this.string(''), notes: this.hasMany(Note, 'authorId'), pinned: this.hasOne(Note, 'authorId') }
    }
  }

  function setup() {
    const pinia = createPinia()
    useRepo(Author, pinia).save({ id: 1, name: 'Ann', notes: [{ id: 1, text: 'a', draft: 'd' }] })
    return useRepo(Author, pinia)
  }

  it('makeHidden() in with() hides those fields of the related records', () => {
    const authors = setup()
    expect(authors.with('notes', query => query.makeHidden(['text'])).first()!.notes).toEqual([expect.objectContaining({ id: 1, authorId: 1 })])
    expect(Object.keys(authors.with('notes', query => query.makeHidden(['text'])).first()!.notes![0]!)).toEqual(['id', 'authorId'])
    expect(Object.keys(authors.with('pinned', query => query.makeHidden(['text'])).first()!.pinned!)).toEqual(['id', 'authorId'])
    // Not the parents', and not without the constraint.
    expect(Object.keys(authors.with('notes').first()!.notes![0]!)).toEqual(['id', 'authorId', 'text'])
  })

  it('makeVisible() and withMeta() in with() show the hidden fields and _meta of the related records', () => {
    const authors = setup()
    expect(authors.with('notes', query => query.makeVisible(['draft'])).first()!.notes![0]!.draft).toBe('d')
    const note = authors.with('notes', query => query.withMeta()).first()!.notes![0]!
    expect(Object.keys(note)).toEqual(['id', 'authorId', 'text', '_meta'])
    expect(JSON.parse(JSON.stringify(note))._meta).toEqual({ createdAt: expect.any(Number), updatedAt: expect.any(Number) })
  })

  it('load() with a constraint and withAll() apply it too', () => {
    const authors = setup()
    const all = authors.all()
    authors.with('notes', query => query.makeHidden(['text'])).load(all)
    expect(Object.keys(all[0]!.notes![0]!)).toEqual(['id', 'authorId'])
    expect(Object.keys(authors.withAll(query => query.makeVisible(['draft'])).first()!.notes![0]!)).toEqual(['id', 'authorId', 'text', 'draft'])
  })
})

describe('visibility and $refresh()', () => {
  it('$refresh() does not put a hidden field back on an instance', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 'u1', name: 'John', secret: 'pw' })
    const user = useRepo(User, pinia).find('u1')!
    useRepo(User, pinia).save({ id: 'u1', name: 'Jane' })
    expect(user.$refresh().$toJson()).toEqual({ id: 'u1', name: 'Jane', phone: 0 })
    expect('secret' in user).toBe(false)
  })
})

describe('visibility from static config', () => {
  it('config.hidden hides fields like static hidden', () => {
    class Token extends Model {
      static override entity = 'tokens'
      static override config = { hidden: ['value'] }
      static override fields() {
        return { id: this.attr(null), value: this.string('') }
      }
    }
    const pinia = createPinia()
    useRepo(Token, pinia).save({ id: 1, value: 'abc' })
    expect(JSON.stringify(useRepo(Token, pinia).find(1))).toBe('{"id":1}')
  })
})

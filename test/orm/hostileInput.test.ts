// Hostile input (issue #8): ids and field names that are not plain, and the other ways a save can
// go wrong. Each describe is one numbered case of the issue; every test runs on a fresh Pinia.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { parse, stringify } from 'devalue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Model, OrmError, packState, unpackState, useRepo } from '../../src/runtime/orm'
import type { EntityState } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
})

function expectOrmError(run: () => unknown, ...parts: string[]): OrmError {
  let error: unknown
  try {
    run()
  }
  catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(OrmError)
  for (const part of parts)
    expect((error as Error).message).toContain(part)
  return error as OrmError
}

/** The records of an entity store, as the store keeps them. */
function data(entity: string): Record<string, Record<string, unknown>> {
  return (pinia.state.value[entity] as EntityState).data
}

/** A deep copy of the state that keeps own `__proto__` keys (JSON does). */
function snapshot(): unknown {
  return JSON.parse(JSON.stringify(pinia.state.value))
}

const PROTOTYPE_NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__']

describe('1. ids that name a prototype member are ordinary ids', () => {
  it('finds nothing under a prototype member name in an empty store', () => {
    for (const id of PROTOTYPE_NAMES) {
      expect(useRepo(User, pinia).find(id)).toBeNull()
      expect(useRepo(User, pinia).whereId(id).get()).toEqual([])
      expect(useRepo(User, pinia).find([id])).toEqual([])
      expect(useRepo(User, pinia).destroy(id)).toBeNull()
    }
    expect(pinia.state.value.users).toEqual({ data: {} })
  })

  it('loads no related record through a foreign key that names a prototype member', () => {
    useRepo(Phone, pinia).save([{ id: 1, userId: 'constructor' }, { id: 2, userId: 'toString' }])
    const phones = useRepo(Phone, pinia).with('user').get()
    expect(phones.map(phone => phone.user)).toEqual([null, null])
    expect(useRepo(Phone, pinia).with('user').find(1)!.user).toBeNull()
  })

  it('saves a record whose id names a prototype member with its defaults, and relates it', () => {
    useRepo(User, pinia).save({ id: 'constructor', posts: [{ id: 'toString', title: 'T' }] })
    expect(useRepo(User, pinia).find('constructor')!.$getAttributes()).toEqual({ id: 'constructor', name: '', email: '' })
    expect(data('users')['constructor']).toEqual({ id: 'constructor', name: '', email: '' })
    expect(useRepo(User, pinia).with('posts').find('constructor')!.posts!.map(post => post.id)).toEqual(['toString'])
    expect(useRepo(Post, pinia).with('author').find('toString')!.author!.id).toBe('constructor')
  })

  it('merges a second save of such a record into the stored one', () => {
    useRepo(User, pinia).save({ id: 'valueOf', name: 'First', email: 'a@b' })
    useRepo(User, pinia).save({ id: 'valueOf', name: 'Second' })
    expect(data('users')['valueOf']).toEqual({ id: 'valueOf', name: 'Second', email: 'a@b' })
    expect(useRepo(User, pinia).destroy('valueOf')!.name).toBe('Second')
    expect(useRepo(User, pinia).all()).toEqual([])
  })
})

describe('2. __proto__ is an ordinary id', () => {
  it('saves, finds, lists and destroys a record whose id is __proto__, without touching the store\'s prototype', () => {
    useRepo(User, pinia).save({ id: '__proto__', name: 'Proto' })
    const users = data('users') as object
    expect(Object.getPrototypeOf(users)).toBe(Object.prototype)
    expect(Object.keys(users)).toEqual(['__proto__'])
    expect(useRepo(User, pinia).find('__proto__')!.name).toBe('Proto')
    expect(useRepo(User, pinia).find('name')).toBeNull()
    expect(useRepo(User, pinia).all().map(user => user.id)).toEqual(['__proto__'])
    expect(useRepo(User, pinia).whereId('__proto__').get().map(user => user.name)).toEqual(['Proto'])
    expect(useRepo(User, pinia).destroy('__proto__')!.name).toBe('Proto')
    expect(useRepo(User, pinia).all()).toEqual([])
    expect(Object.keys(users)).toEqual([])
  })

  it('relates records whose ids or foreign keys are __proto__, in both directions', () => {
    useRepo(User, pinia).save({ id: '__proto__', name: 'Root', phone: { id: 1 }, posts: [{ id: '__proto__', title: 'P' }] })
    useRepo(User, pinia).save({ id: 2, name: 'Other', phone: { id: '__proto__' } })
    expect(useRepo(User, pinia).with('phone').with('posts').find('__proto__')!.$toJson()).toEqual({
      id: '__proto__',
      name: 'Root',
      email: '',
      phone: { id: 1, userId: '__proto__', number: '' },
      posts: [{ id: '__proto__', userId: '__proto__', title: 'P', published: false }],
    })
    expect(useRepo(Phone, pinia).with('user').find('__proto__')!.user!.name).toBe('Other')
    expect(useRepo(Post, pinia).with('author').find('__proto__')!.author!.name).toBe('Root')
    expect(useRepo(Phone, pinia).with('user').get().map(phone => phone.user!.name)).toEqual(['Root', 'Other'])
  })

  it('updates and deletes a __proto__ record through a query', () => {
    useRepo(User, pinia).save([{ id: '__proto__', name: 'A' }, { id: 1, name: 'B' }])
    useRepo(User, pinia).where('name', 'A').update({ email: 'a@x' })
    expect(useRepo(User, pinia).find('__proto__')!.email).toBe('a@x')
    expect(useRepo(User, pinia).where('name', 'A').delete().map(user => user.id)).toEqual(['__proto__'])
    expect(useRepo(User, pinia).all().map(user => user.id)).toEqual([1])
  })

  it('replaces the store with fresh() and keeps a __proto__ record', () => {
    useRepo(User, pinia).fresh([{ id: '__proto__', name: 'Fresh' }, { id: 'x' }])
    expect(useRepo(User, pinia).all().map(user => user.id)).toEqual(['__proto__', 'x'])
  })

  it('sends a __proto__ record through the packed payload and a devalue round trip', () => {
    useRepo(User, pinia).save({ id: '__proto__', name: 'Proto', phone: { id: '__proto__', number: '1' } })
    const serialized = stringify(packState(pinia))
    const client = createPinia()
    client.state.value = unpackState(parse(serialized))
    expect(useRepo(User, client).with('phone').find('__proto__')!.$toJson()).toEqual({
      id: '__proto__',
      name: 'Proto',
      email: '',
      phone: { id: '__proto__', userId: '__proto__', number: '1' },
    })
    expect(useRepo(Phone, client).all().map(phone => phone.id)).toEqual(['__proto__'])
  })
})

describe('3. field names that are prototype members are refused when the schema is built', () => {
  for (const field of ['constructor', 'toString', 'hasOwnProperty', '__proto__', '$toJson']) {
    it(`refuses an attribute named ${field}, naming the model and the field`, () => {
      class Bad extends Model {
        static override entity = `bad-${field}`
        static override fields() {
          return { id: this.attr(null), [field]: this.string('x') }
        }
      }
      expectOrmError(() => useRepo(Bad, pinia), 'Bad.fields()', `'${field}'`, 'Rename')
      expect(pinia.state.value).toEqual({})
    })
  }

  it('refuses a relation named after a prototype member', () => {
    class BadRelation extends Model {
      static override entity = 'bad-relation'
      static override fields() {
        return { id: this.attr(null), constructor: this.hasMany(Post, 'userId') }
      }
    }
    expectOrmError(() => useRepo(BadRelation, pinia), 'BadRelation.fields()', '\'constructor\'')
  })

  it('refuses a fields() object literal whose __proto__ entry would be dropped', () => {
    class Literal extends Model {
      static override entity = 'literal'
      static override fields() {
        // A `__proto__:` entry in an object literal sets the prototype: it declares no field.
        return { id: this.attr(null), __proto__: this.attr(null) }
      }
    }
    expectOrmError(() => useRepo(Literal, pinia), 'Literal.fields()', '__proto__')
  })
})

describe('4. a primary key is a string, a finite number or a bigint', () => {
  class Member extends Model {
    static override entity = 'members'
    static override primaryKey = ['teamId', 'userId']
    static override fields() {
      return { teamId: this.attr(null), userId: this.attr(null), role: this.string('') }
    }
  }

  it('refuses objects, arrays, symbols, booleans and non-finite numbers as ids, naming the model, field and type, and writes nothing', () => {
    useRepo(User, pinia).save({ id: 1, name: 'Kept' })
    const before = snapshot()
    const cases: [unknown, string][] = [
      [{ a: 1 }, 'an object'],
      [[1, 2], 'an array'],
      [Symbol('s'), 'a symbol'],
      [true, 'a boolean'],
      [Number.NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [() => 1, 'a function'],
      [new Date(0), 'a Date'],
    ]
    for (const [id, type] of cases) {
      expectOrmError(() => useRepo(User, pinia).save([{ id: 2, name: 'New' }, { id }]), 'users[1]', 'User', '\'id\'', type, 'string, a finite number or a bigint')
      expect(snapshot()).toEqual(before)
    }
  })

  it('stops two object ids from colliding on one key', () => {
    expectOrmError(() => useRepo(User, pinia).save([{ id: { a: 1 } }, { id: { b: 2 } }]), 'an object')
    expectOrmError(() => useRepo(User, pinia).save([{ id: Symbol('s') }, { id: Symbol('s') }]), 'a symbol')
    expect(pinia.state.value.users).toEqual({ data: {} })
  })

  it('keeps the array id [1, 2] and the string id \'1,2\' apart: the first is refused', () => {
    useRepo(User, pinia).save({ id: '1,2', name: 'String' })
    expectOrmError(() => useRepo(User, pinia).save({ id: [1, 2], name: 'Array' }), 'an array')
    expect(useRepo(User, pinia).find('1,2')!.name).toBe('String')
  })

  it('refuses a bad id in a nested record, naming where it is', () => {
    expectOrmError(() => useRepo(User, pinia).save({ id: 1, phone: { id: { n: 1 } } }), 'users.phone', 'Phone', '\'id\'', 'an object')
    expect(pinia.state.value.users).toEqual({ data: {} })
  })

  it('refuses a bad part of a composite key, naming the part', () => {
    expectOrmError(() => useRepo(Member, pinia).save({ teamId: 1, userId: { x: 1 } }), 'Member', '\'userId\'', 'an object')
    expect(pinia.state.value.members).toEqual({ data: {} })
  })

  it('accepts bigint ids, alone and in a composite key', () => {
    useRepo(User, pinia).save({ id: 12345678901234567890n, name: 'Big' })
    expect(useRepo(User, pinia).find(12345678901234567890n)!.name).toBe('Big')
    useRepo(Member, pinia).save({ teamId: 1n, userId: 'u', role: 'lead' })
    expect(useRepo(Member, pinia).find([1n, 'u'])!.role).toBe('lead')
  })
})

describe('5. public methods check their arguments', () => {
  it('with(undefined) and with(5) name the model and list its relations', () => {
    expectOrmError(() => useRepo(User, pinia).with(undefined as never), 'with()', 'User', 'phone, posts')
    expectOrmError(() => useRepo(User, pinia).with(5 as never), 'with()', 'number', 'phone, posts')
    expectOrmError(() => useRepo(User, pinia).query().with('phone', 'x' as never), 'with(\'phone\')', 'constraint', 'function')
  })

  it('where, orderBy, limit and offset refuse what they cannot use', () => {
    expectOrmError(() => useRepo(User, pinia).where(5 as never), 'where()', 'User', 'name of an attribute or a function')
    expectOrmError(() => useRepo(User, pinia).orWhere(null as never), 'orWhere()', 'User')
    expectOrmError(() => useRepo(User, pinia).orderBy(undefined as never), 'orderBy()', 'User')
    expectOrmError(() => useRepo(User, pinia).orderBy('nope'), 'orderBy()', '\'nope\'', 'id, name, email')
    expectOrmError(() => useRepo(User, pinia).orderBy('name', 'up' as never), 'orderBy()', '\'asc\' or \'desc\'')
    expectOrmError(() => useRepo(User, pinia).limit(-1), 'limit()', 'whole number')
    expectOrmError(() => useRepo(User, pinia).limit('3' as never), 'limit()', 'string')
    expectOrmError(() => useRepo(User, pinia).offset(Number.NaN), 'offset()', 'NaN')
    expectOrmError(() => useRepo(User, pinia).whereIn('name', 5 as never), 'whereIn()', 'array')
  })

  it('find, whereId and destroy refuse ids that cannot be keys', () => {
    expectOrmError(() => useRepo(User, pinia).find({ a: 1 } as never), 'find()', 'User', 'an object')
    expectOrmError(() => useRepo(User, pinia).whereId(Symbol('s') as never), 'whereId()', 'a symbol')
    expectOrmError(() => useRepo(User, pinia).destroy(true as never), 'destroy()', 'a boolean')
    expectOrmError(() => useRepo(User, pinia).find([1, {}] as never), 'find()', 'an object')
  })

  it('find and destroy of null or undefined find nothing, as a missing key does', () => {
    expect(useRepo(User, pinia).find(null as never)).toBeNull()
    expect(useRepo(User, pinia).destroy(undefined as never)).toBeNull()
  })

  it('destroy of a list with an id that cannot be a key deletes none of the list', () => {
    useRepo(User, pinia).save([{ id: 1, name: 'A' }, { id: 2, name: 'B' }, { id: 3, name: 'C' }])
    const before = snapshot()
    expectOrmError(() => useRepo(User, pinia).destroy([1, 2, Number.NaN]), 'destroy()', 'User', 'the number NaN')
    expectOrmError(() => useRepo(User, pinia).destroy([3, {}] as never), 'destroy()', 'User', 'an object')
    expect(snapshot()).toEqual(before)
    // null and undefined in a list name no record; the rest are deleted, a key named twice once.
    expect(useRepo(User, pinia).destroy([null, 2, undefined, '2', 7] as unknown as number[]).map(user => user.name)).toEqual(['B'])
    expect(Object.keys(pinia.state.value.users!.data)).toEqual(['1', '3'])
  })

  it('update refuses a value that is not an object of attributes', () => {
    expectOrmError(() => useRepo(User, pinia).where('id', 1).update('x' as never), 'update()', 'User')
    expectOrmError(() => useRepo(User, pinia).where('id', 1).update([] as never), 'update()', 'User')
  })
})

describe('6. one object given as two different records', () => {
  it('saves it as each model it is given as, and no record gains fields of another model', () => {
    const o: Record<string, unknown> = { id: 3, name: 'x', title: 't' }
    o.posts = [o]
    useRepo(User, pinia).save(o)
    expect(data('users')).toEqual({ 3: { id: 3, name: 'x', email: '' } })
    expect(data('posts')).toEqual({ 3: { id: 3, userId: 3, title: 't', published: false } })
    expect(useRepo(User, pinia).with('posts').find(3)!.posts!.map(post => post.title)).toEqual(['t'])
    // The unknown keys of each reading are reported in dev.
    expect(vi.mocked(console.warn).mock.calls.map(args => String(args[0]))).toEqual([
      expect.stringContaining('User.title'),
      expect.stringContaining('Post.name'),
      expect.stringContaining('Post.posts'),
    ])
    vi.mocked(console.warn).mockClear()
  })
})

describe('7. deep nesting', () => {
  class Node extends Model {
    static override entity = 'nodes'
    static override fields() {
      return { id: this.attr(null), parentId: this.attr(null), child: this.hasOne(Node, 'parentId') }
    }
  }

  function chain(depth: number): Record<string, unknown> {
    const root: Record<string, unknown> = { id: 0 }
    let node = root
    for (let i = 1; i < depth; i++)
      node = (node.child = { id: i }) as Record<string, unknown>
    return root
  }

  it('refuses 10,000 nested levels with an error that says how deep the input was, and changes nothing', () => {
    useRepo(Node, pinia).save({ id: 'kept' })
    const before = snapshot()
    expectOrmError(() => useRepo(Node, pinia).save(chain(10_000)), 'Node', '10000 levels deep', 'at most 500')
    expect(snapshot()).toEqual(before)
  })

  it('saves 500 nested levels and links every one', () => {
    const saved = useRepo(Node, pinia).save(chain(500))
    expect(Object.keys(data('nodes'))).toHaveLength(500)
    expect(useRepo(Node, pinia).find(499)!.parentId).toBe(498)
    expect(saved.child!.id).toBe(1)
  })
})

describe('9. typed fields', () => {
  class Typed extends Model {
    static override entity = 'typed'
    static override fields() {
      return { id: this.attr(null), name: this.string(''), age: this.number(0), ok: this.boolean(false), any: this.attr(null) }
    }
  }

  it('stores values of the wrong type as given and warns in dev, naming Model.field, the value and the type', () => {
    useRepo(Typed, pinia).save({ id: 1, name: 42, age: '7', ok: 'yes', any: {} })
    expect(data('typed')[1]).toEqual({ id: 1, name: 42, age: '7', ok: 'yes', any: {} })
    const warnings = vi.mocked(console.warn).mock.calls.map(args => String(args[0]))
    expect(warnings).toEqual([
      expect.stringMatching(/Typed\.name .*42.*number.*string/),
      expect.stringMatching(/Typed\.age .*"7".*string.*number/),
      expect.stringMatching(/Typed\.ok .*"yes".*string.*boolean/),
    ])
    for (const warning of warnings)
      expect(warning.startsWith('[nuxt-pinia-orm]')).toBe(true)
    vi.mocked(console.warn).mockClear()
  })

  it('accepts null in a typed field, and values of the right type, without a word', () => {
    useRepo(Typed, pinia).save([{ id: 1, name: null, age: null, ok: null }, { id: 2, name: 'a', age: 1.5, ok: true }])
    expect(console.warn).not.toHaveBeenCalled()
  })

  it('warns about update() values of the wrong type too', () => {
    useRepo(Typed, pinia).save({ id: 1 })
    useRepo(Typed, pinia).where('id', 1).update({ age: '8' })
    expect(vi.mocked(console.warn).mock.calls.map(args => String(args[0]))).toEqual([expect.stringContaining('Typed.age')])
    vi.mocked(console.warn).mockClear()
  })

  it('warns about new, make() and $fill() given values of the wrong type, once per model, field and type, as pinia-orm warns', () => {
    class Made extends Model {
      static override entity = 'made'
      static override fields() {
        return { id: this.attr(null), name: this.string(''), age: this.number(0), ok: this.boolean(false) }
      }
    }
    const made = new Made({ id: 1, name: 5, age: '7', ok: 'yes' })
    expect(made.$getAttributes()).toEqual({ id: 1, name: 5, age: '7', ok: 'yes' })
    useRepo(Made, pinia).make({ id: 2, age: '8' })
    made.$fill({ name: 6, age: 9 })
    expect(vi.mocked(console.warn).mock.calls.map(args => String(args[0]))).toEqual([
      expect.stringMatching(/^\[nuxt-pinia-orm\] Made\.name was given 5 \(a number\), but it is a string field\. The value is kept as given/),
      expect.stringMatching(/^\[nuxt-pinia-orm\] Made\.age was given "7" \(a string\), but it is a number field/),
      expect.stringMatching(/^\[nuxt-pinia-orm\] Made\.ok was given "yes" \(a string\), but it is a boolean field/),
    ])
    vi.mocked(console.warn).mockClear()
  })

  it('warns about a typed foreign key a nested save fills from the parent\'s key of another type, as pinia-orm does', () => {
    class Comment extends Model {
      static override entity = 'typedComments'
      static override fields() {
        return { id: this.number(0), authorId: this.number(0) }
      }
    }
    class Author extends Model {
      static override entity = 'typedAuthors'
      static override fields() {
        return { id: this.string(''), comments: this.hasMany(Comment, 'authorId') }
      }
    }
    useRepo(Author, pinia).save({ id: 'a1', comments: [{ id: 1 }, { id: 2 }] })
    expect(pinia.state.value.typedComments!.data['1']).toEqual({ id: 1, authorId: 'a1' })
    expect(vi.mocked(console.warn).mock.calls.map(args => String(args[0]))).toEqual([
      expect.stringMatching(/^\[nuxt-pinia-orm\] Comment\.authorId was given "a1" \(a string\), but it is a number field/),
    ])
    vi.mocked(console.warn).mockClear()
  })

  it('says nothing in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    try {
      new Typed({ id: 1, name: 42 })
      useRepo(Typed, pinia).save({ id: 1, name: 42, nmae: 'typo' })
    }
    finally {
      vi.unstubAllEnvs()
    }
    expect(console.warn).not.toHaveBeenCalled()
    expect(data('typed')[1]!.name).toBe(42)
  })
})

describe('unknown keys in save() input', () => {
  it('warns once per model and field in dev, and stores only the model\'s attributes', () => {
    useRepo(User, pinia).save({ id: 1, nmae: 'typo' })
    useRepo(User, pinia).save([{ id: 2, nmae: 'again' }, { id: 3, phone: { id: 1, nubmer: 'x' } }])
    expect(data('users')[1]).toEqual({ id: 1, name: '', email: '' })
    expect(vi.mocked(console.warn).mock.calls.map(args => String(args[0]))).toEqual([
      expect.stringMatching(/User\.nmae.*not a field of User/),
      expect.stringMatching(/Phone\.nubmer.*not a field of Phone/),
    ])
    vi.mocked(console.warn).mockClear()
  })

  it('warns again for another Pinia (each request on a server is its own)', () => {
    useRepo(User, pinia).save({ id: 1, nmae: 'typo' })
    useRepo(User, createPinia()).save({ id: 1, nmae: 'typo' })
    expect(console.warn).toHaveBeenCalledTimes(2)
    vi.mocked(console.warn).mockClear()
  })
})

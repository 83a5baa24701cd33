// Bad input throws one clear OrmError and leaves every store exactly as it was.
import { createPinia, setActivePinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Model, OrmError, registerModels, useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'

let pinia: Pinia
let before: unknown
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save({ id: 1, name: 'Ann', phone: { id: 10, number: '111' }, posts: [{ id: 100 }] })
  before = JSON.parse(JSON.stringify(pinia.state.value))
})

function expectOrmError(run: () => unknown, ...parts: string[]) {
  let error: unknown
  try {
    run()
  }
  catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(OrmError)
  const message = (error as Error).message
  expect(message.startsWith('[nuxt-pinia-orm] ')).toBe(true)
  for (const part of parts)
    expect(message).toContain(part)
  return error as OrmError
}

describe('a failing save changes nothing', () => {
  it('a nested record without its primary key names the model, the key and where it is', () => {
    expectOrmError(
      () => useRepo(User, pinia).save([
        { id: 1, name: 'Changed' },
        { id: 2, name: 'Bob', phone: { number: '222' } },
      ]),
      'users[1].phone',
      'Phone',
      '\'id\'',
      'this.uid()',
    )
    expect(pinia.state.value).toEqual(before)
  })

  it('a record that is not an object names the model and what was given', () => {
    expectOrmError(() => useRepo(User, pinia).save([{ id: 2 }, 'Bob' as never]), 'users[1]', 'User record must be an object', 'string "Bob"')
    expectOrmError(() => useRepo(User, pinia).save({ id: 2, posts: [{ id: 5 }, 7] }), 'users.posts[1]', 'Post record', 'number 7')
    expect(pinia.state.value).toEqual(before)
  })

  it('a hasOne given an array and a hasMany given an object say what the relation takes', () => {
    expectOrmError(() => useRepo(User, pinia).save({ id: 2, phone: [{ id: 3 }] }), 'User.phone is a hasOne relation', 'an object or null')
    expectOrmError(() => useRepo(User, pinia).save({ id: 2, posts: { id: 3 } }), 'User.posts is a hasMany relation', 'an array')
    expect(pinia.state.value).toEqual(before)
  })

  it('two classes claiming one entity name both classes and the entity', () => {
    // The slip of the seed documentation: a Phone declared with the users entity.
    class SlipPhone extends Model {
      static override entity = 'users'
      static override fields() {
        return { id: this.attr(null), userId: this.attr(null), number: this.string('') }
      }
    }
    class SlipUser extends Model {
      static override entity = 'slip_users'
      static override fields() {
        return { id: this.attr(null), name: this.string(''), phone: this.hasOne(SlipPhone, 'userId') }
      }
    }

    expectOrmError(() => useRepo(SlipUser, pinia).save({ id: 1, name: 'John', phone: { id: 1, number: '123' } }), '\'users\'', 'User', 'SlipPhone', 'static entity')
    expect(pinia.state.value.users).toEqual((before as Record<string, unknown>).users)
    expect(pinia.state.value.slip_users!.data).toEqual({})
  })

  it('an unresolvable related model names the relation and what to do', () => {
    class Lost extends Model {
      static override entity = 'lost'
      static override fields() {
        return {
          id: this.attr(null),
          byName: this.hasOne('nowhere', 'lostId'),
          byThunk: this.hasOne((() => undefined) as never, 'lostId'),
          byThrow: this.hasOne(() => {
            throw new ReferenceError('Cannot access \'Later\' before initialization')
          }, 'lostId'),
        }
      }
    }
    const lost = useRepo(Lost, pinia)

    expectOrmError(() => lost.save({ id: 1, byName: { id: 2 } }), 'Lost.byName', '\'nowhere\'', 'registerModels')
    expectOrmError(() => lost.with('byThunk').get(), 'Lost.byThunk', 'returned undefined')
    const error = expectOrmError(() => lost.with('byThrow').get(), 'Lost.byThrow', 'threw')
    expect(error.cause).toBeInstanceOf(ReferenceError)
    expect(pinia.state.value.lost!.data).toEqual({})
  })

  it('a relation key that is not an attribute of the related model names both', () => {
    class Owner extends Model {
      static override entity = 'owners'
      static override fields() {
        return { id: this.attr(null), pet: this.hasOne(() => Pet, 'ownerId') }
      }
    }
    class Pet extends Model {
      static override entity = 'pets'
      static override fields() {
        return { id: this.attr(null) }
      }
    }

    expectOrmError(() => useRepo(Owner, pinia).save({ id: 1, pet: { id: 2 } }), 'Owner.pet', '\'ownerId\'', 'Pet', 'ownerId: this.attr(null)')
    expect(pinia.state.value.owners!.data).toEqual({})
  })
})

describe('queries and definitions', () => {
  it('an unknown relation in with() lists the known ones', () => {
    expectOrmError(() => useRepo(User, pinia).with('phon'), 'User has no relation \'phon\'', 'phone, posts')
    expectOrmError(() => useRepo(User, pinia).with('phone.owner'), 'Phone has no relation \'owner\' (in \'phone.owner\')', 'user')
  })

  it('an unknown field in where() lists the attributes; a new primary key in update() is refused', () => {
    expectOrmError(() => useRepo(User, pinia).where('nmae', 'Ann'), 'where() on User', '\'nmae\'', 'id, name, email')
    expectOrmError(() => useRepo(User, pinia).query().update({ id: 5 }), 'cannot change the primary key \'id\'')
    expect(pinia.state.value).toEqual(before)
  })

  it('a model without an entity, a field that is not a field', () => {
    class NoEntity extends Model {
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class BadField extends Model {
      static override entity = 'bad_fields'
      static override fields() {
        return { id: this.attr(null), name: 'Ann' as never }
      }
    }

    expectOrmError(() => useRepo(NoEntity, pinia), 'NoEntity has no entity', 'static entity')
    expectOrmError(() => useRepo(BadField, pinia), 'BadField.fields() gives \'name\'', 'this.attr()')
  })

  it('a model definition the ORM cannot keep apart or key is refused, naming the model and the static', () => {
    const define = (name: string, statics: Record<string, unknown>, fields: (this: typeof Model) => unknown = function () {
      return { id: this.attr(null) }
    }) => {
      const defined = class extends Model {
        static override fields() {
          return fields.call(this) as never
        }
      }
      Object.defineProperty(defined, 'name', { value: name })
      return Object.assign(defined, { entity: `${name.toLowerCase()}s`, ...statics })
    }
    // Pinia reads a store's state as pinia.state.value[id]: under 'constructor' it met Object's own
    // constructor and stored the records there, where every other Pinia saw them.
    for (const entity of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expectOrmError(() => useRepo(define('Thing', { entity }), pinia).save({ id: 1 }), `Model Thing has the entity '${entity}'`, `Object.prototype.${entity}`, 'Choose another entity')
    expect(Object.hasOwn(Object, 'data') || Object.hasOwn(Object.prototype, 'data')).toBe(false)

    expectOrmError(() => useRepo(define('Num', { primaryKey: 5 }), pinia), 'Num has `static primaryKey = the number 5`', 'composite key')
    // Every record was stored under the one key '[]'.
    expectOrmError(() => useRepo(define('Empty', { primaryKey: [] }), pinia), 'Empty has `static primaryKey = []`')
    expectOrmError(() => useRepo(define('Twice', { primaryKey: ['id', 'id'] }), pinia), 'Twice\'s primaryKey names \'id\' twice')
    expectOrmError(() => useRepo(define('Kids', { primaryKey: 'kids' }, function () {
      return { id: this.attr(null), kids: this.hasMany(Post, 'userId') }
    }), pinia), 'Kids\'s primaryKey names \'kids\', which is a relation of Kids')
    // An array was taken as fields '0', '1', ...
    expectOrmError(() => useRepo(define('Listed', {}, function () {
      return [this.attr(null)]
    }), pinia), 'Listed.fields() must return an object of fields', 'not an array')
    expectOrmError(() => useRepo(define('Spaced', { namespace: 5 }), pinia), 'Model Spaced has `static namespace = the number 5`')
    const itself = define('Itself', {}, function () {
      return { id: this.attr(null), ...(this.fields() as object) }
    })
    expectOrmError(() => useRepo(itself, pinia), 'Itself.fields() never returns: it calls itself')
    // Another RangeError in fields() is the app's own, and comes out as it is.
    expect(() => useRepo(define('Ranged', {}, function () {
      return { id: this.attr((1.5).toFixed(200)) }
    }), pinia)).toThrow(RangeError)
    // pinia-orm takes null for both, as nothing set.
    const nulls = define('Nulls', { namespace: null }, function () {
      return { id: this.attr(null), posts: this.hasMany(Post, 'userId').onDelete(null as never) }
    })
    useRepo(nulls, pinia).save({ id: 1, posts: [{ id: 1 }] })
    useRepo(nulls, pinia).destroy(1)
    expect(useRepo(Post, pinia).find(1)!.userId).toBe(1)
    // A rule other than the two acted as 'set null'.
    for (const [rule, shown] of [['cascades', '\'cascades\''], ['setNull', '\'setNull\''], [5, 'the number 5']] as const) {
      expectOrmError(() => useRepo(define('Ruled', {}, function () {
        return { id: this.attr(null), posts: this.hasMany(Post, 'userId').onDelete(rule as never) }
      }), pinia), `Ruled.posts has onDelete(${shown}): the rules are 'cascade'`, '\'set null\'')
    }
  })

  it('registerModels refuses two classes of one entity in one list', () => {
    class OtherUser extends Model {
      static override entity = 'people'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class People extends Model {
      static override entity = 'people'
      static override fields() {
        return { id: this.attr(null) }
      }
    }

    expectOrmError(() => registerModels(createPinia(), [OtherUser, People]), '\'people\'', 'OtherUser and People')
  })

  it('an unknown model given to useRepo() says what was given', () => {
    expectOrmError(() => useRepo(undefined as never, pinia), 'useRepo() takes a model class', 'not undefined', 'circular import')
    expectOrmError(() => useRepo({ entity: 'users' } as never, pinia), 'not object')
  })

  it('new() without a uid key and a repository used without Pinia say what to do', () => {
    expectOrmError(() => useRepo(Post, pinia).new(), 'new() on Post', 'this.uid()')
    setActivePinia(undefined)
    expectOrmError(() => useRepo(Phone).all(), 'useRepo(Phone)', 'no active Pinia', 'useRepo(Phone, pinia)')
    // Pinia itself reports the lookup of an active Pinia outside a component on a server.
    expect(vi.mocked(console.error).mock.calls.flat().join(' ')).toContain('PINIA_R1004')
    vi.mocked(console.error).mockClear()
  })
})

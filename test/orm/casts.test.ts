import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { ArrayCast, BooleanCast, CastAttribute, DateCast, Model, NumberCast, StringCast, useRepo } from '../../src/runtime/orm'
import { expectWarning } from './expectWarning'
import type { ModelFields } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'

  static override fields() {
    return {
      id: this.attr(null),
      firstName: this.string(''),
      lastName: this.string(''),
      age: this.number(0),
      registered: this.boolean(false),
      meta: this.attr({}),
      bornAt: this.attr(null),
    }
  }

  static override casts() {
    return { lastName: StringCast, age: NumberCast, registered: BooleanCast, meta: ArrayCast, bornAt: DateCast }
  }
}

describe('casts', () => {
  it('turns a number saved to a StringCast field into a string', () => {
    const user = useRepo(User, createPinia()).save({ id: 1, firstName: 'John', lastName: 1234 })
    expect(user.lastName).toBe('1234')
  })

  it('turns numeric strings into numbers and boolean-like strings into booleans', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, age: '42', registered: 'false' })
    const user = useRepo(User, pinia).find(1)!
    expect(user.age).toBe(42)
    expect(user.registered).toBe(false)
  })

  it('keeps an ArrayCast value as JSON text in the store and as data on instances', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, meta: { name: 'John', tags: ['a'] } })
    expect(useRepo(User, pinia).piniaStore().data['1']!.meta).toBe('{"name":"John","tags":["a"]}')
    expect(useRepo(User, pinia).find(1)!.meta).toEqual({ name: 'John', tags: ['a'] })
  })

  it('refuses a value JSON has no text for (a symbol, a function), writing nothing: it was stored as undefined', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, meta: ['keep'] })
    for (const [value, shown] of [[Symbol('s'), 'a symbol'], [() => 1, 'a function'], [{ toJSON: () => undefined }, 'an object']] as const) {
      expect(() => useRepo(User, pinia).save({ id: 1, meta: value })).toThrowError(`[nuxt-pinia-orm] User.meta: ArrayCast cannot store ${shown}: JSON has no text for it; store an array, an object or a string`)
      expect(() => useRepo(User, pinia).where('id', 1).update({ meta: value })).toThrowError('User.meta: ArrayCast cannot store')
    }
    expect(useRepo(User, pinia).piniaStore().data['1']!.meta).toBe('["keep"]')
  })

  it('parses a JSON string given to the constructor of a model with an ArrayCast', () => {
    expect(useRepo(User, createPinia()).make({ meta: '{"name":"John", "age":30, "car":null}' }).meta).toEqual({ name: 'John', age: 30, car: null })
  })

  it('keeps a DateCast value as an ISO string in the store and a Date on instances', () => {
    const pinia = createPinia()
    const saved = useRepo(User, pinia).save({ id: 1, bornAt: new Date(Date.UTC(2000, 0, 2)) })
    expect(useRepo(User, pinia).piniaStore().data['1']!.bornAt).toBe('2000-01-02T00:00:00.000Z')
    const found = useRepo(User, pinia).find(1)!
    expect(found.bornAt).toBeInstanceOf(Date)
    expect((found.bornAt as Date).toISOString()).toBe('2000-01-02T00:00:00.000Z')
    expect(saved.bornAt).toEqual(found.bornAt)
  })

  it('accepts a date string or a timestamp for a DateCast field and leaves null as null', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save([{ id: 1, bornAt: '2000-01-02T00:00:00Z' }, { id: 2, bornAt: Date.UTC(2000, 0, 2) }, { id: 3, bornAt: null }])
    const data = useRepo(User, pinia).piniaStore().data
    expect(data['1']!.bornAt).toBe('2000-01-02T00:00:00.000Z')
    expect(data['2']!.bornAt).toBe('2000-01-02T00:00:00.000Z')
    expect(data['3']!.bornAt).toBeNull()
    expect(useRepo(User, pinia).find(3)!.bornAt).toBeNull()
  })

  it('refuses a value that is no date for a DateCast field, naming model, field and value, and writes nothing', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, bornAt: '2000-01-02T00:00:00Z' })
    expect(() => useRepo(User, pinia).save([{ id: 2, bornAt: '2001-01-01' }, { id: 1, bornAt: 'someday' }]))
      .toThrowError('[nuxt-pinia-orm] User.bornAt: DateCast cannot store "someday": it is not a date. Give a Date, a timestamp in milliseconds, a date string (ISO 8601) or null.')
    expect(() => useRepo(User, pinia).save({ id: 3, bornAt: true })).toThrowError('[nuxt-pinia-orm] User.bornAt: DateCast cannot store a boolean: it is not a date.')
    expect(() => useRepo(User, pinia).save({ id: 3, bornAt: new Date('nope') })).toThrowError('User.bornAt: DateCast cannot store an invalid Date: it is not a date.')
    expect(Object.keys(useRepo(User, pinia).piniaStore().data)).toEqual(['1'])
    expect(useRepo(User, pinia).piniaStore().data['1']!.bornAt).toBe('2000-01-02T00:00:00.000Z')
  })

  it('names the model and field when a custom cast\'s set() throws, keeping its error as the cause', () => {
    class Strict extends CastAttribute {
      override set(value: unknown): unknown {
        if (typeof value !== 'number')
          throw new Error('only numbers')
        return value
      }
    }
    class Reading extends Model {
      static override entity = 'strictReadings'
      static override fields() {
        return { id: this.attr(null), value: this.attr(0) }
      }

      static override casts() {
        return { value: Strict }
      }
    }
    const pinia = createPinia()
    let thrown: unknown
    try {
      useRepo(Reading, pinia).save({ id: 1, value: 'x' })
    }
    catch (error) {
      thrown = error
    }
    expect((thrown as Error).message).toBe('[nuxt-pinia-orm] Reading.value: Strict cannot store "x": only numbers')
    expect(((thrown as Error).cause as Error).message).toBe('only numbers')
    expect(pinia.state.value.strictReadings!.data).toEqual({})
  })

  it('saving an instance read back keeps the stored form unchanged', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, meta: ['x'], bornAt: '2000-01-02T00:00:00.000Z' })
    const before = { ...useRepo(User, pinia).piniaStore().data['1'] }
    useRepo(User, pinia).save(useRepo(User, pinia).find(1)! as unknown as Record<string, unknown>)
    expect(useRepo(User, pinia).piniaStore().data['1']).toEqual(before)
  })

  it('applies casts to the values of update()', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1 })
    useRepo(User, pinia).where('id', 1).update({ bornAt: new Date(Date.UTC(2001, 1, 3)), age: '7' })
    expect(useRepo(User, pinia).piniaStore().data['1']).toMatchObject({ bornAt: '2001-02-03T00:00:00.000Z', age: 7 })
  })
})

describe('custom casts', () => {
  class Prefix extends CastAttribute<string> {
    override get(value: unknown): string {
      const prefix = String(this.getParameters().prefix ?? 'string ')
      return typeof value === 'string' && !value.startsWith(prefix) ? `${prefix}${value}` : value as string
    }

    override set(value: unknown): unknown {
      return this.get(value)
    }
  }

  it('stores what set() returns and shows what get() returns', () => {
    class Note extends Model {
      static override entity = 'notes'
      static override fields() {
        return { id: this.attr(null), text: this.attr('') }
      }

      static override casts() {
        return { text: Prefix }
      }
    }
    const pinia = createPinia()
    useRepo(Note, pinia).save({ id: 1, text: 'hello' })
    expect(useRepo(Note, pinia).piniaStore().data['1']!.text).toBe('string hello')
    expect(useRepo(Note, pinia).find(1)!.text).toBe('string hello')
  })

  it('gets the model\'s attributes in its constructor, as pinia-orm gives a cast the model\'s fields', () => {
    const seen: string[][] = []
    class Cents extends CastAttribute<number> {
      constructor(attributes: ModelFields) {
        super(attributes)
        seen.push(Object.keys(attributes))
      }

      override get(value: unknown): number {
        return Number(value) / 100
      }

      override set(value: unknown): unknown {
        return Math.round(Number(value) * 100)
      }
    }
    class Price extends Model {
      static override entity = 'castPrices'
      static override fields() {
        return { id: this.attr(null), amount: this.number(0) }
      }

      static override casts() {
        return { amount: Cents }
      }
    }
    const pinia = createPinia()
    useRepo(Price, pinia).save({ id: 1, amount: 2.5 })
    expect(useRepo(Price, pinia).piniaStore().data['1']!.amount).toBe(250)
    expect(useRepo(Price, pinia).find(1)!.amount).toBe(2.5)
    expect(seen).toEqual([['id', 'amount']])
    expect(Cents.newRawInstance(Price.fields())).toBeInstanceOf(Cents)
  })

  it('reads the parameters given with withParameters(), leaving the cast class itself unchanged', () => {
    const Hash = Prefix.withParameters({ prefix: '#' })
    class Tag extends Model {
      static override entity = 'tags'
      static override fields() {
        return { id: this.attr(null), name: this.attr('') }
      }

      static override casts() {
        return { name: Hash }
      }
    }
    const pinia = createPinia()
    useRepo(Tag, pinia).save({ id: 1, name: 'vue' })
    expect(useRepo(Tag, pinia).find(1)!.name).toBe('#vue')
    expect(Prefix.parameters).toBeUndefined()
    expect(new Prefix().get('x')).toBe('string x')
  })

  it('gives a cast pinia-orm\'s $parameters, $self() and newRawInstance()', () => {
    class Suffix extends CastAttribute {
      override get(value: unknown) {
        return typeof value === 'string' ? `${value}${this.$parameters.suffix ?? ''}` : value
      }
    }
    const Bang = Suffix.withParameters({ suffix: '!' })
    const cast = Bang.newRawInstance()

    expect(cast).toBeInstanceOf(Suffix)
    expect(cast.$self()).toBe(Bang)
    expect(cast.$parameters).toEqual({ suffix: '!' })
    expect(cast.get('hi')).toBe('hi!')
    expect(new Suffix().$parameters).toEqual({})
  })

  it('warns, naming the model and field, when casts() or mutators() name no field, and converts the rest (pinia-orm ignores such names)', () => {
    class Loose extends Model {
      static override entity = 'loose-casts'
      static override fields() {
        return { id: this.attr(null), status: this.attr('') }
      }

      static override casts() {
        return { missing: DateCast }
      }

      static override mutators() {
        return { Status: { set: (value: string) => value.toUpperCase() }, status: { set: (value: string) => value.trim() } }
      }
    }
    const repo = useRepo(Loose, createPinia())
    expect(vi.mocked(console.warn).mock.calls.map(([message]) => String(message))).toEqual([
      '[nuxt-pinia-orm] Loose.casts() names \'missing\', which is no field of Loose, so it converts nothing (as in pinia-orm). Its attributes are: id, status. Remove it, or declare \'missing\' in Loose.fields().',
      '[nuxt-pinia-orm] Loose.mutators() names \'Status\', which is no field of Loose, so it converts nothing (as in pinia-orm). Its attributes are: id, status. Remove it, or declare \'Status\' in Loose.fields().',
    ])
    vi.mocked(console.warn).mockClear()
    expect(repo.save({ id: 1, status: ' open ', missing: 'x' }).$getAttributes()).toEqual({ id: 1, status: 'open' })
    expectWarning('Loose', '\'missing\' is not a field')
  })

  it('throws when casts() or mutators() name a relation: they convert attributes only', () => {
    class Tag extends Model {
      static override entity = 'cast-tags'
      static override fields() {
        return { id: this.attr(null), postId: this.attr(null) }
      }
    }
    class Post extends Model {
      static override entity = 'cast-posts'
      static override fields() {
        return { id: this.attr(null), tags: this.hasMany(Tag, 'postId') }
      }

      static override mutators() {
        return { tags: (value: unknown) => value }
      }
    }
    expect(() => useRepo(Post, createPinia())).toThrow('[nuxt-pinia-orm] Post.mutators() names \'tags\', a relation of Post: mutators apply to attributes only. Its attributes are: id.')
  })

  it('throws when casts() gives something that is not a cast class', () => {
    class Bad extends Model {
      static override entity = 'bad-cast-value'
      static override fields() {
        return { id: this.attr(null), at: this.attr(null) }
      }

      static override casts() {
        return { at: new DateCast() as unknown as typeof DateCast }
      }
    }
    expect(() => useRepo(Bad, createPinia())).toThrow(/Bad\.casts\(\) gives 'at' a value that is not a cast class/)
  })
})

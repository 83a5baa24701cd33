// The id casts of nuxt-pinia-orm/nanoid and nuxt-pinia-orm/uuid/*, used as pinia-orm's documentation
// and tests use them: `static casts() { return { id: UidCast } }` on `this.attr('')` or `this.uid()`.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { Model, OrmError, useRepo } from '../../src/runtime/orm'
import type { CastClass } from '../../src/runtime/orm'
import { UidCast as NanoidCast } from '../../src/runtime/orm/nanoid'
import { UidCast as NonSecureCast } from '../../src/runtime/orm/nanoid/non-secure'
import { UidCast as AsyncCast } from '../../src/runtime/orm/nanoid/async'
import { UidCast as V1Cast } from '../../src/runtime/orm/uuid/v1'
import { UidCast as V4Cast } from '../../src/runtime/orm/uuid/v4'

const NANOID = /^[\w-]{21}$/
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const UUID_V1 = /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let entities = 0

/** A model as pinia-orm's tests declare one: `id: this.attr('')` with the cast on it. */
function modelWith(cast: CastClass, key: () => ReturnType<typeof Model.attr> | ReturnType<typeof Model.uid> = () => Model.attr('')) {
  const entity = `uid_cast_${entities++}`
  return class User extends Model {
    static override entity = entity
    static override fields() {
      return { id: key(), name: this.string('') }
    }

    static override casts() {
      return { id: cast }
    }

    declare id: string
    declare name: string
  }
}

function storedKeys(pinia: Pinia, model: { entity: string }): string[] {
  return Object.keys((pinia.state.value[model.entity] as { data: object }).data)
}

describe.each([
  ['nuxt-pinia-orm/nanoid', NanoidCast, NANOID],
  ['nuxt-pinia-orm/nanoid/non-secure', NonSecureCast, NANOID],
  ['nuxt-pinia-orm/nanoid/async', AsyncCast, NANOID],
  ['nuxt-pinia-orm/uuid/v1', V1Cast, UUID_V1],
  ['nuxt-pinia-orm/uuid/v4', V4Cast, UUID_V4],
] as const)('UidCast of %s', (_name, cast, shape) => {
  it('gives a new instance an id of its shape', () => {
    const User = modelWith(cast)
    expect(new User().id).toMatch(shape)
  })

  it('keys a record saved without an id by the id it generates, the one the saved instance has', () => {
    const pinia = createPinia()
    const User = modelWith(cast)
    const saved = useRepo(User, pinia).save({ name: 'Ada' })
    expect(saved.id).toMatch(shape)
    expect(storedKeys(pinia, User)).toEqual([saved.id])
    expect(useRepo(User, pinia).find(saved.id)!.$toJson()).toEqual({ id: saved.id, name: 'Ada' })
  })

  it('keeps a given id, and generates one for null', () => {
    const pinia = createPinia()
    const User = modelWith(cast)
    const [given, nulled] = useRepo(User, pinia).save([{ id: 'given-id', name: 'Ada' }, { id: null, name: 'Grace' }])
    expect(given!.id).toBe('given-id')
    expect(nulled!.id).toMatch(shape)
    expect(storedKeys(pinia, User).sort()).toEqual(['given-id', nulled!.id].sort())
  })

  it('generates a different id for each record', () => {
    const pinia = createPinia()
    const User = modelWith(cast)
    const saved = useRepo(User, pinia).save(Array.from({ length: 500 }, (_, i) => ({ name: `user ${i}` })))
    expect(new Set(saved.map(user => user.id)).size).toBe(500)
    expect(useRepo(User, pinia).all()).toHaveLength(500)
  })

  it('takes the place of the uid() default when the key is declared with this.uid()', () => {
    const pinia = createPinia()
    const User = modelWith(cast, () => Model.uid())
    expect(useRepo(User, pinia).save({ name: 'Ada' }).id).toMatch(shape)
    expect(useRepo(User, pinia).new()!.id).toMatch(shape)
  })
})

describe('nanoid UidCast parameters', () => {
  it('win over this.uid()\'s own 21-character default on a key declared with it', () => {
    const User = modelWith(NanoidCast.withParameters({ size: 10 }), () => Model.uid())
    expect(useRepo(User, createPinia()).save({ name: 'Ada' }).id).toMatch(/^[\w-]{10}$/)
  })

  it('makes ids of the given size from the given alphabet, and leaves UidCast itself as it was', () => {
    const Sized = modelWith(NanoidCast.withParameters({ size: 8, alphabet: 'abc' }))
    const ids = useRepo(Sized, createPinia()).save(Array.from({ length: 200 }, () => ({}))).map(user => user.id)
    for (const id of ids)
      expect(id).toMatch(/^[abc]{8}$/)
    // 1,600 characters: each of the three appears (a missing one has odds below 1e-280).
    expect(new Set(ids.join(''))).toEqual(new Set(['a', 'b', 'c']))
    expect(new (modelWith(NanoidCast))().id).toMatch(NANOID)
  })

  it('takes the size alone, with the URL-safe alphabet', () => {
    expect(new (modelWith(NanoidCast.withParameters({ size: 5 })))().id).toMatch(/^[\w-]{5}$/)
  })

  it('refuses a bad size, a bad alphabet and an unknown option when the model is first used, naming it', () => {
    const use = (parameters: Record<string, unknown>) => () => useRepo(modelWith(NanoidCast.withParameters(parameters)), createPinia()).all()
    expect(use({ size: 0 })).toThrow(OrmError)
    expect(use({ size: 0 })).toThrow('UidCast.withParameters({ size }) of nuxt-pinia-orm/nanoid needs a positive whole number, not 0.')
    expect(use({ alphabet: 'a' })).toThrow('({ alphabet }) of nuxt-pinia-orm/nanoid needs a string of 2 to 256 characters')
    expect(use({ length: 4 })).toThrow('got \'length\', which it does not take. Its options are size and alphabet.')
  })
})

describe('uuid v4 UidCast options', () => {
  it('refuses the uuid package\'s options, which it does not support', () => {
    const User = modelWith(V4Cast.withParameters({ rng: () => new Uint8Array(16) }))
    expect(() => new User()).toThrow('UidCast of nuxt-pinia-orm/uuid/v4 takes no options, but got \'rng\'')
  })
})

describe('nanoid/async UidCast', () => {
  it('gives the id at once, which code that awaits it (as pinia-orm\'s does) still gets', async () => {
    const User = modelWith(AsyncCast)
    const user = new User()
    expect(typeof user.id).toBe('string')
    expect(await user.id).toBe(user.id)
  })
})

describe('an id cast on a field that is not the key', () => {
  class Token extends Model {
    static override entity = 'uid_cast_tokens'
    static override fields() {
      return { id: this.attr(null), token: this.attr(null), label: this.string('') }
    }

    static override casts() {
      return { token: NanoidCast }
    }
  }

  it('fills it on a new record and keeps it when the record is updated without it', () => {
    const pinia = createPinia()
    const token = useRepo(Token, pinia).save({ id: 1, label: 'a' }).token as string
    expect(token).toMatch(NANOID)
    useRepo(Token, pinia).save({ id: 1, label: 'b' })
    expect(useRepo(Token, pinia).find(1)!.$toJson()).toEqual({ id: 1, token, label: 'b' })
  })
})

describe('an id field given null', () => {
  // pinia-orm's uid: the value given, or a new id when it is null or undefined.
  class Ticket extends Model {
    static override entity = 'uid_null_tickets'
    static override fields() {
      return { id: this.uid(), code: this.uid({ size: 5 }), token: this.attr(null), label: this.string('') }
    }

    static override casts() {
      return { token: NanoidCast }
    }

    declare id: string
    declare code: string
    declare token: string
    declare label: string
  }

  it('gets a new id from save() and update(), as when it is left out', () => {
    const pinia = createPinia()
    const saved = useRepo(Ticket, pinia).save({ id: null, code: null, token: null, label: 'a' })
    expect(saved.id).toMatch(NANOID)
    expect(saved.code).toMatch(/^[\w-]{5}$/)
    expect(saved.token).toMatch(NANOID)
    expect(useRepo(Ticket, pinia).find(saved.id as string)!.$toJson()).toEqual({ id: saved.id, code: saved.code, token: saved.token, label: 'a' })

    const updated = useRepo(Ticket, pinia).save({ id: saved.id, code: null, label: 'b' })
    expect(updated.code).toMatch(/^[\w-]{5}$/)
    expect(updated.code).not.toBe(saved.code)
    expect(updated.token).toBe(saved.token)

    useRepo(Ticket, pinia).where('label', 'b').update({ token: null })
    const token = useRepo(Ticket, pinia).find(saved.id as string)!.token
    expect(token).toMatch(NANOID)
    expect(token).not.toBe(saved.token)
  })

  it('gets a new id for each record a query\'s update() changes', () => {
    const pinia = createPinia()
    useRepo(Ticket, pinia).save([{ id: 'a', label: 'x' }, { id: 'b', label: 'x' }])
    useRepo(Ticket, pinia).where('label', 'x').update({ code: null, token: null })
    const [a, b] = useRepo(Ticket, pinia).orderBy('id').get()
    expect(a!.code).toMatch(/^[\w-]{5}$/)
    expect(a!.token).toMatch(NANOID)
    expect(b!.code).not.toBe(a!.code)
    expect(b!.token).not.toBe(a!.token)
  })

  it('gets a new id in new Model({ ... }) and make()', () => {
    const made = new Ticket({ id: null, code: null, token: null })
    expect(made.id).toMatch(NANOID)
    expect(made.code).toMatch(/^[\w-]{5}$/)
    expect(made.token).toMatch(NANOID)
    expect(useRepo(Ticket, createPinia()).make({ code: null }).code).toMatch(/^[\w-]{5}$/)
  })
})

describe('id casts in nested saves', () => {
  class Author extends Model {
    static override entity = 'uid_cast_authors'
    static override fields() {
      return { id: this.uid(), name: this.string(''), posts: this.hasMany(() => Post, 'authorId') }
    }

    static override casts() {
      return { id: V4Cast }
    }

    declare id: string
  }

  class Post extends Model {
    static override entity = 'uid_cast_posts'
    static override fields() {
      return { id: this.uid(), authorId: this.attr(null), title: this.string('') }
    }

    static override casts() {
      return { id: NanoidCast.withParameters({ size: 10 }) }
    }
  }

  it('key the parent and its children before linking them, and read back with the relation', () => {
    const pinia = createPinia()
    const author = useRepo(Author, pinia).save({ name: 'Ada', posts: [{ title: 'Notes' }, { title: 'Engine' }] })
    expect(author.id).toMatch(UUID_V4)
    const read = useRepo(Author, pinia).with('posts', query => query.orderBy('title')).find(author.id)!
    expect(read.$toJson()).toEqual({
      id: author.id,
      name: 'Ada',
      posts: [
        { id: expect.stringMatching(/^[\w-]{10}$/), authorId: author.id, title: 'Engine' },
        { id: expect.stringMatching(/^[\w-]{10}$/), authorId: author.id, title: 'Notes' },
      ],
    })
    expect(storedKeys(pinia, Post).sort()).toEqual(useRepo(Post, pinia).all().map(post => post.id as string).sort())
  })
})

describe('ids drawn', () => {
  it('are one per record made, none when a model is first used', () => {
    class Ticket extends Model {
      static override entity = 'tickets_drawn'
      static override fields() {
        return { id: this.uid(), title: this.string('') }
      }
    }
    const draws = vi.spyOn(globalThis.crypto, 'getRandomValues')
    const saved = useRepo(Ticket, createPinia()).save([{ title: 'a' }, { title: 'b' }])
    // The default alphabet has 64 characters: every random byte is used, one draw per id.
    expect(draws).toHaveBeenCalledTimes(2)
    expect(new Set(saved.map(ticket => ticket.id)).size).toBe(2)
  })
})

// pinia-orm 1.10's model instance API: each test uses a method as pinia-orm documents it (its API
// pages and type declarations), with values checked against pinia-orm 1.10.2 where its pages are
// silent.
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { DateCast, HasMany, Model, StringAttr, createORM, useRepo } from '../../src/runtime/orm'

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string('John Doe'), age: this.number(0), posts: this.hasMany(Post, 'userId') }
  }

  declare id: number | null
  declare name: string
  declare age: number
}

class Member extends Model {
  static override entity = 'members'
  static override primaryKey = ['teamId', 'userId']
  static override fields() {
    return { teamId: this.attr(null), userId: this.attr(null) }
  }
}

describe('$fill', () => {
  it('$fill() without attributes fills in the defaults of the fields that have no value', () => {
    const user = new User(undefined, { fill: false })
    user.$fill()
    expect({ ...user }).toEqual({ id: null, name: 'John Doe', age: 0, posts: [] })
  })

  it('$fill() without attributes keeps the values an instance has', () => {
    const user = new User({ id: 1, name: 'Jane' })
    expect(user.$fill()).toBe(user)
    expect({ ...user }).toEqual({ id: 1, name: 'Jane', age: 0, posts: [] })
  })

  it('$fill(attributes) sets the given fields and keeps the others', () => {
    const user = new User({ id: 1, name: 'Jane', age: 30 })
    user.$fill({ name: 'Ann' })
    expect({ ...user }).toEqual({ id: 1, name: 'Ann', age: 30, posts: [] })
  })
})

describe('$getKey and $getIndexId with a record', () => {
  it('$getKey(record) gives the record\'s key, not the instance\'s', () => {
    const user = new User({ id: 1 })
    expect(user.$getKey({ id: 'zz' })).toBe('zz')
    expect(user.$getKey({})).toBeNull()
    expect(user.$getKey()).toBe(1)
  })

  it('$getKey(record) of a composite key gives the record\'s values, or null when one is missing', () => {
    const member = new Member({ teamId: 1, userId: 2 })
    expect(member.$getKey({ teamId: 3, userId: 4 })).toEqual([3, 4])
    expect(member.$getKey({ teamId: 3 })).toBeNull()
  })

  it('$getKey(record, true) gives a composite key as the string the store keys it by', () => {
    const member = new Member({ teamId: 1, userId: 2 })
    expect(member.$getKey(undefined, true)).toBe('[1,2]')
    expect(member.$getKey({ teamId: 3, userId: 4 }, true)).toBe('[3,4]')
    expect(member.$getKey({ teamId: 3 }, true)).toBeNull()
    // A one-field key is its value either way.
    expect(new User({ id: 1 }).$getKey(undefined, true)).toBe(1)
  })

  it('$getIndexId(record) gives the key the store keeps the record under', () => {
    expect(new User({ id: 1 }).$getIndexId({ id: 7 })).toBe('7')
    expect(new Member({ teamId: 1, userId: 2 }).$getIndexId({ teamId: 5, userId: 6 })).toBe('[5,6]')
  })
})

describe('$toJson(model?, options?)', () => {
  it('$toJson(model) serializes the given model instead of the instance', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    const john = users.save({ id: 1, name: 'John', posts: [{ id: 3, title: 'a' }] })
    const jane = users.save({ id: 2, name: 'Jane' })
    expect(jane.$toJson(john)).toEqual({ id: 1, name: 'John', age: 0, posts: [{ id: 3, userId: 1, title: 'a' }] })
  })

  it('$toJson(model, { relations: false }) leaves the relations out', () => {
    const john = useRepo(User, createPinia()).save({ id: 1, name: 'John', posts: [{ id: 3, title: 'a' }] })
    expect(john.$toJson(undefined, { relations: false })).toEqual({ id: 1, name: 'John', age: 0 })
    expect(john.$toJson(john, { relations: false })).toEqual({ id: 1, name: 'John', age: 0 })
    expect(john.$toJson()).toEqual({ id: 1, name: 'John', age: 0, posts: [{ id: 3, userId: 1, title: 'a' }] })
  })
})

describe('$toJson() serializes the model as POJO', () => {
  class Event extends Model {
    static override entity = 'events'
    static override fields() {
      return { id: this.attr(null), at: this.attr(null), settings: this.attr(null), tags: this.attr(null) }
    }

    static override casts() {
      return { at: DateCast }
    }

    declare id: number
    declare at: Date | null
    declare settings: { theme: { dark: boolean } } | null
    declare tags: string[][] | null
  }

  it('gives copies of nested objects and arrays: changing them changes neither the instance nor the store', () => {
    const pinia = createPinia()
    const events = useRepo(Event, pinia)
    events.save({ id: 1, settings: { theme: { dark: true } }, tags: [['a']] })
    const event = events.find(1)!
    const json = event.$toJson() as { settings: { theme: { dark: boolean } }, tags: string[][] }
    expect(json).toEqual({ id: 1, at: null, settings: { theme: { dark: true } }, tags: [['a']] })

    json.settings.theme.dark = false
    json.tags[0]!.push('b')

    expect(event.settings!.theme.dark).toBe(true)
    expect(event.tags).toEqual([['a']])
    expect(pinia.state.value.events!.data[1]).toEqual({ id: 1, at: null, settings: { theme: { dark: true } }, tags: [['a']] })
    expect(events.find(1)!.$toJson()).toEqual({ id: 1, at: null, settings: { theme: { dark: true } }, tags: [['a']] })
  })

  it('gives a date as its ISO string, as JSON does, and an object with toJSON() as what that gives', () => {
    const event = useRepo(Event, createPinia()).save({ id: 1, at: '2020-01-01T10:00:00.000Z', settings: { theme: { dark: true, since: new Date(Date.UTC(2021, 0, 2)) } } })
    expect(event.at).toBeInstanceOf(Date)
    expect(event.$toJson()).toEqual({ id: 1, at: '2020-01-01T10:00:00.000Z', settings: { theme: { dark: true, since: '2021-01-02T00:00:00.000Z' } }, tags: null })
    const money = { cents: 150, toJSON: () => '1.50 EUR' }
    expect(new Event({ id: 2, settings: money }).$toJson().settings).toBe('1.50 EUR')
    expect(JSON.parse(JSON.stringify(event))).toEqual(event.$toJson())
  })

  it('copies an instance made with new, and its loaded relations, the same way', () => {
    const tags = [['x']]
    const event = new Event({ id: 3, tags })
    const json = event.$toJson() as { tags: string[][] }
    expect(json.tags).toEqual([['x']])
    expect(json.tags).not.toBe(tags)
    expect(json.tags[0]).not.toBe(tags[0])

    const user = useRepo(User, createPinia()).save({ id: 1, posts: [{ id: 3, title: 'a' }] })
    const posts = user.$toJson().posts as Record<string, unknown>[]
    posts[0]!.title = 'changed'
    expect(user.posts![0]!.title).toBe('a')
  })

  it('throws, naming the model and field, for a value that contains itself', () => {
    const settings: Record<string, unknown> = { theme: 'dark' }
    settings.self = settings
    const event = new Event({ id: 4, settings })
    expect(() => event.$toJson()).toThrow('[nuxt-pinia-orm] Event.$toJson(): the value of \'settings\' contains itself')
  })
})

describe('views of the model\'s definition', () => {
  class Comment extends Model {
    static override entity = 'comments'
    static override fields() {
      return { id: this.attr(null), body: this.string('') }
    }
  }

  class Account extends Model {
    static override entity = 'accounts'
    static override namespace = 'app'
    static override hidden = ['secret']
    static override visible = ['name']
    static override config = { withMeta: true }
    static override piniaOptions = { state: () => ({ filter: 'all' }) }
    static override fields() {
      return { id: this.attr(null), name: this.string(''), born: this.attr(null), secret: this.string(''), comments: this.hasMany(Comment, 'accountId') }
    }

    static override casts() {
      return { born: DateCast }
    }

    static override mutators() {
      return { name: (value: unknown) => String(value).toUpperCase() }
    }
  }

  class Person extends Model {
    static override entity = 'people'
    static override types() {
      return { ADULT: Adult }
    }

    static override fields() {
      return { id: this.attr(null), type: this.attr('') }
    }
  }

  class Adult extends Person {
    static override entity = 'adults'
    static override baseEntity = 'people'
    static override fields() {
      return { ...super.fields(), job: this.string('') }
    }
  }

  it('$primaryKey() gives the primary key\'s field name, or names for a composite key', () => {
    expect(new Comment().$primaryKey()).toBe('id')
    expect(new Member().$primaryKey()).toEqual(['teamId', 'userId'])
  })

  it('$fields() gives the attributes, the keys the relations keep among them, then the relations', () => {
    const fields = new Account().$fields()
    expect(Object.keys(fields)).toEqual(['id', 'name', 'born', 'secret', '_meta', 'comments'])
    expect(fields.name).toBeInstanceOf(StringAttr)
    expect(fields.comments).toBeInstanceOf(HasMany)
    expect(Object.keys(new Post().$fields())).toEqual(['id', 'userId', 'title'])
  })

  it('$config() gives the model\'s static config, or {} without one', () => {
    expect(new Account().$config()).toEqual({ withMeta: true })
    expect(new Comment().$config()).toEqual({})
  })

  it('$namespace(), $modelEntity() and $storeName() give the namespace, the entity with it and the store id', () => {
    const account = new Account()
    expect(account.$namespace()).toBe('app')
    expect(account.$modelEntity()).toBe('app/accounts')
    expect(account.$storeName()).toBe('app/accounts')
    expect(account.$storeName()).toBe(useRepo(Account, createPinia()).piniaStore().$id)
    const comment = new Comment()
    expect([comment.$namespace(), comment.$modelEntity(), comment.$storeName()]).toEqual(['', 'comments', 'comments'])
  })

  it('the static usedNamespace() and modelEntity() give the model\'s namespace and entity with it', () => {
    expect(Account.usedNamespace()).toBe('app')
    expect(Account.modelEntity()).toBe('app/accounts')
    expect(Comment.usedNamespace()).toBe('')
    expect(Comment.modelEntity()).toBe('comments')
  })

  it('an instance read from a Pinia sees the namespace of its createORM({ model }) defaults', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ model: { namespace: 'orm' } }))
    const comment = useRepo(Comment, pinia).save({ id: 1 })
    expect([comment.$namespace(), comment.$modelEntity(), comment.$storeName()]).toEqual(['orm', 'orm/comments', 'orm/comments'])
    expect(comment.$storeName()).toBe(useRepo(Comment, pinia).piniaStore().$id)
  })

  it('under single-table inheritance, $baseEntity() and $storeName() name the base model\'s store, $entity() and $modelEntity() the subclass', () => {
    const adult = new Adult({ id: 1 })
    expect(adult.$entity()).toBe('adults')
    expect(adult.$modelEntity()).toBe('adults')
    expect(adult.$baseEntity()).toBe('people')
    expect(adult.$storeName()).toBe('people')
    expect(new Comment().$baseEntity()).toBe('comments')
  })

  it('$typeKey() and $types() give the type field and the subclasses by type', () => {
    expect(new Adult().$typeKey()).toBe('type')
    expect(new Adult().$types()).toEqual({ ADULT: Adult })
    expect(new Comment().$types()).toEqual({})
  })

  it('$hidden() and $visible() give the fields the model hides and lists as visible', () => {
    const account = new Account()
    expect(account.$hidden()).toEqual(['secret'])
    expect(account.$visible()).toEqual(['name'])
    expect(new Comment().$hidden()).toEqual([])
    expect(new Comment().$visible()).toEqual([])
  })

  it('$hidden() of an instance read from a Pinia falls back to its createORM({ model: { hidden } })', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ model: { hidden: ['body'] } }))
    expect(useRepo(Comment, pinia).save({ id: 1 }).$hidden()).toEqual(['body'])
  })

  it('$casts(), $getCasts() and $getMutators() give the casts and mutators by field', () => {
    const account = new Account()
    expect(account.$casts()).toEqual({ born: DateCast })
    expect(account.$getCasts()).toEqual({ born: DateCast })
    expect(Object.keys(account.$getMutators())).toEqual(['name'])
    expect(new Comment().$casts()).toEqual({})
  })

  it('$piniaOptions() gives the model\'s static piniaOptions, or {}', () => {
    expect(new Account().$piniaOptions()).toBe(Account.piniaOptions)
    expect(new Comment().$piniaOptions()).toEqual({})
  })

  it('$getRelation(name) gives the relation declared under that name', () => {
    expect(new User().$getRelation('posts')).toBeInstanceOf(HasMany)
    expect(() => new User().$getRelation('name')).toThrow('[nuxt-pinia-orm] User has no relation \'name\'. Its relations are: posts.')
  })

  it('$setRelation(name, models) sets the relation on the instance and returns it', () => {
    const user = new User({ id: 1 })
    const post = new Post({ id: 2 })
    expect(user.$setRelation('posts', [post])).toBe(user)
    expect((user as unknown as { posts: Post[] }).posts).toEqual([post])
    user.$setRelation('posts', null)
    expect((user as unknown as { posts: null }).posts).toBeNull()
    expect(() => user.$setRelation('nope', [post])).toThrow('[nuxt-pinia-orm] User has no relation \'nope\'.')
  })

  it('$newInstance(attributes) makes a new instance of the same model', () => {
    const user = new User({ id: 1, name: 'Jane' })
    const other = user.$newInstance({ id: 5 })
    expect(other).toBeInstanceOf(User)
    expect(other).not.toBe(user)
    expect(other.$getAttributes()).toEqual({ id: 5, name: 'John Doe', age: 0 })
    expect({ ...user.$newInstance({ id: 5 }, { fill: false }) }).toEqual({})
  })

  it('setFieldDeleteMode(field, mode) sets what deleting does to a relation, as @OnDelete does', () => {
    class Tag extends Model {
      static override entity = 'tags'
      static override fields() {
        return { id: this.attr(null), ownerId: this.attr(null) }
      }
    }
    class Owner extends Model {
      static override entity = 'owners'
      static override fields() {
        return { id: this.attr(null), tags: this.hasMany(Tag, 'ownerId') }
      }
    }
    expect(Owner.setFieldDeleteMode('tags', 'cascade')).toBe(Owner)
    const pinia = createPinia()
    useRepo(Owner, pinia).save({ id: 1, tags: [{ id: 1 }, { id: 2 }] })
    useRepo(Owner, pinia).destroy(1)
    expect(useRepo(Tag, pinia).all()).toEqual([])
  })

  it('$fillMeta() and $piniaExtend() throw, saying they are not supported and where to read more', () => {
    const user = new User() as unknown as Record<string, () => unknown>
    expect(() => user.$fillMeta!()).toThrow('[nuxt-pinia-orm] User: $fillMeta() is a pinia-orm model method that is not supported yet, see docs/migration-from-pinia-orm.md.')
    expect(() => user.$piniaExtend!()).toThrow('[nuxt-pinia-orm] User: $piniaExtend() is a pinia-orm model method that is not supported yet, see docs/migration-from-pinia-orm.md.')
  })
})

describe('pinia-orm statics that are not supported', () => {
  it('a model that declares static metaKey or baseNamespace is warned about in development, once', () => {
    class Renamed extends Model {
      static override entity = 'renamed'
      static metaKey = 'meta'
      static baseNamespace = 'base'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    useRepo(Renamed, createPinia())
    useRepo(Renamed, createPinia())
    const warnings = vi.mocked(console.warn).mock.calls.map(([message]) => String(message))
    expect(warnings).toEqual([
      '[nuxt-pinia-orm] Renamed declares `static metaKey` (pinia-orm: the name of the meta field, which is always `_meta` here), which nuxt-pinia-orm does not support: it has no effect. Remove it, or open an issue if you need it.',
      '[nuxt-pinia-orm] Renamed declares `static baseNamespace` (pinia-orm: the namespace of the base model\'s store, which is the base model\'s own `static namespace` here), which nuxt-pinia-orm does not support: it has no effect. Remove it, or open an issue if you need it.',
    ])
    vi.mocked(console.warn).mockClear()
  })
})

describe('make() and new Model() fill relations', () => {
  class Comment extends Model {
    static override entity = 'comments'
    static override fields() {
      return { id: this.attr(null), postId: this.attr(null) }
    }
  }

  class Article extends Model {
    static override entity = 'articles'
    static override fields() {
      return { id: this.attr(null), writerId: this.attr(null), title: this.string(''), comments: this.hasMany(Comment, 'postId'), writer: this.belongsTo(() => Writer, 'writerId') }
    }
  }

  class Writer extends Model {
    static override entity = 'writers'
    static override hidden = ['secret']
    static override fields() {
      return { id: this.attr(null), name: this.string(''), secret: this.string('s'), articles: this.hasMany(Article, 'writerId'), profile: this.hasOne(Profile, 'writerId') }
    }
  }

  class Profile extends Model {
    static override entity = 'profiles'
    static override fields() {
      return { id: this.attr(null), writerId: this.attr(null) }
    }
  }

  class Image extends Model {
    static override entity = 'images'
    static override fields() {
      return { id: this.attr(null), imageableId: this.attr(null), imageableType: this.attr(null), imageable: this.morphTo([Writer, Article], 'imageableId', 'imageableType') }
    }
  }

  it('make(record) turns nested related data into instances of the related models, at every level', () => {
    const writer = useRepo(Writer, createPinia()).make({ id: 1, articles: [{ id: 2, title: 'a', comments: [{ id: 3 }] }], profile: { id: 4 } })
    const article = (writer as unknown as { articles: Article[] }).articles[0]!
    expect(article).toBeInstanceOf(Article)
    expect(article.$toJson()).toEqual({ id: 2, writerId: null, title: 'a', comments: [{ id: 3, postId: null }], writer: null })
    expect((article as unknown as { comments: Comment[] }).comments[0]).toBeInstanceOf(Comment)
    expect((writer as unknown as { profile: Profile }).profile).toBeInstanceOf(Profile)
  })

  it('make() gives a relation the data leave out [] (to-many) or null (to-one)', () => {
    const writer = useRepo(Writer, createPinia()).make({ id: 1 })
    expect({ ...writer }).toEqual({ id: 1, name: '', secret: 's', articles: [], profile: null })
    expect({ ...useRepo(Article, createPinia()).make() }).toEqual({ id: null, writerId: null, title: '', comments: [], writer: null })
  })

  it('make(records) makes one filled instance per record', () => {
    const writers = useRepo(Writer, createPinia()).make([{ id: 1, articles: [{ id: 2 }] }, { id: 3 }])
    expect(writers.map(writer => writer.$toJson())).toEqual([
      { id: 1, name: '', articles: [{ id: 2, writerId: null, title: '', comments: [], writer: null }], profile: null },
      { id: 3, name: '', articles: [], profile: null },
    ])
  })

  it('new Model(attributes) fills relations as make() does', () => {
    const writer = new Writer({ id: 1, articles: [{ id: 2 }] })
    expect((writer as unknown as { articles: Article[] }).articles[0]).toBeInstanceOf(Article)
    expect((writer as unknown as { profile: null }).profile).toBeNull()
  })

  it('a morphTo\'s nested data become an instance of the model its type field names', () => {
    const image = new Image({ id: 1, imageableType: 'articles', imageable: { id: 5 } })
    expect((image as unknown as { imageable: Article }).imageable).toBeInstanceOf(Article)
    expect(new Image({ id: 1 }).$toJson()).toEqual({ id: 1, imageableId: null, imageableType: null, imageable: null })
  })

  it('a model instance given as nested data is copied into a new instance, as in pinia-orm', () => {
    const article = new Article({ id: 2, title: 'a' })
    const writer = new Writer({ id: 1, articles: [article] }) as unknown as { articles: Article[] }
    expect(writer.articles[0]).not.toBe(article)
    expect(writer.articles[0]!.$toJson()).toEqual(article.$toJson())
  })

  it('nested data that refer to themselves make instances that do too', () => {
    const data: Record<string, unknown> = { id: 1 }
    data.articles = [{ id: 2, writer: data }]
    const writer = new Writer(data) as unknown as { articles: { writer: unknown }[] }
    expect(writer.articles[0]).toBeInstanceOf(Article)
    expect(writer.articles[0]!.writer).toBe(writer)
  })

  it('new Model(attributes, { relations: false }) leaves relations off the instance', () => {
    expect({ ...new Writer({ id: 1, articles: [{ id: 2 }] }, { relations: false }) }).toEqual({ id: 1, name: '', secret: 's' })
  })

  it('new Model(attributes, { hidden }) leaves those fields off; { visible } keeps only those and the key', () => {
    expect({ ...new Writer({ id: 1, name: 'Ann' }, { hidden: ['name', 'profile'] }) }).toEqual({ id: 1, secret: 's', articles: [] })
    expect({ ...new Writer({ id: 1, name: 'Ann' }, { visible: ['name'], relations: false }) }).toEqual({ id: 1, name: 'Ann' })
  })

  it('a constructor option of pinia-orm that is not supported throws, naming it', () => {
    expect(() => new Writer({ id: 1 }, { config: {} } as never)).toThrow('[nuxt-pinia-orm] new Writer(attributes, { config }): the option \'config\' is not supported yet, see docs/migration-from-pinia-orm.md. The options are: fill, relations, hidden, visible, operation, action.')
  })

  it('$newInstance(attributes, options) takes the constructor\'s options', () => {
    expect({ ...new Writer().$newInstance({ id: 2 }, { relations: false }) }).toEqual({ id: 2, name: '', secret: 's' })
  })
})

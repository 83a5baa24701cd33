// pinia-orm app code, typed as pinia-orm's declarations type it, compiles here unchanged.
// pinia-orm's generics take a model's instance type (`Repository<User>`, `Item<User>`,
// `Query<User>`), this library's the class (`Repository<typeof User>`, types from `fields()`):
// both forms compile.
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { CastAttribute, Model, Repository, definePiniaOrmPlugin, useRepo } from '../../src/runtime/orm'
import type { BeforeHook, Collection, EagerLoadConstraint, Item, ModelOrRepository, Query } from '../../src/runtime/orm'
import { Attr, HasMany, Mutate, Str } from '../../src/runtime/orm/decorators'
import { useCollect, useKeys, usePluck } from '../../src/runtime/orm/helpers'

// As pinia-orm's documentation types a model: `static fields()` plus `declare`d properties.
class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }

  declare id: number
  declare userId: number
  declare title: string
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), posts: this.hasMany(Post, 'userId') }
  }

  declare id: number
  declare name: string
  declare posts: Post[]
}

// A decorated model (pinia-orm's docs write `declare` fields, which need legacy decorators).
class Author extends Model {
  static override entity = 'authors'
  @Attr(null) id!: number
  @Str('') name!: string
  @HasMany(() => Post, 'userId') posts!: Post[]
}

class UserRepository extends Repository<User> {
  override use = User

  named(name: string): Collection<User> {
    return this.where('name', name).get()
  }

  firstNamed(name: string): Item<User> {
    return this.where('name', name).first()
  }
}

declare const pinia: Pinia

describe('pinia-orm\'s instance-type generics', () => {
  it('Item<User> is User | null and Collection<User> is User[], as in pinia-orm', () => {
    expectTypeOf<Item<User>>().toEqualTypeOf<User | null>()
    expectTypeOf<Collection<User>>().toEqualTypeOf<User[]>()
    // Without a type argument, any model's item, as pinia-orm's Item defaults to Model.
    const any: Item = useRepo(User, pinia).find(1)
    void any
  })

  it('a Repository<typeof User> is a Repository<User>, its results the declared instances', () => {
    const users: Repository<User> = useRepo(User, pinia)
    const one: Item<User> = users.find(1)
    expectTypeOf(users.find(1)).toMatchTypeOf<User | null>()
    expectTypeOf(users.all()).toMatchTypeOf<User[]>()
    expectTypeOf(one!.posts[0]!.title).toEqualTypeOf<string>()
  })

  it('class UserRepository extends Repository<User>: useRepo gives it, with its own methods', () => {
    const users = useRepo(UserRepository, pinia)
    expectTypeOf(users).toEqualTypeOf<UserRepository>()
    expectTypeOf(users.named('a')).toEqualTypeOf<User[]>()
    expectTypeOf(users.firstNamed('a')).toEqualTypeOf<User | null>()
    expectTypeOf(users.use).toEqualTypeOf<typeof User>()
    // Its built-in methods give the instance type it was declared with.
    expectTypeOf(users.find(1)).toEqualTypeOf<User | null>()
    expectTypeOf(users.with('posts').get()).toEqualTypeOf<User[]>()
  })

  it('Query<User> types a function over any query of the model', () => {
    const scoped = (query: Query<User>): Query<User> => query.where('name', 'x')
    expectTypeOf(scoped(useRepo(User, pinia).query()).get()).toMatchTypeOf<User[]>()
    expectTypeOf(scoped(useRepo(UserRepository, pinia).query()).first()).toMatchTypeOf<User | null>()
  })

  it('a decorated model\'s instance type works the same way', () => {
    const authors: Repository<Author> = useRepo(Author, pinia)
    expectTypeOf(authors.find(1)!.posts).toEqualTypeOf<Post[]>()
    class AuthorRepository extends Repository<Author> {
      override use = Author
    }
    expectTypeOf(useRepo(AuthorRepository, pinia).find(1)).toEqualTypeOf<Author | null>()
  })

  it('the class form still types instances from fields()', () => {
    class Tag extends Model {
      static override entity = 'tags'
      static override fields() {
        return { id: this.attr<number>(null), label: this.string('') }
      }
    }
    expectTypeOf(useRepo(Tag, pinia).find(1)!.label).toEqualTypeOf<string>()
    expectTypeOf(useRepo(Tag, pinia).find(1)!).not.toHaveProperty('nope')
  })
})

describe('where() value tests, as pinia-orm types them', () => {
  it('the test\'s parameter is the field\'s type, for declared and inferred fields', () => {
    useRepo(User, pinia).where('name', (value) => {
      expectTypeOf(value).toEqualTypeOf<string>()
      return value.startsWith('a')
    })
    class Tag extends Model {
      static override entity = 'tags'
      static override fields() {
        return { id: this.attr<number>(null), votes: this.number(0) }
      }
    }
    useRepo(Tag, pinia).where('votes', (votes) => {
      expectTypeOf(votes).toEqualTypeOf<number>()
      return votes > 100
    }).orWhere('votes', votes => votes < 0)
    useRepo(UserRepository, pinia).query().where('id', (id) => {
      expectTypeOf(id).toEqualTypeOf<number>()
      return id > 2
    })
  })

  it('a field the types do not know gives `any`, as in pinia-orm; values of any type are taken', () => {
    useRepo(User, pinia).where('profile.age', (value) => {
      expectTypeOf(value).toBeAny()
      return value > 20
    })
    const unknownValue: unknown = 1
    expectTypeOf(useRepo(User, pinia).where('id', unknownValue).get()).toMatchTypeOf<User[]>()
    expectTypeOf(useRepo(User, pinia).where('id', [1, 2]).where('name', new Set(['a'])).get()).toMatchTypeOf<User[]>()
  })
})

describe('values pinia-orm types as `any`', () => {
  it('a cast written for pinia-orm: constructor(attributes), untyped parameters', () => {
    class PrefixCast extends CastAttribute {
      // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- as pinia-orm's casts write it
      constructor(attributes: Record<string, unknown> | undefined) {
        super(attributes)
      }

      override get(value: unknown) {
        return `${this.getParameters().prefix.trim()}${String(value)}`
      }

      override set(value: unknown) {
        return typeof value === 'string' ? value.slice(this.$parameters.prefix.length) : value
      }
    }
    class Tagged extends Model {
      static override entity = 'tagged'
      static override fields() {
        return { id: this.attr(null), label: this.string('') }
      }

      static override casts() {
        return { label: PrefixCast.withParameters({ prefix: '#' }) }
      }
    }
    expectTypeOf(useRepo(Tagged, pinia).find(1)!.label).toEqualTypeOf<string>()
  })

  it('mutators, hooks written as properties, plugin config and usePluck', () => {
    class Account extends Model {
      static override entity = 'accounts'
      @Attr(null) id!: number
      @Mutate(value => value.toUpperCase()) @Str('') name!: string
      static override saving: BeforeHook = (model) => {
        model.updatedBy = 'me'
      }
    }
    Account.setMutator('name', { get: value => value.toLowerCase() })
    definePiniaOrmPlugin((context) => {
      expectTypeOf(context.config.apiConfig).toBeAny()
      return context
    })
    const names: string[] = usePluck(useRepo(Account, pinia).all(), 'name')
    expectTypeOf(useCollect(useRepo(Account, pinia).all()).pluck('name')[0].toUpperCase()).toBeAny()
    expectTypeOf(names).toEqualTypeOf<string[]>()
  })
})

describe('relation constraints get the related model\'s query', () => {
  class Comment extends Model {
    static override entity = 'constraintComments'
    static override fields() {
      return { id: this.attr<number>(null), postId: this.attr<number>(null), body: this.string(''), votes: this.number(0) }
    }
  }
  class Article extends Model {
    static override entity = 'constraintArticles'
    static override fields() {
      return { id: this.attr<number>(null), authorId: this.attr<number>(null), title: this.string(''), comments: this.hasMany(Comment, 'postId') }
    }
  }
  class Writer extends Model {
    static override entity = 'constraintWriters'
    static override fields() {
      return { id: this.attr<number>(null), articles: this.hasMany(Article, 'authorId') }
    }
  }

  it('typed from fields(): with(), whereHas() and the rest, dotted names included', () => {
    const writers = useRepo(Writer, pinia)
    writers.with('articles', (query) => {
      expectTypeOf(query).toEqualTypeOf<Query<typeof Article>>()
      query.where(article => article.title !== '').orderBy(article => article.title)
    })
    writers.with('articles.comments', (query) => {
      expectTypeOf(query).toEqualTypeOf<Query<typeof Comment>>()
      query.where('votes', votes => votes > 2)
    })
    writers.query().whereHas('articles', query => expectTypeOf(query).toEqualTypeOf<Query<typeof Article>>())
    writers.orWhereHas('articles', query => expectTypeOf(query).toEqualTypeOf<Query<typeof Article>>())
    writers.whereDoesntHave('articles.comments', query => expectTypeOf(query).toEqualTypeOf<Query<typeof Comment>>())
    writers.query().orWhereDoesntHave('articles', query => expectTypeOf(query).toEqualTypeOf<Query<typeof Article>>())
  })

  it('typed from declared properties, as pinia-orm types them (instance types)', () => {
    useRepo(User, pinia).with('posts', (query) => {
      query.where(post => post.title.length > 3).where('title', title => title.startsWith('a'))
      expectTypeOf(query.first()).toMatchTypeOf<Post | null>()
    })
    useRepo(UserRepository, pinia).whereHas('posts', query => expectTypeOf(query.get()).toEqualTypeOf<Post[]>())
    const titled: EagerLoadConstraint<Post> = query => query.where('title', 'x')
    useRepo(User, pinia).with('posts', titled)
    useRepo(User, pinia).whereHas('posts', (query: Query<Post>) => query.where('userId', 1))
  })

  it('a morphTo, which leads to several models, takes a constraint written for any of them', () => {
    class Photo extends Model {
      static override entity = 'constraintPhotos'
      static override fields() {
        return { id: this.attr<number>(null), ownerId: this.attr<number>(null), ownerType: this.attr<string>(null), owner: this.morphTo([Writer, Article], 'ownerId', 'ownerType') }
      }
    }
    const titled = (query: Query<typeof Article>) => query.where('title', 'x')
    useRepo(Photo, pinia).with('owner', titled)
    useRepo(Photo, pinia).with('owner', query => expectTypeOf(query.first()).toBeAny())
  })

  it('a name the types do not know gets a query of any model', () => {
    useRepo(Writer, pinia).with('nope', query => expectTypeOf(query.first()).toBeAny())
    const name: string = 'articles'
    useRepo(Writer, pinia).with(name, (query) => {
      expectTypeOf(query.get()[0]).toBeAny()
      query.where('anything', (value: number) => value > 1)
    })
  })
})

describe('the model API as pinia-orm types it', () => {
  it('$self() is the model class, with the statics of Model', () => {
    const user = new User()
    const model: typeof Model = user.$self()
    expectTypeOf(user.$self().entity).toEqualTypeOf<string>()
    expectTypeOf(user.$self().newRawInstance()).toMatchTypeOf<Model>()
    expectTypeOf(new (user.$self())()).toEqualTypeOf<User>()
    expectTypeOf(model.hidden).toEqualTypeOf<readonly string[]>()
  })
})

describe('helpers', () => {
  it('useKeys() and useCollect().keys() give the keys as $getKey() types them', () => {
    const users = useRepo(User, pinia).all()
    type Key = string | number | (string | number)[] | null
    expectTypeOf(useKeys(users)).toEqualTypeOf<Key[]>()
    expectTypeOf(useCollect(users).keys()).toEqualTypeOf<Key[]>()
  })
})

describe('code generic over pinia-orm\'s instance type', () => {
  it('a base repository class casts the built-in results to M (see docs/repository-api.md)', () => {
    class BaseRepository<M extends Model> extends Repository<M> {
      one(id: number | string): M | null {
        return this.find(id) as M | null
      }

      many(): M[] {
        return this.all() as M[]
      }
    }
    class Users extends BaseRepository<User> {
      override use = User
    }
    expectTypeOf(useRepo(Users, pinia).one(1)).toEqualTypeOf<User | null>()
    expectTypeOf(useRepo(Users, pinia).many()).toEqualTypeOf<User[]>()
  })

  it('useRepo(instance.$self()) types the instances as the model\'s', () => {
    class Tag extends Model {
      static override entity = 'selfTags'
      static override fields() {
        return { id: this.attr<number>(null), label: this.string('') }
      }
    }
    const tag = useRepo(Tag, pinia).make()
    expectTypeOf(useRepo(tag.$self(), pinia).find(1)!.label).toEqualTypeOf<string>()
  })
})

// Found compiling real apps against both declarations (lukso's repositories, rtc's gallery).
describe('data typed by the app\'s own interfaces', () => {
  interface UserDto { id: number, name: string }
  interface PostPatch { title: string }

  it('saves, inserts, makes and updates records typed by an interface, as pinia-orm\'s Element takes them', () => {
    const dto = {} as UserDto
    const dtos = [] as UserDto[]
    expectTypeOf(useRepo(User, pinia).save(dto)).toEqualTypeOf<Item<typeof User>>()
    expectTypeOf(useRepo(User, pinia).save(dtos)).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(User, pinia).save(dtos as readonly UserDto[])).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(User, pinia).insert(dtos)).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(User, pinia).fresh([dto])).toEqualTypeOf<Item<typeof User>[]>()
    expectTypeOf(useRepo(User, pinia).make(dto)).toEqualTypeOf<Item<typeof User>>()
    useRepo(Post, pinia).where('userId', 1).update({} as PostPatch)
    void new User(dto)
    void new User().$fill(dto)
  })

  it('a list that may hold null goes through the one-record overload, as in pinia-orm', () => {
    const images = [] as (Partial<User> | null)[]
    // pinia-orm types this `User`, though the save returns the list: the same here.
    expectTypeOf(useRepo(User, pinia).save(images)).toEqualTypeOf<Item<typeof User>>()
  })

  it('orderBy() takes a function whose parameter the app annotated with another type, as pinia-orm types it any', () => {
    expectTypeOf(useRepo(User, pinia).orderBy((post: Post) => post.title).get()).toEqualTypeOf<Item<typeof User>[]>()
    // Unannotated, the parameter is the model's instance.
    useRepo(User, pinia).orderBy(user => expectTypeOf(user.name).toEqualTypeOf<string>())
  })
})

// Found by compiling pinia-orm code against both libraries (December 3): each compiled against
// pinia-orm 1.10.2's declarations and failed here.
describe('pinia-orm\'s explicit type arguments and static types', () => {
  it('useRepo<User>(User) and this.repo<Post>(Post) take the instance type', () => {
    expectTypeOf(useRepo<User>(User, pinia).all()).toEqualTypeOf<User[]>()
    class PostRepository extends Repository<Post> {
      override use = Post
      authors() {
        return this.repo<User>(User).all()
      }
    }
    expectTypeOf(useRepo(PostRepository, pinia).authors()).toEqualTypeOf<User[]>()
  })

  it('piniaStore<S>() types the store by the state the app declares', () => {
    interface UserState { data: Record<string, any>, selected: number | null } // eslint-disable-line @typescript-eslint/no-explicit-any -- as pinia-orm's DataStoreState
    const store = useRepo(User, pinia).piniaStore<UserState>()
    expectTypeOf(store.$state.selected).toEqualTypeOf<number | null>()
    store.$patch({ selected: 1 })
  })

  it('primaryKey and baseEntity have pinia-orm\'s types, and a model may have its own toJSON()', () => {
    const key: string | string[] = User.primaryKey
    const base: string = User.baseEntity
    const user = useRepo(User, pinia).make()
    const names: string | string[] = user.$getKeyName()
    const viewed: string | string[] = user.$primaryKey()
    void [key, base, names, viewed]
    class Tagged extends Model {
      static override entity = 'tagged'
      override toJSON(): string {
        return 'tagged'
      }
    }
    expectTypeOf(new Tagged().toJSON()).toEqualTypeOf<string>()
  })

  it('ModelOrRepository names what mapRepos() takes', () => {
    const entries: ModelOrRepository[] = [User, UserRepository]
    expectTypeOf(entries).toEqualTypeOf<ModelOrRepository[]>()
  })
})

// Backs every "same" row of docs/migration-from-pinia-orm.md that this branch covers: each test
// uses the call exactly as pinia-orm 1.10's documentation shows it, with the imports changed.
// A row's test is named after the row ("repository.find", "query.groupBy", ...).
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { Model, NumberCast, Repository, StringCast, createORM, definePiniaOrmPlugin, useRepo } from '../../src/runtime/orm'
import { useCollect, useGroupBy, useKeys, useMax, useMin, usePluck, useSortBy, useSum } from '../../src/runtime/orm/helpers'

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      prename: this.string(''),
      name: this.string(''),
      age: this.number(0),
      votes: this.number(0),
      active: this.boolean(false),
      posts: this.hasMany(Post, 'userId'),
    }
  }

  declare votes: number
  declare active: boolean
}

class PostRepository extends Repository<typeof Post> {
  override use = Post
}

beforeEach(() => {
  const pinia = createPinia()
  createApp({}).use(pinia)
  setActivePinia(pinia.use(createORM()))
  useRepo(User).save([
    { id: 1, prename: 'John', name: 'John Doe', age: 30, votes: 120, active: true, posts: [{ id: 1, title: 'a' }] },
    { id: 2, prename: 'Jane', name: 'Jane Doe', age: 25, votes: 80, active: true },
    { id: 3, prename: 'John', name: 'Jahn Doe', age: 40, votes: 150, active: false },
  ])
})

// The documentation's calls use the active Pinia (setActivePinia), as a browser app does. In Node,
// Pinia 4 itself reports each such use outside a component (PINIA_R1004): expected here, and
// nothing else may be logged.
afterEach(() => {
  const calls = vi.mocked(console.error).mock.calls
  expect(calls.every(([message]) => String(message).includes('PINIA_R1004'))).toBe(true)
  vi.mocked(console.error).mockClear()
})

const ids = (items: { id: unknown }[]) => items.map(item => item.id)

describe('composables', () => {
  it('useRepo: useRepo(User) and useRepo(PostRepository)', () => {
    const userRepo = useRepo(User)
    const postRepo = useRepo(PostRepository)
    expect(userRepo).toBeInstanceOf(Repository)
    expect(postRepo).toBeInstanceOf(PostRepository)
    expect(postRepo.all().map(post => post.title)).toEqual(['a'])
  })

  it('createORM with plugins: context.config.apiConfig reaches useRepo(User).config', () => {
    const piniaOrmPlugin = definePiniaOrmPlugin((context) => {
      context.config.apiConfig = 'test'
      return context
    })
    const app = createApp({})
    const pinia = createPinia()
    const piniaOrm = createORM({
      plugins: [
        piniaOrmPlugin,
      ],
    })
    pinia.use(piniaOrm)
    app.use(pinia)
    setActivePinia(pinia)
    expect(useRepo(User).config.apiConfig).toBe('test')
  })
})

describe('configuration', () => {
  it('createORM model: withMeta, hidden, visible and namespace for every model', () => {
    class Member extends Model {
      static override entity = 'members'
      static override fields() {
        return { id: this.attr(0), name: this.string(''), username: this.string('') }
      }
    }
    const install = (options: Parameters<typeof createORM>[0]) => {
      const app = createApp({})
      const pinia = createPinia()
      pinia.use(createORM(options))
      app.use(pinia)
      setActivePinia(pinia)
      const userRepo = useRepo(Member)
      userRepo.save({ id: 1, name: 'John', username: 'JD' })
      return userRepo
    }

    const withMeta = install({ model: { withMeta: true } })
    expect(withMeta.find(1)?._meta).toBe(undefined)
    expect(withMeta.withMeta().find(1)?._meta).toHaveProperty('createdAt')
    const hidden = install({ model: { hidden: ['username'] } })
    expect(hidden.find(1)?.username).toBe(undefined)
    expect(hidden.find(1)?.name).toBe('John')
    const visible = install({ model: { visible: ['name'] } })
    expect(visible.find(1)?.username).toBe(undefined)
    expect(visible.find(1)?.name).toBe('John')
    const namespaced = install({ model: { namespace: 'app' } })
    expect(namespaced.piniaStore().$id).toBe('app/members')
    expect(namespaced.find(1)?.name).toBe('John')
  })
})

describe('helpers', () => {
  it('useCollect: orderBy-free helpers of the documentation', () => {
    const users = useRepo(User).all()
    expect(useCollect(users).min('age')).toBe(25)
    expect(useCollect(users).max('age')).toBe(40)
    expect(useCollect(users).sum('age')).toBe(95)
    expect(ids(useCollect(users).sortBy('age'))).toEqual([2, 1, 3])
    expect(useCollect(users).pluck('age')).toEqual([30, 25, 40])
    expect(useCollect(users).keys()).toEqual([1, 2, 3])
  })

  it('useCollect(models).groupBy(field)', () => {
    const groups = useCollect(useRepo(User).all()).groupBy('prename')
    expect(Object.keys(groups)).toEqual(['John', 'Jane'])
    expect(ids(groups.John!)).toEqual([1, 3])
    expect(ids(groups.Jane!)).toEqual([2])
  })

  it('useGroupBy, useKeys, useMax, useMin, usePluck, useSortBy, useSum', () => {
    const users = useRepo(User).all()
    expect(Object.keys(useGroupBy(users, 'name'))).toEqual(['John Doe', 'Jane Doe', 'Jahn Doe'])
    expect(Object.keys(useGroupBy(users, ['name', 'age']))).toEqual(['[John Doe,30]', '[Jane Doe,25]', '[Jahn Doe,40]'])
    expect(useKeys(users)).toEqual([1, 2, 3])
    expect(useMax(users, 'age')).toBe(40)
    expect(useMin(users, 'age')).toBe(25)
    expect(usePluck(users, 'age')).toEqual([30, 25, 40])
    expect(ids(useSortBy(users, 'name'))).toEqual([3, 2, 1])
    expect(ids(useSortBy(users, 'name', 'SORT_FLAG_CASE'))).toEqual([3, 2, 1])
    expect(ids(useSortBy(users, [['name', 'desc'], ['age', 'asc']]))).toEqual([1, 2, 3])
    expect(ids(useSortBy(users, model => model.age))).toEqual([2, 1, 3])
    expect(useSum(users, 'age')).toBe(95)
  })
})

describe('query', () => {
  it('where: value, value closure and where closure', () => {
    const userRepo = useRepo(User)
    expect(ids(userRepo.where('prename', 'John').get())).toEqual([1, 3])
    expect(ids(useRepo(User).where('votes', (value: number) => {
      return value >= 100
    }).get())).toEqual([1, 3])
    expect(ids(userRepo.where((user: User) => {
      return user.votes >= 100 && user.active
    }).get())).toEqual([1])
  })

  it('whereLike and orWhereLike', () => {
    const userRepo = useRepo(User)
    expect(ids(userRepo.whereLike('name', '%john%').get())).toEqual([1])
    expect(ids(userRepo.whereLike('name', 'John%', true).get())).toEqual([1])
    expect(ids(userRepo.whereLike('name', 'J_hn Doe').get())).toEqual([1, 3])
    expect(ids(userRepo.where('active', false).orWhereLike('name', 'jane%').get())).toEqual([2, 3])
  })

  it('orWhereIn and orWhereNotIn', () => {
    expect(ids(useRepo(User).where('id', 1).orWhereIn('age', [25]).get())).toEqual([1, 2])
    expect(ids(useRepo(User).where('id', 1).orWhereNotIn('age', [30, 25]).get())).toEqual([1, 3])
  })

  it('orderBy: one field, chained, and a closure', () => {
    expect(ids(useRepo(User).orderBy('name').get())).toEqual([3, 2, 1])
    expect(ids(useRepo(User)
      .orderBy('name')
      .orderBy('age', 'desc')
      .get())).toEqual([3, 2, 1])
    expect(ids(useRepo(User).orderBy(user => user.name[2]).get())).toEqual([1, 3, 2])
  })

  it('groupBy: one column and several', () => {
    expect(Object.keys(useRepo(User).groupBy('prename').get())).toEqual(['John', 'Jane'])
    expect(Object.keys(useRepo(User).groupBy('prename', 'age').get())).toEqual(['[John,30]', '[Jane,25]', '[John,40]'])
  })

  it('useCache: auto key, manual key, manual key with params', () => {
    const idProperty = 1
    const auto = useRepo(User).useCache().get()
    expect(useRepo(User).useCache().get()).toBe(auto)
    expect(ids(useRepo(User).useCache('key').get())).toEqual([1, 2, 3])
    expect(ids(useRepo(User).useCache('key', { id: idProperty }).get())).toEqual([1, 2, 3])
    expect(useRepo(User).cache()!.size).toBe(3)
  })

  it('find: one id and several', () => {
    const userRepo = useRepo(User)
    expect(userRepo.find(1)).toBeInstanceOf(User)
    expect(ids(userRepo.find([1, 2, 5]))).toEqual([1, 2])
  })
})

describe('repository', () => {
  it('revive: a structure of keys back to models with relations', () => {
    const schema = { id: 1, posts: [{ id: 1 }] }
    const user = useRepo(User).revive(schema)!
    expect(user.name).toBe('John Doe')
    expect(user.posts!.map(post => post.title)).toEqual(['a'])
  })
})

describe('repository writes and reads', () => {
  it('save, insert, fresh, make, destroy, flush, all, piniaStore', () => {
    const postRepo = useRepo(Post)
    postRepo.save({ id: 2, title: 'b' })
    postRepo.insert({ id: 3, title: 'c' })
    expect(ids(postRepo.all())).toEqual([1, 2, 3])
    expect(postRepo.make({ title: 'draft' }).title).toBe('draft')
    expect(postRepo.destroy(2)?.id).toBe(2)
    expect(ids(postRepo.destroy([1, 3]))).toEqual([1, 3])
    postRepo.fresh([{ id: 4, title: 'd' }])
    expect(postRepo.piniaStore().$state.data).toEqual({ 4: { id: 4, userId: null, title: 'd' } })
    expect(ids(postRepo.flush())).toEqual([4])
    expect(postRepo.all()).toEqual([])
  })

  it('repo(Model) from a repository and config', () => {
    expect(ids(useRepo(User).repo(Post).all())).toEqual([1])
    expect(useRepo(User).config.cache).toBe(true)
  })

  it('whereIn, whereNotIn, whereNull, whereNotNull, whereId, limit, offset, first', () => {
    const userRepo = useRepo(User)
    expect(ids(userRepo.whereIn('age', [25, 40]).get())).toEqual([2, 3])
    expect(ids(userRepo.whereNotIn('age', [25, 40]).get())).toEqual([1])
    expect(ids(useRepo(Post).whereNull('userId').get())).toEqual([])
    expect(ids(useRepo(Post).whereNotNull('userId').get())).toEqual([1])
    expect(ids(userRepo.whereId(2).get())).toEqual([2])
    expect(ids(userRepo.limit(1).offset(1).get())).toEqual([2])
    expect(userRepo.where('prename', 'John').first()?.id).toBe(1)
  })

  it('with, withAll, withAllRecursive and load', () => {
    expect(useRepo(User).with('posts').find(1)!.posts!.map(post => post.title)).toEqual(['a'])
    expect(useRepo(User).withAll().find(1)!.posts).toHaveLength(1)
    expect(useRepo(User).withAllRecursive().find(1)!.posts).toHaveLength(1)
    const users = useRepo(User).all()
    useRepo(User).with('posts').load(users)
    expect(users.map(user => user.posts!.length)).toEqual([1, 0, 0])
  })

  it('update and delete through a query', () => {
    useRepo(User).where('prename', 'John').update({ active: false })
    expect(ids(useRepo(User).where('active', false).get())).toEqual([1, 3])
    useRepo(User).where('active', false).delete()
    expect(ids(useRepo(User).all())).toEqual([2])
  })
})

// Model features, each as pinia-orm 1.10's API pages write it (models/options, hooks, instance).
class Account extends Model {
  static override entity = 'accounts'
  static override hidden = ['secret']
  static override fields() {
    return { id: this.uid(), name: this.string(''), phone: this.number(0), secret: this.string('') }
  }
}

class Person extends Model {
  static override entity = 'people'
  static override config = { withMeta: true }
  static override fields() {
    return { id: this.attr(null), firstName: this.attr(''), lastName: this.attr(''), age: this.attr(0) }
  }

  static override mutators() {
    return {
      firstName: { get: (value: string) => value.toLowerCase(), set: (value: string) => value.toUpperCase() },
      lastName: (value: string) => value.toLowerCase(),
    }
  }

  static override casts() {
    return { age: NumberCast, lastName: StringCast }
  }

  declare firstName: string
  declare lastName: string
  declare age: number
  declare _meta: { createdAt: number, updatedAt: number }
}

class Entry extends Model {
  static override entity = 'entries'
  static override fields() {
    return { id: this.attr(null), title: this.string(''), published: this.boolean(false) }
  }

  static override creating(model: Model) {
    (model as Entry).published = true
  }

  static override saving(model: Model) {
    if ((model as Entry).title === '')
      return false
  }

  declare title: string
  declare published: boolean
}

class Vehicle extends Model {
  static override entity = 'vehicles'
  static override types() {
    return { VEHICLE: Vehicle, CAR: Car }
  }

  static override fields() {
    return { id: this.attr(null), name: this.attr(''), type: this.attr('VEHICLE') }
  }
}

class Car extends Vehicle {
  static override entity = 'cars'
  static override baseEntity = 'vehicles'
  static override fields() {
    return { ...super.fields(), doors: this.attr(4) }
  }
}

describe('model features', () => {
  it('hidden, makeVisible and makeHidden: a hidden field is left out until a query shows it', () => {
    const userRepo = useRepo(Account)
    userRepo.save({ id: 'a', name: 'John', phone: 555, secret: 'pw' })
    expect(userRepo.first()!.$toJson()).toEqual({ id: 'a', name: 'John', phone: 555 })
    expect(userRepo.makeVisible(['secret']).first()!.secret).toBe('pw')
    expect(userRepo.makeHidden(['phone']).first()!.$toJson()).toEqual({ id: 'a', name: 'John' })
  })

  it('mutators and casts: set before the store keeps a value, get on read', () => {
    const person = useRepo(Person).save({ id: 1, firstName: 'John', lastName: 'DOE', age: '42' })
    expect(useRepo(Person).piniaStore().$state.data[1]).toMatchObject({ firstName: 'JOHN', lastName: 'DOE', age: 42 })
    expect([person.firstName, person.lastName, person.age]).toEqual(['john', 'doe', 42])
  })

  it('config withMeta and withMeta(): _meta is kept and shown when asked', () => {
    useRepo(Person).save({ id: 1, firstName: 'John' })
    expect('_meta' in useRepo(Person).first()!).toBe(false)
    const meta = useRepo(Person).withMeta().first()!._meta
    expect(typeof meta.createdAt).toBe('number')
    expect(meta.updatedAt).toBe(meta.createdAt)
  })

  it('hooks creating and saving: a change is saved, false skips the record', () => {
    useRepo(Entry).save([{ id: 1, title: 'Hello' }, { id: 2, title: '' }])
    expect(useRepo(Entry).all().map(entry => [entry.id, entry.published])).toEqual([[1, true]])
  })

  it('types, typeKey and baseEntity: a subclass is stored in its base with its type', () => {
    useRepo(Car).save({ id: 2, name: 'Beetle' })
    useRepo(Vehicle).save({ id: 1, name: 'Cart' })
    expect(useRepo(Vehicle).piniaStore().$state.data[2]).toEqual({ id: 2, name: 'Beetle', type: 'CAR', doors: 4 })
    expect(useRepo(Vehicle).all().map(vehicle => vehicle.constructor)).toEqual([Vehicle, Car])
    expect(useRepo(Car).all().map(car => car.id)).toEqual([2])
  })

  it('$isDirty, $getOriginal, $refresh and $getIndexId', () => {
    const user = useRepo(User).find(2)!
    expect(user.$isDirty()).toBe(false)
    user.name = 'Jane Roe'
    expect(user.$isDirty('name')).toBe(true)
    expect(user.$getOriginal()!.name).toBe('Jane Doe')
    expect(user.$refresh().name).toBe('Jane Doe')
    expect(user.$isDirty()).toBe(false)
    expect(user.$getIndexId()).toBe('2')
  })
})

describe('model instance', () => {
  it('$self(), $entity() and $getKeyName() name the class, its entity and its primary key', () => {
    const user = useRepo(User).find(1)!
    expect(user.$self()).toBe(User)
    expect(user.$entity()).toBe('users')
    expect(user.$getKeyName()).toBe('id')
  })
})

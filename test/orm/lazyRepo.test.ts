// useRepo() called before any Pinia is active, as pinia-orm's users do at a module's top level:
// the repository finds the Pinia active at each use, with real Pinia instances.
import { types } from 'node:util'
import { createPinia, setActivePinia } from 'pinia'
import type { Pinia } from 'pinia'
import { createApp, createSSRApp, defineComponent, h, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createORM, definePiniaOrmPlugin, mapRepos, OrmError, Repository, useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'

class PostRepository extends Repository<typeof Post> {
  override use = Post

  titlesOf(userId: number): string[] {
    return this.where('userId', userId).orderBy('title').get().map(post => post.title)
  }

  async saveLater(title: string, wait: Promise<void>): Promise<void> {
    await wait
    this.save({ id: 9, userId: 1, title })
  }
}

class NoModelRepository extends Repository {}

// Made at the top of the module, before any Pinia exists, as pinia-orm's tests and many apps do.
const userRepo = useRepo(User)
const postRepo = useRepo(PostRepository)

/** A Pinia installed in an app, as `app.use(pinia)` does: it is then the active one. */
function installedPinia(): Pinia {
  const pinia = createPinia()
  createApp({}).use(pinia)
  return pinia
}

function thrown(run: () => unknown): OrmError {
  try {
    run()
  }
  catch (error) {
    expect(error).toBeInstanceOf(OrmError)
    return error as OrmError
  }
  throw new Error('expected an error')
}

// In Node, Pinia 4 reports each lookup of the active Pinia outside a component (PINIA_R1004): a
// repository made with none looks it up at each use, so these are expected, and nothing else.
afterEach(() => {
  const calls = vi.mocked(console.error).mock.calls
  expect(calls.every(([message]) => String(message).includes('PINIA_R1004'))).toBe(true)
  vi.mocked(console.error).mockClear()
  setActivePinia(undefined)
})

describe('useRepo() with no active Pinia', () => {
  it('returns a repository that works once the Pinia is installed', () => {
    const pinia = installedPinia()
    userRepo.save({ id: 1, name: 'Ada', phone: { id: 10, number: '555' } })
    expect(userRepo.find(1)!.name).toBe('Ada')
    expect(useRepo(User, pinia).with('phone').find(1)!.phone!.number).toBe('555')
    expect(userRepo.count()).toBe(1)
  })

  it('throws only when it is used with no active Pinia, naming the model and what to do', () => {
    expect(() => useRepo(Phone)).not.toThrow()
    const message = thrown(() => userRepo.all()).message
    expect(message).toContain('useRepo(User)')
    expect(message).toContain('no active Pinia')
    expect(message).toContain('`all`')
    expect(message).toContain('useRepo(User, pinia)')
    expect(message).toContain('setActivePinia(pinia)')
  })

  it('gives each Pinia, made active in turn, only its own records', () => {
    const a = createPinia()
    const b = createPinia()
    setActivePinia(a)
    userRepo.save({ id: 1, name: 'Ada' })
    setActivePinia(b)
    expect(userRepo.all()).toEqual([])
    userRepo.save({ id: 2, name: 'Grace' })
    expect(userRepo.all().map(user => user.name)).toEqual(['Grace'])
    setActivePinia(a)
    expect(userRepo.all().map(user => user.name)).toEqual(['Ada'])
    expect(useRepo(User, b).all().map(user => user.name)).toEqual(['Grace'])
  })

  it('is a Repository of the model, and an instance of a custom repository class', () => {
    expect(userRepo).toBeInstanceOf(Repository)
    expect(postRepo).toBeInstanceOf(PostRepository)
    expect(postRepo).toBeInstanceOf(Repository)
    // Asking for the class is no use of the records: it needs no Pinia.
    expect(postRepo.constructor).toBe(PostRepository)
    setActivePinia(createPinia())
    expect(postRepo.constructor).toBe(PostRepository)
    expect(userRepo.use).toBe(User)
    expect(postRepo.use).toBe(Post)
    expect(postRepo.$self()).toBe(PostRepository)
    expect(userRepo.getModel()).toBeInstanceOf(User)
  })

  it('runs the methods of a custom repository class, which call this.where(), on the active Pinia', () => {
    const pinia = installedPinia()
    useRepo(Post, pinia).save([
      { id: 1, userId: 1, title: 'b' },
      { id: 2, userId: 1, title: 'a' },
      { id: 3, userId: 2, title: 'c' },
    ])
    expect(postRepo.titlesOf(1)).toEqual(['a', 'b'])
    expect(postRepo.count()).toBe(3)
    setActivePinia(createPinia())
    expect(postRepo.titlesOf(1)).toEqual([])
  })

  it('runs a method on the Pinia active when it was called, also after an await in it', async () => {
    const a = createPinia()
    const b = createPinia()
    setActivePinia(a)
    let go!: () => void
    const saving = postRepo.saveLater('Engines', new Promise<void>((resolve) => {
      go = resolve
    }))
    setActivePinia(b)
    go()
    await saving
    expect(useRepo(Post, a).find(9)!.title).toBe('Engines')
    expect(useRepo(Post, b).find(9)).toBeNull()
  })

  it('throws at the first use, not when made, for a custom repository class without a model', () => {
    const repo = useRepo(NoModelRepository)
    setActivePinia(createPinia())
    expect(thrown(() => repo.all()).message).toContain('NoModelRepository has no model')
  })

  it('builds query chains with relations', () => {
    installedPinia()
    userRepo.save([
      { id: 1, name: 'Ada', posts: [{ id: 1, title: 'Engines' }] },
      { id: 2, name: 'Alan', posts: [{ id: 2, title: 'Machines' }] },
    ])
    const users = userRepo.where('name', 'Ada').with('posts').get()
    expect(users.map(user => [user.name, user.posts?.map(post => post.title)])).toEqual([['Ada', ['Engines']]])
    expect(userRepo.query().orderBy('name', 'desc').first()!.name).toBe('Alan')
  })

  it('answers piniaStore(), config and the plugins of the active Pinia', () => {
    const pinia = createPinia().use(createORM({
      plugins: [definePiniaOrmPlugin((context) => {
        context.config.apiConfig = 'from the plugin'
        return context
      })],
    }))
    createApp({}).use(pinia)
    expect(userRepo.piniaStore()).toBe(useRepo(User, pinia).piniaStore())
    expect(userRepo.config.apiConfig).toBe('from the plugin')
    expect('save' in userRepo).toBe(true)
    expect(Object.keys(userRepo).sort()).toEqual(Object.keys(useRepo(User, pinia)).sort())
  })

  it('keeps the repositories made with a Pinia as they are: only one made with none is resolved at each use', () => {
    const pinia = installedPinia()
    expect(types.isProxy(useRepo(User, pinia))).toBe(false)
    expect(types.isProxy(useRepo(User))).toBe(false)
    expect(useRepo(User)).toBe(useRepo(User, pinia))
    expect(types.isProxy(userRepo)).toBe(true)
  })

  it('keeps no fields of its own: setting one throws, saying where to call useRepo()', () => {
    setActivePinia(createPinia())
    const message = thrown(() => {
      (userRepo as unknown as Record<string, unknown>).page = 2
    }).message
    expect(message).toContain('useRepo(User)')
    expect(message).toContain('`page`')
  })

  it('can be awaited, kept in a ref and passed around while no Pinia is active', async () => {
    expect(await Promise.resolve(userRepo)).toBe(userRepo)
    expect(Object.prototype.toString.call(userRepo)).toBe('[object Object]')
    const held = ref(userRepo)
    const pinia = installedPinia()
    held.value.save({ id: 1, name: 'Ada' })
    expect(useRepo(User, pinia).find(1)!.name).toBe('Ada')
  })

  it('uses the Pinia of the component it is used in on a server, as Pinia 4 finds it there', async () => {
    const a = createPinia()
    const b = createPinia()
    useRepo(User, a).save({ id: 1, name: 'Ada' })
    useRepo(User, b).save({ id: 1, name: 'Grace' })
    const Names = defineComponent({
      setup: () => () => h('p', userRepo.all().map(user => user.name).join(',')),
    })
    const app = createSSRApp(Names).use(a)
    setActivePinia(b)
    expect(await renderToString(app)).toBe('<p>Ada</p>')
  })
})

describe('mapRepos() with no active Pinia', () => {
  it('gives a repository that finds the active Pinia when it is used', () => {
    const { users, posts } = mapRepos({ users: User, posts: PostRepository })
    const repo = users.call({})
    const custom = posts.call({})
    expect(repo).toBeInstanceOf(Repository)
    expect(custom).toBeInstanceOf(PostRepository)
    expect(() => repo.all()).toThrow('useRepo(User)')
    const pinia = installedPinia()
    repo.save({ id: 1, name: 'Ada' })
    custom.save({ id: 1, userId: 1, title: 'Engines' })
    expect(useRepo(User, pinia).find(1)!.name).toBe('Ada')
    expect(custom.titlesOf(1)).toEqual(['Engines'])
  })
})

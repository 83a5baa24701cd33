// mapRepos in Options API components, as pinia-orm's documentation shows it, rendered by Vue's
// server renderer with real Pinia instances: each component reads the records of its own app's Pinia.
import { createPinia, setActivePinia } from 'pinia'
import type { Pinia } from 'pinia'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it, vi } from 'vitest'
import { Model, Repository, mapRepos, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'map_users'
  static override fields() {
    return { id: this.attr<number>(null), name: this.string('') }
  }
}

class Post extends Model {
  static override entity = 'map_posts'
  static override fields() {
    return { id: this.attr<number>(null), title: this.string('') }
  }
}

class PostRepository extends Repository<typeof Post> {
  override use = Post

  titles(): string[] {
    return this.orderBy('title').get().map(post => post.title)
  }
}

const UserList = defineComponent({
  computed: {
    ...mapRepos({ userRepo: User, postRepo: PostRepository }),
    names(): string[] {
      return this.userRepo.orderBy('name').get().map(user => user.name)
    },
  },
  data: () => ({ text: '' }),
  // Lets two renders interleave, as two server requests do. After the `await` no component is
  // current, so only the component's own `$pinia` can tell which Pinia is this app's.
  async serverPrefetch() {
    await new Promise(resolve => setTimeout(resolve, 5))
    this.text = `${this.names.join(',')}|${this.postRepo.titles().join(',')}`
  },
  render() {
    return h('p', this.text)
  },
})

function appWith(pinia: Pinia | undefined) {
  const app = createSSRApp(UserList)
  if (pinia)
    app.use(pinia)
  return app
}

describe('mapRepos', () => {
  it('gives each Options API component the repositories of its own app\'s Pinia, while renders interleave', async () => {
    const a = createPinia()
    const b = createPinia()
    useRepo(User, a).save([{ id: 1, name: 'Ada' }, { id: 2, name: 'Alan' }])
    useRepo(Post, a).save({ id: 1, title: 'Engines' })
    useRepo(User, b).save({ id: 1, name: 'Grace' })
    useRepo(Post, b).save([{ id: 1, title: 'Compilers' }, { id: 2, title: 'Cobol' }])

    const appA = appWith(a)
    // Installing b makes it Pinia's active instance: app A must still read a.
    const appB = appWith(b)
    const [htmlA, htmlB] = await Promise.all([renderToString(appA), renderToString(appB)])

    expect(htmlA).toBe('<p>Ada,Alan|Engines</p>')
    expect(htmlB).toBe('<p>Grace|Cobol,Compilers</p>')
  })

  it('returns a repository of the model, and an instance of a repository class with its own methods', () => {
    const pinia = createPinia()
    const { userRepo, postRepo } = mapRepos({ userRepo: User, postRepo: PostRepository })
    const users = userRepo.call({ $pinia: pinia })
    const posts = postRepo.call({ $pinia: pinia })
    expect(users).toBeInstanceOf(Repository)
    expect(users.use).toBe(User)
    expect(posts).toBeInstanceOf(PostRepository)
    users.save({ id: 3, name: 'Linus' })
    expect(useRepo(User, pinia).find(3)!.name).toBe('Linus')
  })

  it('falls back to the active Pinia in an app where Pinia is not installed', async () => {
    const active = createPinia()
    useRepo(User, active).save({ id: 1, name: 'Barbara' })
    setActivePinia(active)
    expect(await renderToString(appWith(undefined))).toBe('<p>Barbara|</p>')
    // Pinia itself warns, in development, of a component that reads its global active instance.
    expect(vi.mocked(console.error).mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('Pinia instance not found in context'),
      expect.stringContaining('Pinia instance not found in context'),
    ])
    expect(vi.mocked(console.warn).mock.calls.every(([message]) => String(message).includes('injection "Symbol(pinia)" not found'))).toBe(true)
    vi.mocked(console.error).mockClear()
    vi.mocked(console.warn).mockClear()
  })

  it('gives the active Pinia\'s repository to a getter called outside a component, as pinia-orm\'s', () => {
    const active = createPinia()
    useRepo(User, active).save({ id: 1, name: 'Ada' })
    setActivePinia(active)
    const mapped = mapRepos({ users: User })
    const { users } = mapped
    expect(mapped.users().find(1)!.name).toBe('Ada')
    expect(users().find(1)!.name).toBe('Ada')
    // Pinia warns, in development, of a store read through its global active instance.
    expect(vi.mocked(console.error).mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('Pinia instance not found in context'),
      expect.stringContaining('Pinia instance not found in context'),
    ])
    vi.mocked(console.error).mockClear()
  })
})

// This library's core through its public API, on the root package's pinia 4.
import { createPinia, setActivePinia } from 'pinia'
import { toRaw } from 'vue'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { installedVersion, ROOT_DIR } from './versions.mjs'
import { relationMethods } from './relationsModels.mjs'

function defineModels(Model) {
  class User extends Model {
    static entity = 'users'
    static fields() {
      return {
        id: this.attr(null),
        name: this.string(''),
        email: this.string(''),
        phone: this.hasOne(Phone, 'userId'),
        posts: this.hasMany(Post, 'userId'),
      }
    }
  }

  class Phone extends Model {
    static entity = 'phones'
    static fields() {
      return {
        id: this.attr(null),
        userId: this.attr(null),
        number: this.string(''),
        user: this.belongsTo(User, 'userId'),
      }
    }
  }

  class Post extends Model {
    static entity = 'posts'
    static fields() {
      return {
        id: this.attr(null),
        userId: this.attr(null),
        title: this.string(''),
        user: this.belongsTo(User, 'userId'),
      }
    }
  }

  return { User, Phone, Post }
}

const toJson = model => (model ? model.$toJson() : null)

/** @returns {Promise<import('./implementation.mjs').Implementation>} the core behind the common contract */
export async function createOurs(variant = 'A') {
  // Imported late: the bundle exists only after build.mjs ran. BENCH_ORM_BUNDLE
  // (or, for the variant B of an A/B run, BENCH_ORM_BUNDLE_B)
  // points at another bundle of the core, to measure a patch against it.
  const path = variant === 'B' ? process.env.BENCH_ORM_BUNDLE_B : process.env.BENCH_ORM_BUNDLE
  const bundle = path ? pathToFileURL(resolve(path)).href : './.build/orm.mjs'
  const { Model, useRepo, packState, unpackState } = await import(bundle)
  // W6 sends what the Nuxt module's payload plugin sends: the state packed by
  // the core's packState (field names once per entity), when the core has it.
  const packs = typeof packState === 'function' && typeof unpackState === 'function'
  const { User, Phone, Post } = defineModels(Model)

  function storeOn(pinia) {
    setActivePinia(pinia)
    return { pinia, users: useRepo(User, pinia), phones: useRepo(Phone, pinia), posts: useRepo(Post, pinia) }
  }

  return {
    name: variant === 'B' ? 'ours-b' : 'ours',
    version: `nuxt-pinia-orm core (${path ?? 'src'}${packs ? ', W6 through packState' : ''}), pinia ${installedVersion(ROOT_DIR, 'pinia')}, vue ${installedVersion(ROOT_DIR, 'vue')}`,
    createStore: () => storeOn(createPinia()),
    saveUsers: (store, users) => store.users.save(users),
    usersWithPhone: store => store.users.with('phone').get(),
    phonesWithUser: store => store.phones.with('user').get(),
    usersWithPostsWhereName: (store, predicate) => store.users.with('posts').where('name', predicate).get(),
    findUsersWithPhone(store, ids) {
      const out = []
      for (const id of ids) out.push(store.users.with('phone').find(id))
      return out
    },
    findUserWithPhone: (store, id) => store.users.with('phone').find(id),
    destroyUsers: (store, ids) => store.users.destroy(ids),
    countAndExists(store, calls) {
      let result
      for (let i = 0; i < calls; i++) result = { count: store.users.count(), exists: store.users.exists() }
      return result
    },
    postsByUser: store => store.posts.groupBy('userId').get(),
    usersPage: (store, page, perPage) => store.users.orderBy('name').paginate(page, perPage),
    // Without packState: the raw state, as Nuxt's payload serializes it (its
    // `Reactive` reducer unwraps it); through Vue's proxies it takes 20 times longer.
    serialize: store => JSON.stringify(packs ? packState(store.pinia) : toRaw(store.pinia.state.value)),
    deserialize(json) {
      const pinia = createPinia()
      const state = JSON.parse(json)
      pinia.state.value = packs ? unpackState(state) : state
      return storeOn(pinia)
    },
    snapshot: store => ({
      users: Object.values(store.pinia.state.value.users.data),
      phones: Object.values(store.pinia.state.value.phones.data),
      posts: Object.values(store.pinia.state.value.posts.data),
    }),
    toPlain: result => (Array.isArray(result) ? result.map(toJson) : toJson(result)),
    ...relationMethods(Model, useRepo),
  }
}

// pinia-orm 1.10.2 through its documented public API, on its own pinia 2.
import { installedVersion, PINIA_ORM_DIR } from './versions.mjs'
import { relationMethods } from './relationsModels.mjs'
import { Model, useRepo, createORM, createPinia, setActivePinia, toRaw } from './pinia-orm/index.mjs'

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

function storeOn(pinia) {
  setActivePinia(pinia)
  const users = useRepo(User, pinia)
  // pinia-orm keeps hydrated models in one Map shared by every Pinia in the
  // process; a fresh store must start with it empty, or reads of the new
  // store return models hydrated from an earlier one.
  users.hydratedDataCache.clear()
  return { pinia, users, phones: useRepo(Phone, pinia), posts: useRepo(Post, pinia) }
}

const toJson = model => (model ? model.$toJson() : null)

/** @returns {import('./implementation.mjs').Implementation} pinia-orm behind the common contract */
export function createPiniaOrm() {
  return {
    name: 'pinia-orm',
    version: `pinia-orm ${installedVersion(PINIA_ORM_DIR, 'pinia-orm')}, pinia ${installedVersion(PINIA_ORM_DIR, 'pinia')}`,
    createStore: () => storeOn(createPinia().use(createORM())),
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
    // pinia-orm 1.10 has groupBy, but no count, exists or paginate (W12 and W14 leave it out).
    postsByUser: store => store.posts.groupBy('userId').get(),
    // Raw, as Nuxt's payload serializes it (its `Reactive` reducer unwraps the state).
    serialize: store => JSON.stringify(toRaw(store.pinia.state.value)),
    deserialize(json) {
      const pinia = createPinia().use(createORM())
      pinia.state.value = JSON.parse(json)
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

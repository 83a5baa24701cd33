import * as relations from './relationsBaseline.mjs'

// The "typical hand-written" baseline (the bench's plain baseline until issue
// 13): Maps keyed by id and `userId` indexes kept on write like the tight one
// (baseline.mjs), but written the everyday way: records copied with a generic
// `for...in` over the defaults and outputs made with object spreads. Shown as
// its own column; every ours / plain ratio uses the tight baseline.

const USER_DEFAULTS = { id: null, name: '', email: '' }
const PHONE_DEFAULTS = { id: null, userId: null, number: '' }
const POST_DEFAULTS = { id: null, userId: null, title: '' }

/** Keeps only the declared attributes, merging onto the stored record when there is one. */
function pick(defaults, existing, input) {
  const record = {}
  for (const key in defaults) {
    record[key] = key in input ? input[key] : existing ? existing[key] : defaults[key]
  }
  return record
}

function createStore() {
  return {
    users: new Map(),
    phones: new Map(),
    posts: new Map(),
    /** userId -> phone record */
    phoneByUser: new Map(),
    /** userId -> post records, in insertion (= id) order */
    postsByUser: new Map(),
  }
}

function putPhone(store, input) {
  const existing = store.phones.get(input.id)
  const phone = pick(PHONE_DEFAULTS, existing, input)
  store.phones.set(phone.id, phone)
  if (existing && existing.userId !== phone.userId) store.phoneByUser.delete(existing.userId)
  store.phoneByUser.set(phone.userId, phone)
  return phone
}

function putPost(store, input) {
  const existing = store.posts.get(input.id)
  const post = pick(POST_DEFAULTS, existing, input)
  store.posts.set(post.id, post)
  if (existing) {
    const old = store.postsByUser.get(existing.userId)
    old.splice(old.indexOf(existing), 1)
  }
  const list = store.postsByUser.get(post.userId)
  if (list) list.push(post)
  else store.postsByUser.set(post.userId, [post])
  return post
}

/** Returns the saved users with the nested records of the input, as an ORM's `save` does. */
function saveUsers(store, inputs) {
  const saved = []
  for (const input of inputs) {
    const user = pick(USER_DEFAULTS, store.users.get(input.id), input)
    store.users.set(user.id, user)
    const result = { ...user }
    if (input.phone) result.phone = { ...putPhone(store, { ...input.phone, userId: user.id }) }
    if (input.posts) result.posts = input.posts.map(post => ({ ...putPost(store, { ...post, userId: user.id }) }))
    saved.push(result)
  }
  return saved
}

function userWithPhone(store, user) {
  const phone = store.phoneByUser.get(user.id)
  return { ...user, phone: phone ? { ...phone } : null }
}

function usersWithPhone(store) {
  const out = []
  for (const user of store.users.values()) out.push(userWithPhone(store, user))
  return out
}

function phonesWithUser(store) {
  const out = []
  for (const phone of store.phones.values()) {
    const user = store.users.get(phone.userId)
    out.push({ ...phone, user: user ? { ...user } : null })
  }
  return out
}

function usersWithPostsWhereName(store, predicate) {
  const out = []
  for (const user of store.users.values()) {
    if (!predicate(user.name)) continue
    const posts = store.postsByUser.get(user.id)
    out.push({ ...user, posts: posts ? posts.map(post => ({ ...post })) : [] })
  }
  return out
}

function findUsersWithPhone(store, ids) {
  const out = []
  for (const id of ids) {
    const user = store.users.get(id)
    out.push(user ? userWithPhone(store, user) : null)
  }
  return out
}

function destroyUsers(store, ids) {
  const removed = []
  for (const id of ids) {
    const user = store.users.get(id)
    if (!user) continue
    store.users.delete(id)
    removed.push({ ...user })
  }
  return removed
}

function countAndExists(store, calls) {
  let result
  for (let i = 0; i < calls; i++) result = { count: store.users.size, exists: store.users.size > 0 }
  return result
}

function postsByUser(store) {
  const groups = {}
  for (const post of store.posts.values()) {
    const copy = { ...post }
    const group = groups[post.userId]
    if (group) group.push(copy)
    else groups[post.userId] = [copy]
  }
  return groups
}

function usersPage(store, page, perPage) {
  const sorted = [...store.users.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const total = sorted.length
  const data = sorted.slice((page - 1) * perPage, page * perPage).map(user => ({ ...user }))
  return { data, total, page, perPage, lastPage: Math.max(1, Math.ceil(total / perPage)) }
}

/** The smallest natural payload: each entity's records as an array. */
function serialize(store) {
  return JSON.stringify({
    users: [...store.users.values()],
    phones: [...store.phones.values()],
    posts: [...store.posts.values()],
  })
}

function deserialize(json) {
  const state = JSON.parse(json)
  const store = createStore()
  for (const user of state.users) store.users.set(user.id, user)
  for (const phone of state.phones) {
    store.phones.set(phone.id, phone)
    store.phoneByUser.set(phone.userId, phone)
  }
  for (const post of state.posts) {
    store.posts.set(post.id, post)
    const list = store.postsByUser.get(post.userId)
    if (list) list.push(post)
    else store.postsByUser.set(post.userId, [post])
  }
  return store
}

function snapshot(store) {
  return {
    users: [...store.users.values()],
    phones: [...store.phones.values()],
    posts: [...store.posts.values()],
  }
}

function findUserWithPhone(store, id) {
  const user = store.users.get(id)
  return user ? userWithPhone(store, user) : null
}

/** @returns {import('./implementation.mjs').Implementation} the typical baseline behind the common contract */
export function createTypicalBaseline() {
  return {
    name: 'typical',
    version: 'hand-written, typical (for...in copies, object spreads)',
    createStore,
    saveUsers,
    usersWithPhone,
    phonesWithUser,
    usersWithPostsWhereName,
    findUsersWithPhone,
    findUserWithPhone,
    destroyUsers,
    countAndExists,
    postsByUser,
    usersPage,
    serialize,
    deserialize,
    snapshot,
    toPlain: value => value,
    ...relations,
  }
}

import * as relations from './relationsBaseline.mjs'

// The tight hand-written plain-JavaScript baseline (issue 13): what a careful
// developer writes without an ORM when speed matters. Maps keyed by id hold
// the records, two Maps index phones and posts by `userId` and are kept up to
// date on every write, and every read builds exactly one fresh output object
// per record in the result (like an ORM's model instances, so nobody mutates
// the store through a result), each written as a literal with its fields
// named: no generic `for...in` copying, no object spreads. Every ours / plain
// ratio in the report is against this one; baselineTypical.mjs is the
// everyday way of writing the same, shown as its own column.

const userOut = user => ({ id: user.id, name: user.name, email: user.email })
const phoneOut = phone => ({ id: phone.id, userId: phone.userId, number: phone.number })
const postOut = post => ({ id: post.id, userId: post.userId, title: post.title })

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

/** A new user record, or the stored one with the input's fields merged in (a partial save). */
function putUser(store, input) {
  const existing = store.users.get(input.id)
  if (existing === undefined) {
    const user = {
      id: input.id,
      name: input.name === undefined ? '' : input.name,
      email: input.email === undefined ? '' : input.email,
    }
    store.users.set(user.id, user)
    return user
  }
  if (input.name !== undefined) existing.name = input.name
  if (input.email !== undefined) existing.email = input.email
  return existing
}

function putPhone(store, input, userId) {
  const existing = store.phones.get(input.id)
  if (existing === undefined) {
    const phone = { id: input.id, userId, number: input.number === undefined ? '' : input.number }
    store.phones.set(phone.id, phone)
    store.phoneByUser.set(userId, phone)
    return phone
  }
  if (existing.userId !== userId) {
    store.phoneByUser.delete(existing.userId)
    existing.userId = userId
    store.phoneByUser.set(userId, existing)
  }
  if (input.number !== undefined) existing.number = input.number
  return existing
}

function putPost(store, input, userId) {
  const existing = store.posts.get(input.id)
  if (existing === undefined) {
    const post = { id: input.id, userId, title: input.title === undefined ? '' : input.title }
    store.posts.set(post.id, post)
    const list = store.postsByUser.get(userId)
    if (list === undefined) store.postsByUser.set(userId, [post])
    else list.push(post)
    return post
  }
  if (existing.userId !== userId) {
    const old = store.postsByUser.get(existing.userId)
    old.splice(old.indexOf(existing), 1)
    existing.userId = userId
    const list = store.postsByUser.get(userId)
    if (list === undefined) store.postsByUser.set(userId, [existing])
    else list.push(existing)
  }
  if (input.title !== undefined) existing.title = input.title
  return existing
}

/** Returns the saved users with the nested records of the input, as an ORM's `save` does. */
function saveUsers(store, inputs) {
  const saved = []
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]
    const result = userOut(putUser(store, input))
    if (input.phone !== undefined) result.phone = phoneOut(putPhone(store, input.phone, input.id))
    if (input.posts !== undefined) {
      const posts = []
      for (let k = 0; k < input.posts.length; k++) posts.push(postOut(putPost(store, input.posts[k], input.id)))
      result.posts = posts
    }
    saved.push(result)
  }
  return saved
}

function userWithPhone(store, user) {
  const phone = store.phoneByUser.get(user.id)
  return { id: user.id, name: user.name, email: user.email, phone: phone === undefined ? null : phoneOut(phone) }
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
    out.push({ id: phone.id, userId: phone.userId, number: phone.number, user: user === undefined ? null : userOut(user) })
  }
  return out
}

function usersWithPostsWhereName(store, predicate) {
  const out = []
  for (const user of store.users.values()) {
    if (!predicate(user.name)) continue
    const stored = store.postsByUser.get(user.id)
    const posts = []
    if (stored !== undefined) for (let k = 0; k < stored.length; k++) posts.push(postOut(stored[k]))
    out.push({ id: user.id, name: user.name, email: user.email, posts })
  }
  return out
}

function findUserWithPhone(store, id) {
  const user = store.users.get(id)
  return user === undefined ? null : userWithPhone(store, user)
}

function findUsersWithPhone(store, ids) {
  const out = []
  for (let i = 0; i < ids.length; i++) out.push(findUserWithPhone(store, ids[i]))
  return out
}

function destroyUsers(store, ids) {
  const removed = []
  for (const id of ids) {
    const user = store.users.get(id)
    if (user === undefined) continue
    store.users.delete(id)
    removed.push(userOut(user))
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
    const group = groups[post.userId]
    if (group === undefined) groups[post.userId] = [postOut(post)]
    else group.push(postOut(post))
  }
  return groups
}

function usersPage(store, page, perPage) {
  const sorted = Array.from(store.users.values()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const total = sorted.length
  const data = sorted.slice((page - 1) * perPage, page * perPage)
  for (let i = 0; i < data.length; i++) data[i] = userOut(data[i])
  return { data, total, page, perPage, lastPage: Math.max(1, Math.ceil(total / perPage)) }
}

/** The smallest natural payload: each entity's records as an array. */
function serialize(store) {
  return JSON.stringify({
    users: Array.from(store.users.values()),
    phones: Array.from(store.phones.values()),
    posts: Array.from(store.posts.values()),
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
    if (list === undefined) store.postsByUser.set(post.userId, [post])
    else list.push(post)
  }
  return store
}

function snapshot(store) {
  return {
    users: Array.from(store.users.values()),
    phones: Array.from(store.phones.values()),
    posts: Array.from(store.posts.values()),
  }
}

/** @returns {import('./implementation.mjs').Implementation} the tight baseline behind the common contract */
export function createBaseline() {
  return {
    name: 'plain',
    version: 'hand-written, tight (Maps, indexes kept on write, literal copies)',
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

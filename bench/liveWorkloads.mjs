// Workloads of live queries (issue 15): W15, W16, W16b and W17, for the core (a live query, and a
// computed over get() as a Vue app writes it today) and for a hand-written plain-JS baseline that
// keeps its result up to date itself. Run by live.mjs.

/** N users (every other one active, names in no id order), one phone and three posts each. */
export function makeLiveUsers(n) {
  const users = []
  for (let i = 1; i <= n; i++) {
    users.push({
      id: i,
      name: `user-${(i * 7919) % n}`,
      active: i % 2 === 0,
      phone: { id: i, number: `${i}` },
      posts: [{ id: 3 * i - 2, title: 'a' }, { id: 3 * i - 1, title: 'b' }, { id: 3 * i, title: 'c' }],
    })
  }
  return users
}

export function defineLiveModels(Model) {
  class User extends Model {
    static entity = 'users'
    static fields() {
      return {
        id: this.attr(null),
        name: this.string(''),
        active: this.boolean(false),
        phone: this.hasOne(Phone, 'userId'),
        posts: this.hasMany(Post, 'userId'),
      }
    }
  }
  class Phone extends Model {
    static entity = 'phones'
    static fields() {
      return { id: this.attr(null), userId: this.attr(null), number: this.string('') }
    }
  }
  class Post extends Model {
    static entity = 'posts'
    static fields() {
      // `author` is read by W16b only (a nested with()); W15/W16 do not load it.
      return { id: this.attr(null), userId: this.attr(null), title: this.string(''), author: this.belongsTo(User, 'userId') }
    }
  }
  return { User, Phone, Post }
}

/** The plain-JS baseline: Maps by id, a userId index, and results kept up to date by hand. */
export function createPlainStore(users) {
  const userMap = new Map()
  const phoneMap = new Map()
  const phoneOfUser = new Map()
  const postsOfUser = new Map()
  for (const { phone, posts, ...user } of users) {
    userMap.set(user.id, user)
    phoneMap.set(phone.id, { ...phone, userId: user.id })
    phoneOfUser.set(user.id, phone.id)
    postsOfUser.set(user.id, posts.map(post => ({ ...post, userId: user.id })))
  }
  const withPhone = user => ({ ...user, phone: phoneMap.get(phoneOfUser.get(user.id)) ?? null })
  // W15: every user with its phone, its position by id.
  const all = [...userMap.values()].map(withPhone)
  const position = new Map(all.map((user, i) => [user.id, i]))
  // W16: active users sorted by name (then id), the first 50 with their posts.
  const compare = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id)
  const active = [...userMap.values()].filter(user => user.active).sort(compare)
  const search = (user) => {
    let low = 0
    let high = active.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compare(active[middle], user) < 0) low = middle + 1
      else high = middle
    }
    return low
  }
  let page = []
  const cut = () => {
    page = active.slice(0, 50).map(user => ({ ...user, posts: postsOfUser.get(user.id) }))
  }
  cut()
  return {
    savePhoneNumber(id, number) {
      const phone = { ...phoneMap.get(id), number }
      phoneMap.set(id, phone)
      const at = position.get(phone.userId)
      all[at] = { ...all[at], phone }
    },
    usersWithPhone: () => all,
    saveUserName(id, name) {
      const before = userMap.get(id)
      const after = { ...before, name }
      userMap.set(id, after)
      if (after.active) {
        active.splice(search(before), 1)
        active.splice(search(after), 0, after)
        cut()
      }
    },
    activePage: () => page,
  }
}

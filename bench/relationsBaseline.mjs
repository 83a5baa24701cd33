// The plain-JavaScript baseline of W9..W11: Maps keyed by id and indexes kept on write, outputs
// written as literals (no object spreads), like the tight baseline of W1..W8 (baseline.mjs).

function pivotStore(store) {
  store.rusers ??= new Map()
  store.roles ??= new Map()
  /** userId -> Map(roleId -> pivot) */
  store.rolesByUser ??= new Map()
  return store
}

/** W9, the save: users, roles and one pivot per (user, role), never twice. */
export function saveUsersWithRoles(store, inputs) {
  pivotStore(store)
  for (const input of inputs) {
    store.rusers.set(input.id, { id: input.id, name: input.name })
    let links = store.rolesByUser.get(input.id)
    if (!links)
      store.rolesByUser.set(input.id, links = new Map())
    for (const role of input.roles) {
      store.roles.set(role.id, { id: role.id, name: role.name })
      if (!links.has(role.id))
        links.set(role.id, { userId: input.id, roleId: role.id })
    }
  }
}

/** W9, the read: every user with its roles, each carrying its pivot. */
export function usersWithRoles(store) {
  const out = []
  for (const user of store.rusers.values()) {
    const roles = []
    for (const [roleId, pivot] of store.rolesByUser.get(user.id) ?? []) {
      const role = store.roles.get(roleId)
      if (role)
        roles.push({ id: role.id, name: role.name, pivot: { userId: pivot.userId, roleId: pivot.roleId } })
    }
    out.push({ id: user.id, name: user.name, roles })
  }
  return out
}

/** W10, the fill: posts, videos and comments indexed by `type:id` of their owner. */
export function savePostsAndVideos(store, { posts, videos }) {
  store.cposts = new Map()
  store.videos = new Map()
  store.comments = new Map()
  store.commentsByOwner = new Map()
  const put = (type, owner) => {
    const list = []
    for (const comment of owner.comments) {
      const record = { id: comment.id, body: comment.body, commentableId: owner.id, commentableType: type }
      store.comments.set(record.id, record)
      list.push(record)
    }
    store.commentsByOwner.set(`${type}:${owner.id}`, list)
  }
  for (const post of posts) {
    store.cposts.set(post.id, { id: post.id, title: post.title })
    put('cposts', post)
  }
  for (const video of videos) {
    store.videos.set(video.id, { id: video.id, title: video.title })
    put('videos', video)
  }
}

/** W10, the read. */
export function postsWithComments(store) {
  const out = []
  for (const post of store.cposts.values()) {
    const stored = store.commentsByOwner.get(`cposts:${post.id}`) ?? []
    const comments = []
    for (const comment of stored)
      comments.push({ id: comment.id, body: comment.body, commentableId: comment.commentableId, commentableType: comment.commentableType })
    out.push({ id: post.id, title: post.title, comments })
  }
  return out
}

/** W11: users with at least one post. */
export function usersHavingPosts(store) {
  const out = []
  for (const user of store.users.values()) {
    if (store.postsByUser.get(user.id)?.length)
      out.push({ id: user.id, name: user.name, email: user.email })
  }
  return out
}

/** W11: users with a post whose title passes. */
export function usersWhereHasPosts(store, predicate) {
  const out = []
  for (const user of store.users.values()) {
    if (store.postsByUser.get(user.id)?.some(post => predicate(post.title)))
      out.push({ id: user.id, name: user.name, email: user.email })
  }
  return out
}

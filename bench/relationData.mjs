// Deterministic input of W9..W11 (issue 9): every implementation gets the same records.

/** The size of the role pool W9's users draw from. */
export const ROLE_POOL = 100

/** W9: users 1..n, each with 3 distinct roles of the pool of 100, nested (pivots made by the save). */
export function makeUsersWithRoles(n) {
  const users = []
  for (let i = 1; i <= n; i++) {
    const roles = []
    for (let k = 0; k < 3; k++) {
      const id = ((i * 7 + k * 31) % ROLE_POOL) + 1
      roles.push({ id, name: `role-${id}` })
    }
    users.push({ id: i, name: `user-${i}`, roles })
  }
  return users
}

/** W10: posts 1..n with 2 comments each, and n/2 videos with 2 comments each (polymorphic). */
export function makePostsAndVideos(n) {
  const posts = []
  const videos = []
  let comment = 0
  for (let i = 1; i <= n; i++)
    posts.push({ id: i, title: `post ${i}`, comments: [{ id: ++comment, body: `c${comment}` }, { id: ++comment, body: `c${comment}` }] })
  for (let i = 1; i <= n / 2; i++)
    videos.push({ id: i, title: `video ${i}`, comments: [{ id: ++comment, body: `c${comment}` }, { id: ++comment, body: `c${comment}` }] })
  return { posts, videos }
}

/** W11: users 1..n; the odd ones have 3 posts, the even ones none. */
export function makeUsersHalfWithPosts(n) {
  const users = []
  for (let i = 1; i <= n; i++) {
    const user = { id: i, name: `user-${i}`, email: `user${i}@example.test` }
    if (i % 2 === 1)
      user.posts = [0, 1, 2].map(k => ({ id: 3 * i - 2 + k, title: `post ${3 * i - 2 + k}` }))
    users.push(user)
  }
  return users
}

/** W11's whereHas constraint: posts whose title ends in 1 (about 10% of posts). */
export const titleEndsInOne = title => title.endsWith('1')

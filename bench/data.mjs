// Deterministic input for every workload. All three implementations get
// byte-identical records, so their outputs can be compared one to one.

/**
 * Users 1..n, each with one phone (id = user id) and three posts
 * (ids 3i-2, 3i-1, 3i). Nested children carry no `userId`: every
 * implementation must fill the foreign key in from the parent, as an ORM
 * `save` of nested data does.
 */
export function makeUsers(n) {
  const users = []
  for (let i = 1; i <= n; i++) {
    const firstPost = 3 * i - 2
    users.push({
      id: i,
      name: `user-${i}`,
      email: `user${i}@example.test`,
      phone: { id: i, number: `+1-555-${String(i).padStart(7, '0')}` },
      posts: [
        { id: firstPost, title: `post ${firstPost}` },
        { id: firstPost + 1, title: `post ${firstPost + 1}` },
        { id: firstPost + 2, title: `post ${firstPost + 2}` },
      ],
    })
  }
  return users
}

/** Small seeded PRNG (mulberry32): the same ids on every run and machine. */
function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` user ids in 1..n for W5, drawn with a fixed seed. */
export function randomUserIds(n, count, seed = 42) {
  const random = seededRandom(seed)
  const ids = []
  for (let i = 0; i < count; i++) ids.push(1 + Math.floor(random() * n))
  return ids
}

/** W7 input: every tenth user (10%), with only its id and a new name. */
export function renamedUsers(n) {
  const records = []
  for (let id = 10; id <= n; id += 10) records.push({ id, name: `renamed-${id}` })
  return records
}

/** W8 input: the ids of 10% of the users (every tenth, offset so it differs from W7's). */
export function destroyedUserIds(n) {
  const ids = []
  for (let id = 3; id <= n; id += 10) ids.push(id)
  return ids
}

/** Name prefix W4 filters on: about 11% of users at every N. */
export const NAME_PREFIX = 'user-1'

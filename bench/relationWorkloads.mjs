// W9..W11 from issue 9: pivot and polymorphic relations, and relation queries, written once
// against the Implementation contract like W1..W8.
import { makePostsAndVideos, makeUsersHalfWithPosts, makeUsersWithRoles, titleEndsInOne } from './relationData.mjs'

const ids = list => list.map(item => item.id)

/** @type {import('./workloads.mjs').Workload[]} */
export const RELATION_WORKLOADS = [
  {
    id: 'W9',
    title: 'nested `save` of N users × 3 roles each (pool of 100) through belongsToMany, then `with(\'roles\').get()`',
    fresh: 'sample',
    prepare: (impl, n) => ({ store: impl.createStore(), users: makeUsersWithRoles(n) }),
    run(impl, { store, users }) {
      impl.saveUsersWithRoles(store, users)
      return impl.usersWithRoles(store)
    },
    // Roles by id: pinia-orm lists a user's roles in pivot-store order, the others in input order.
    plain: (_impl, output) => output.map(user => ({ id: user.id, name: user.name, roles: user.roles.map(role => ({ id: role.id, name: role.name })).sort((a, b) => a.id - b.id) })),
  },
  {
    id: 'W10',
    title: '`with(\'comments\').get()` of N posts whose comments are polymorphic (on posts and N/2 videos)',
    fresh: 'workload',
    prepare(impl, n) {
      const store = impl.createStore()
      impl.savePostsAndVideos(store, makePostsAndVideos(n))
      return { store }
    },
    run: (impl, { store }) => impl.postsWithComments(store),
    plain: (_impl, output) => output.map(post => ({ id: post.id, title: post.title, comments: post.comments.map(c => ({ id: c.id, body: c.body })) })),
  },
  {
    id: 'W11',
    title: '`has(\'posts\').get()` and `whereHas(\'posts\', q => q.where(\'title\', ...)).get()` of N users (half with 3 posts)',
    fresh: 'workload',
    prepare(impl, n) {
      const store = impl.createStore()
      impl.saveUsers(store, makeUsersHalfWithPosts(n))
      return { store }
    },
    run: (impl, { store }) => ({ has: impl.usersHavingPosts(store), whereHas: impl.usersWhereHasPosts(store, titleEndsInOne) }),
    plain: (_impl, output) => ({ has: ids(output.has), whereHas: ids(output.whereHas) }),
  },
]

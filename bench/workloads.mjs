// W1..W8 from issue 4 and W12..W14 from issue 12, written once against the Implementation contract.
//
// `fresh: 'sample'` workloads change or replace the store, so every timed
// sample gets a new store prepared outside the timing. `fresh: 'workload'`
// workloads only read: one fresh store is prepared for the workload and all
// its samples read from it, as an app reads the same store again and again
// (caches and lazily built indexes are warm after the first call; W6 is the
// cold path, a fresh store's very first read).
import { makeUsers, randomUserIds, renamedUsers, destroyedUserIds, NAME_PREFIX } from './data.mjs'
import { RELATION_WORKLOADS } from './relationWorkloads.mjs'

function filledStore(impl, n) {
  const store = impl.createStore()
  impl.saveUsers(store, makeUsers(n))
  return store
}

/** How many times W12 calls `count()` and `exists()`: one call alone is below the timer's grain. */
export const W12_CALLS = 100_000

const nameStartsWithPrefix = name => name.startsWith(NAME_PREFIX)

/**
 * @typedef {object} Workload
 * @property {string} id W1..W8, as in issue 4
 * @property {string} title what is measured, for the README
 * @property {'sample' | 'workload'} fresh how often a fresh store is prepared
 * @property {boolean} [coldOnly] measured in the cold mode only
 * @property {(impl: any, n: number, options: { calls: number }) => any} prepare untimed
 * @property {(impl: any, prepared: any) => any} run timed
 * @property {(impl: any, output: any, prepared: any) => any} plain the output as plain data, for the check
 */

/** @type {Workload[]} */
export const WORKLOADS = [
  {
    id: 'W1',
    title: 'one `save` of all N users with nested phone and 3 posts each, into an empty store',
    fresh: 'sample',
    prepare: (impl, n) => ({ store: impl.createStore(), users: makeUsers(n) }),
    run: (impl, { store, users }) => impl.saveUsers(store, users),
    plain: (impl, _output, { store }) => impl.snapshot(store),
  },
  {
    id: 'W2',
    title: '`with(\'phone\').get()` of all users',
    fresh: 'workload',
    prepare: (impl, n) => ({ store: filledStore(impl, n) }),
    run: (impl, { store }) => impl.usersWithPhone(store),
    plain: (impl, output) => impl.toPlain(output),
  },
  {
    id: 'W3',
    title: '`with(\'user\').get()` of all phones',
    fresh: 'workload',
    prepare: (impl, n) => ({ store: filledStore(impl, n) }),
    run: (impl, { store }) => impl.phonesWithUser(store),
    plain: (impl, output) => impl.toPlain(output),
  },
  {
    id: 'W4',
    title: `\`with('posts').where('name', v => v.startsWith('${NAME_PREFIX}')).get()\` (about 11% of users)`,
    fresh: 'workload',
    prepare: (impl, n) => ({ store: filledStore(impl, n) }),
    run: (impl, { store }) => impl.usersWithPostsWhereName(store, nameStartsWithPrefix),
    plain: (impl, output) => impl.toPlain(output),
  },
  {
    id: 'W5',
    title: '10,000 `with(\'phone\').find(id)` calls with seeded random ids (reported per call)',
    fresh: 'workload',
    prepare: (impl, n, { calls }) => ({ store: filledStore(impl, n), ids: randomUserIds(n, calls) }),
    run: (impl, { store, ids }) => impl.findUsersWithPhone(store, ids),
    plain: (impl, output) => impl.toPlain(output),
  },
  {
    id: 'W6',
    title: 'SSR round trip: serialize the state to JSON, take its byte size, parse it into a fresh store, then W2 on it',
    fresh: 'sample',
    prepare: (impl, n) => ({ store: filledStore(impl, n) }),
    run(impl, { store }) {
      const json = impl.serialize(store)
      const bytes = Buffer.byteLength(json)
      return { bytes, users: impl.usersWithPhone(impl.deserialize(json)) }
    },
    plain: (impl, output) => impl.toPlain(output.users),
  },
  {
    id: 'W7',
    title: 'partial `save` renaming 10% of users (`{ id, name }` records merged into existing ones)',
    fresh: 'sample',
    prepare: (impl, n) => ({ store: filledStore(impl, n), renamed: renamedUsers(n) }),
    run: (impl, { store, renamed }) => impl.saveUsers(store, renamed),
    plain: (impl, _output, { store }) => impl.snapshot(store),
  },
  {
    id: 'W8',
    title: '`destroy` of 10% of users by id',
    fresh: 'sample',
    prepare: (impl, n) => ({ store: filledStore(impl, n), ids: destroyedUserIds(n) }),
    run: (impl, { store, ids }) => impl.destroyUsers(store, ids),
    plain: (impl, _output, { store }) => impl.snapshot(store),
  },
  {
    // Cold mode only: what a server request pays, whichever of the two builds a relation's index.
    id: 'W1+W2',
    title: 'W1 then W2 on the same fresh store: a save, then its first relation read, as a server request runs them (cold mode only)',
    fresh: 'sample',
    coldOnly: true,
    prepare: (impl, n) => ({ store: impl.createStore(), users: makeUsers(n) }),
    run(impl, { store, users }) {
      impl.saveUsers(store, users)
      return impl.usersWithPhone(store)
    },
    plain: (impl, output) => impl.toPlain(output),
  },
  ...RELATION_WORKLOADS,
  // Issue 12: the repository and query API. An implementation without the method (pinia-orm 1.10
  // has no count, exists or paginate) leaves the workload out: `supported` says so.
  {
    id: 'W12',
    title: `${W12_CALLS.toLocaleString('en-US')} × (\`count()\` + \`exists()\`) on all N users, no constraints`,
    fresh: 'workload',
    supported: impl => typeof impl.countAndExists === 'function',
    prepare: (impl, n) => ({ store: filledStore(impl, n) }),
    run: (impl, { store }) => impl.countAndExists(store, W12_CALLS),
    plain: (_impl, output) => output,
  },
  {
    id: 'W13',
    title: '`groupBy(\'userId\').get()` of all 3N posts',
    fresh: 'workload',
    supported: impl => typeof impl.postsByUser === 'function',
    prepare: (impl, n) => ({ store: filledStore(impl, n) }),
    run: (impl, { store }) => impl.postsByUser(store),
    plain: (impl, output) => Object.fromEntries(Object.entries(output).map(([key, posts]) => [key, impl.toPlain(posts)])),
  },
  {
    id: 'W14',
    title: '`orderBy(\'name\').paginate(50, 20)` of N users',
    fresh: 'workload',
    supported: impl => typeof impl.usersPage === 'function',
    prepare: (impl, n) => ({ store: filledStore(impl, n) }),
    run: (impl, { store }) => impl.usersPage(store, 50, 20),
    plain: (impl, output) => ({ ...output, data: impl.toPlain(output.data) }),
  },
]

/** The number of find calls W5 makes when the time allows it. */
export const W5_CALLS = 10_000

/** The workloads the cold mode (cold.mjs) runs: W1..W8, as issue 13 asks. */
export const COLD_WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8', 'W1+W2']

/** The workloads of the warm mode: all but the cold-only ones. */
export const WARM_WORKLOADS = WORKLOADS.filter(workload => !workload.coldOnly)

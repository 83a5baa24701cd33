// W12 in one process, with or without Vue's dependency tracking used before it, for the ORM, the
// baseline and two reactive counts written by hand. A reactive `count()` has to ask Vue whether an
// effect is collecting dependencies (Vue's `Dep.track`, inlined into the counting loop), and once
// any effect has tracked a dependency, V8 compiles the tracking path in too. The hand-written
// counts show what that check costs in any code, not only in the ORM's:
//
// - `ref`: the baseline's Map beside a `shallowRef` version read by every count (`void
//   version.value; return users.size`), what one writes to make a Map's size reactive by hand;
// - `reactive Map`: `reactive(new Map())` and its `size`.
//
// bench/README.md, the W12 paragraph, quotes what this prints.
//
//   NODE_ENV=production node bench/w12Tracking.mjs          # nothing tracked before
//   NODE_ENV=production node bench/w12Tracking.mjs tracked  # 2,000 computeds read first
//   NODE_ENV=production node bench/w12Tracking.mjs tracked ref  # one implementation alone
//
// Run in one process, the implementations run later are timed with the feedback the earlier left
// in Vue's code (as in the A/B scripts): one alone per process, alternated, compares them fairly.
//
// BENCH_ORM_BUNDLE picks another bundle of the core, as for the other scripts here.
import { computed, reactive, shallowRef } from 'vue'
import { FACTORIES } from './factories.mjs'
import { WORKLOADS } from './workloads.mjs'

const tracked = process.argv[2] === 'tracked'
if (tracked) {
  const refs = Array.from({ length: 50 }, () => shallowRef(0))
  for (let i = 0; i < 2000; i++) {
    const sum = computed(() => refs.reduce((total, ref) => total + ref.value, 0))
    void sum.value
    refs[i % 50].value++
  }
}

/** The baseline's users Map, made reactive by hand in one of two ways (see above). */
function handWritten(kind) {
  return {
    async create() {
      const plain = await FACTORIES.plain()
      return {
        ...plain,
        saveUsers(store, users) {
          plain.saveUsers(store, users)
          const version = shallowRef(0)
          const map = kind === 'ref' ? store.users : reactive(store.users)
          store.reactiveUsers = kind === 'ref'
            ? { count: () => (void version.value, map.size) }
            : { count: () => map.size }
        },
        countAndExists(store, calls) {
          const users = store.reactiveUsers
          let result
          for (let i = 0; i < calls; i++) result = { count: users.count(), exists: users.count() > 0 }
          return result
        },
      }
    },
  }
}

const IMPLEMENTATIONS = {
  'ours': { create: FACTORIES.ours },
  'plain': { create: FACTORIES.plain },
  'ref': handWritten('ref'),
  'reactive Map': handWritten('reactive'),
}

const only = process.argv[3]
if (only !== undefined && !(only in IMPLEMENTATIONS))
  throw new Error(`Unknown implementation "${only}": one of ${Object.keys(IMPLEMENTATIONS).join(', ')}`)

const w12 = WORKLOADS.find(workload => workload.id === 'W12')
const times = []
for (const [name, { create }] of Object.entries(IMPLEMENTATIONS)) {
  if (only !== undefined && name !== only)
    continue
  const impl = await create()
  const prepared = w12.prepare(impl, 100_000)
  const samples = []
  for (let i = 0; i < 31; i++) {
    const start = performance.now()
    w12.run(impl, prepared)
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  times.push(`${name} ${(samples[15] * 1000).toFixed(0)} µs`)
}
console.log(`W12, N = 100,000, median of 31 (${tracked ? 'after tracking' : 'nothing tracked before'}): ${times.join(', ')}`)

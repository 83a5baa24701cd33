// Live query workloads (issue 15), apart from run.mjs:
//   node bench/live.mjs [--n 10000,100000] [--samples 200]
// W15: save one phone's number, then read `with('phone').get()` of all users.
// W16: save one user's name, then read `where('active', true).orderBy('name').with('posts').limit(50)`.
// W16b: save one phone's number, then read `with('posts.author.phone')` of all users (nested).
// W17: re-runs of a `find(1)` computed over 1,000 saves of other records.
// Each timed sample is one write and one read of the result, median of the samples; `live` is a
// live query, `computed` a computed over get() (what an app without live queries writes), `plain`
// the hand-written baseline of liveWorkloads.mjs. Production builds of Vue and the core.
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { buildOrm, ORM_ENTRY } from './build.mjs'
import { createPlainStore, defineLiveModels, makeLiveUsers } from './liveWorkloads.mjs'

process.env.NODE_ENV = 'production'
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : process.argv[at + 1]
}
const sizes = argument('n', '10000,100000').split(',').map(Number)
const samples = Number(argument('samples', '200'))
const bundle = fileURLToPath(new URL('.build/orm-live.mjs', import.meta.url))
// --entry another/src/runtime/orm/index.ts measures another copy of the core (A/B); a core without
// live queries gets the computed rows only.
await buildOrm(argument('entry', ORM_ENTRY), bundle)
const { computed } = await import('vue')
const { createPinia } = await import('pinia')
const { Model, useRepo } = await import(bundle)
const { User, Phone } = defineLiveModels(Model)

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}
const time = (count, step) => {
  const times = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    step(i)
    times.push(performance.now() - start)
  }
  return median(times)
}
const fresh = (n) => {
  const pinia = createPinia()
  useRepo(User, pinia).save(makeLiveUsers(n))
  return pinia
}
const pick = (i, n) => 1 + ((i * 2654435761) % n)

const rows = []
for (const n of sizes) {
  const pinia = fresh(n)
  const few = Math.max(5, Math.min(samples, Math.round(2_000_000 / n)))
  const hasLive = typeof useRepo(User, pinia).query().live === 'function'
  // W15
  if (hasLive) {
    const w15 = useRepo(User, pinia).with('phone').live()
    rows.push(['W15', n, 'live', time(samples, (i) => {
      useRepo(Phone, pinia).save({ id: pick(i, n), number: `live ${i}` })
      if (w15.value.length !== n) throw new Error('W15: wrong length')
    })])
    w15.stop()
  }
  const w15c = computed(() => useRepo(User, pinia).with('phone').get())
  void w15c.value
  rows.push(['W15', n, 'computed', time(few, (i) => {
    useRepo(Phone, pinia).save({ id: pick(i, n), number: `computed ${i}` })
    if (w15c.value.length !== n) throw new Error('W15: wrong length')
  })])
  // W16
  if (hasLive) {
    const w16 = useRepo(User, pinia).where('active', true).orderBy('name').with('posts').limit(50).live()
    rows.push(['W16', n, 'live', time(samples, (i) => {
      useRepo(User, pinia).save({ id: pick(i, n), name: `user-${pick(i + 7, n)}` })
      if (w16.value.length !== 50) throw new Error('W16: wrong length')
    })])
    w16.stop()
  }
  const w16c = computed(() => useRepo(User, pinia).where('active', true).orderBy('name').with('posts').limit(50).get())
  void w16c.value
  rows.push(['W16', n, 'computed', time(few, (i) => {
    useRepo(User, pinia).save({ id: pick(i, n), name: `user-${pick(i + 11, n)}` })
    if (w16c.value.length !== 50) throw new Error('W16: wrong length')
  })])
  // W16b: a nested with() (live query only: a computed over get() re-loads every level)
  if (hasLive) {
    const w16b = useRepo(User, pinia).with('posts.author.phone').live()
    rows.push(['W16b', n, 'live', time(samples, (i) => {
      useRepo(Phone, pinia).save({ id: pick(i, n), number: `nested ${i}` })
      if (w16b.value.length !== n) throw new Error('W16b: wrong length')
    })])
    w16b.stop()
  }
  // The plain baseline
  const plain = createPlainStore(makeLiveUsers(n))
  rows.push(['W15', n, 'plain', time(samples, (i) => {
    plain.savePhoneNumber(pick(i, n), `plain ${i}`)
    if (plain.usersWithPhone().length !== n) throw new Error('W15: wrong length')
  })])
  rows.push(['W16', n, 'plain', time(samples, (i) => {
    plain.saveUserName(pick(i, n), `user-${pick(i + 7, n)}`)
    if (plain.activePage().length !== 50) throw new Error('W16: wrong length')
  })])
  // W17
  let runs = 0
  const one = computed(() => {
    runs++
    return useRepo(User, pinia).with('phone').find(1)
  })
  void one.value
  runs = 0
  for (let i = 0; i < 1000; i++) {
    useRepo(User, pinia).save({ id: 2 + (i % (n - 1)), name: `other ${i}`, phone: { id: 2 + (i % (n - 1)), number: `${i}` } })
    void one.value
  }
  rows.push(['W17', n, 'find(1) re-runs', runs])
}

console.log('| workload | N | implementation | median ms (W17: count) |\n| --- | ---: | --- | ---: |')
for (const [workload, n, impl, value] of rows)
  console.log(`| ${workload} | ${n.toLocaleString('en-US')} | ${impl} | ${Number.isInteger(value) ? value : value.toFixed(3)} |`)

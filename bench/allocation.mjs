// Bytes allocated per operation (issue 13), one implementation per child
// process. Node 20's V8 has no allocation counter (getHeapStatistics() lacks
// total_allocated_bytes), so this reads `process.memoryUsage().heapUsed`
// right before and right after the operation, the operation's results kept
// alive (so no allocation can be optimized away), in a process started with
// a young generation so large (ALLOCATION_FLAGS) that the window normally
// sees no garbage collection at all: then the difference is exactly what the
// operation allocated on the JS heap. A PerformanceObserver on 'gc' entries
// tells whether a collection did fall into a window; such a reading (which
// would miss freed garbage) is only used when every round had one, and is
// then marked as a lower bound. Run by run.mjs, with a 1 GiB young generation:
//   node --expose-gc --min-semi-space-size=512 --max-semi-space-size=512 allocation.mjs <impl> <n> <out-file>
import { writeFileSync } from 'node:fs'
import { performance, PerformanceObserver } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { FACTORIES } from './factories.mjs'
import { makeUsers, randomUserIds } from './data.mjs'

/** How many `find` calls one reading averages over, at most (fewer when they would take over FIND_BUDGET_MS). */
const FIND_CALLS = 10_000
const FIND_BUDGET_MS = 1_000
const ROUNDS = 3
const WARMUP_ROUNDS = 1

const gcTimes = []
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcTimes.push(entry.startTime)
}).observe({ entryTypes: ['gc'] })

/**
 * One reading: `setup()` untimed, a full GC, then the bytes `operation(setup())`
 * allocates, and whether a GC fell inside the window.
 */
async function reading(setup, operation) {
  let state = setup()
  globalThis.gc()
  await nextTurn()
  const start = performance.now()
  const before = process.memoryUsage().heapUsed
  const kept = operation(state)
  const after = process.memoryUsage().heapUsed
  const end = performance.now()
  // GC entries arrive asynchronously: let them in before looking.
  await nextTurn()
  await nextTurn()
  const collected = gcTimes.some(time => time >= start && time <= end)
  state = null
  return { bytes: after - before, collected, kept: kept !== undefined }
}

/** The median of the GC-free readings of several rounds, after warm-up rounds (JIT, first-use allocations). */
async function bytesOf(setup, operation, divisor) {
  const readings = []
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const value = await reading(setup, operation)
    if (round >= WARMUP_ROUNDS) readings.push(value)
  }
  const clean = readings.filter(value => !value.collected)
  const used = (clean.length ? clean : readings).map(value => value.bytes).sort((a, b) => a - b)
  return { bytesPer: Math.round(used[used.length >> 1] / divisor), lowerBound: clean.length === 0 || undefined }
}

async function main() {
  const [implName, nArg, outFile] = process.argv.slice(2)
  const n = Number(nArg)
  const impl = await FACTORIES[implName]()
  const filled = () => {
    const store = impl.createStore()
    impl.saveUsers(store, makeUsers(n))
    return store
  }
  // pinia-orm's find with a relation scans the related store: fewer calls then.
  const probeStore = filled()
  let probeCalls = 10
  let probeStart = performance.now()
  for (let i = 1; i <= probeCalls; i++) impl.findUserWithPhone(probeStore, i)
  if (performance.now() - probeStart < 20) {
    // Fast: time 1,000 more calls, the code now compiled.
    probeCalls = 1000
    probeStart = performance.now()
    for (let i = 1; i <= probeCalls; i++) impl.findUserWithPhone(probeStore, i)
  }
  const perCall = (performance.now() - probeStart) / probeCalls
  const calls = Math.max(10, Math.min(FIND_CALLS, Math.floor(FIND_BUDGET_MS / perCall)))
  const ids = randomUserIds(n, calls)
  const results = Array.from({ length: calls }, () => null)
  const findAll = (store) => {
    for (let i = 0; i < calls; i++) results[i] = impl.findUserWithPhone(store, ids[i])
    return results
  }

  const result = { impl: implName, version: impl.version, n, findCalls: calls }
  // Per find: on a filled store already read by one find, so any lazily built
  // index is there (it is billed to the first read below, not spread over the calls).
  result.find = await bytesOf(() => {
    const store = filled()
    impl.findUserWithPhone(store, 1)
    return store
  }, findAll, calls)
  results.fill(null)
  // Per record of get(): the first read of a fresh store (indexes included), then a second read.
  result.getFirst = await bytesOf(filled, store => impl.usersWithPhone(store), n)
  result.getAgain = await bytesOf(() => {
    const store = filled()
    impl.usersWithPhone(store)
    return store
  }, store => impl.usersWithPhone(store), n)
  // Per user of a nested save (the user, its phone and 3 posts), into an empty store.
  result.save = await bytesOf(() => ({ store: impl.createStore(), users: makeUsers(n) }), ({ store, users }) => impl.saveUsers(store, users), n)
  writeFileSync(outFile, JSON.stringify(result, null, 2))
}

await main()

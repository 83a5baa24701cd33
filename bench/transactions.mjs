// W18 (issue 15): a transaction of 1,000 mixed writes across three entities, against the same
// writes without a transaction, and what undoing them costs. Standalone, on the core bundled by
// esbuild, with production builds of Vue and Pinia:
//   node bench/transactions.mjs [--n 10000] [--samples 15]
// `npm run bench` runs it too (extraRun.mjs).
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { runAsProductionChild } from './productionChild.mjs'

const BUNDLE = fileURLToPath(new URL('.build/orm-transactions.mjs', import.meta.url))

await runAsProductionChild(import.meta.url, BUNDLE)

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '10000' }, samples: { type: 'string', default: '15' } } })
const N = Number(args.n)
const SAMPLES = Number(args.samples)
const WRITES = 1_000

const { createPinia } = await import('pinia')
const { Model, useRepo, transaction, optimistic } = await import(BUNDLE)

class User extends Model {
  static entity = 'users'
  static fields() {
    return { id: this.attr(null), name: this.string(''), phone: this.hasOne(Phone, 'userId'), posts: this.hasMany(Post, 'userId') }
  }
}
class Phone extends Model {
  static entity = 'phones'
  static fields() {
    return { id: this.attr(null), userId: this.attr(null), number: this.string(''), user: this.belongsTo(User, 'userId') }
  }
}
class Post extends Model {
  static entity = 'posts'
  static fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string(''), user: this.belongsTo(User, 'userId') }
  }
}

/** N users, each with a phone and two posts; the foreign-key indexes built, as after a first read. */
function seeded() {
  const pinia = createPinia()
  const users = []
  for (let id = 1; id <= N; id++)
    users.push({ id, name: `user-${id}`, phone: { id, number: `555-${id}` }, posts: [{ id: 2 * id - 1, title: 'a' }, { id: 2 * id, title: 'b' }] })
  useRepo(User, pinia).save(users)
  useRepo(User, pinia).with('phone').with('posts').find(1)
  useRepo(Post, pinia).with('user').find(1)
  return pinia
}

/** 1,000 writes, one call each, across users, posts and phones: updates, creates and deletes. */
function mixedWrites(pinia) {
  const users = useRepo(User, pinia)
  const posts = useRepo(Post, pinia)
  const phones = useRepo(Phone, pinia)
  for (let i = 0; i < WRITES; i++) {
    const user = ((i * 7919) % N) + 1
    switch (i % 4) {
      case 0:
        users.save({ id: user, name: `renamed-${i}` })
        break
      case 1:
        posts.save({ id: 2 * N + i, userId: user, title: `new-${i}` })
        break
      case 2:
        phones.save({ id: user, number: `556-${i}` })
        break
      default:
        posts.destroy(2 * user - 1)
    }
  }
}

/** The median of `SAMPLES` timings of `run(pinia)`, each on a freshly seeded store. */
function median(run) {
  const times = []
  for (let i = 0; i < SAMPLES; i++) {
    const pinia = seeded()
    globalThis.gc()
    const start = performance.now()
    run(pinia)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

const undone = new Error('undo')
/** Times of the undo alone: from the throw to its catch outside the transaction. */
const undoTimes = []
const CASES = {
  'writes, no transaction': pinia => mixedWrites(pinia),
  'writes in transaction()': pinia => transaction(() => mixedWrites(pinia), pinia),
  'writes in transaction() that throws at the end (writes + undo)': (pinia) => {
    let thrownAt = 0
    try {
      transaction(() => {
        mixedWrites(pinia)
        thrownAt = performance.now()
        throw undone
      }, pinia)
    }
    catch (error) {
      if (error !== undone)
        throw error
      undoTimes.push(performance.now() - thrownAt)
    }
  },
  'writes in optimistic()': pinia => optimistic(() => mixedWrites(pinia), pinia),
  'writes, no transaction, while an optimistic write is pending': (pinia) => {
    optimistic(() => useRepo(User, pinia).save({ id: 1, name: 'pending' }), pinia)
    mixedWrites(pinia)
  },
}

// Warm-up: every case once, so that each is measured with optimized code.
for (const run of Object.values(CASES))
  run(seeded())

console.log(`W18, N = ${N} users (+ ${N} phones, ${2 * N} posts), ${WRITES} mixed writes, median of ${SAMPLES}, Node ${process.version}`)
const results = {}
for (const [name, run] of Object.entries(CASES)) {
  results[name] = median(run)
  console.log(`${name.padEnd(66)} ${results[name].toFixed(2).padStart(8)} ms`)
}

undoTimes.splice(0, 1)
undoTimes.sort((a, b) => a - b)
const undo = undoTimes[Math.floor(undoTimes.length / 2)]
console.log(`${'undo of that transaction alone (throw to catch)'.padEnd(66)} ${undo.toFixed(2).padStart(8)} ms`)

// An optimistic rollback alone: after the writes are in, undo them.
const rollbacks = []
for (let i = 0; i < SAMPLES; i++) {
  const pinia = seeded()
  const write = optimistic(() => mixedWrites(pinia), pinia)
  globalThis.gc()
  const start = performance.now()
  write.rollback()
  rollbacks.push(performance.now() - start)
}
rollbacks.sort((a, b) => a - b)
const rollback = rollbacks[Math.floor(rollbacks.length / 2)]
console.log(`${'rollback() of the optimistic write alone'.padEnd(66)} ${rollback.toFixed(2).padStart(8)} ms`)

const plain = results['writes, no transaction']
const inTx = results['writes in transaction()']
console.log('')
console.log(`transaction / no transaction:        ${(inTx / plain).toFixed(2)}x (target <= 1.5x)`)
console.log(`undo of the transaction:              ${undo.toFixed(2)} ms = ${(undo / plain).toFixed(2)}x the writes (target <= 1x)`)
console.log(`optimistic rollback():                ${rollback.toFixed(2)} ms = ${(rollback / plain).toFixed(2)}x the writes (target <= 1x)`)

// What W9's pivot store costs by its shape alone, against the whole of W9 by the hand-written
// baseline. The ORM keeps a pivot model with a composite key as pinia-orm does: Pinia state whose
// `data` is a plain object keyed by `'[userId,roleId]'` strings. However tight the code around it,
// a save of N users × 3 roles must make those 3N strings, keep them in the save's batch (a Map: a
// link saved twice is one record) and add them to that object. This times just that, nothing of
// the ORM, next to the baseline's save and read (bench/relationsBaseline.mjs).
//
//   node --expose-gc bench/pivotFloor.mjs [N=10000] [samples=15]
import { saveUsersWithRoles, usersWithRoles } from './relationsBaseline.mjs'
import { makeUsersWithRoles } from './relationData.mjs'

const n = Number(process.argv[2] ?? 10_000)
const samples = Number(process.argv[3] ?? 15)
const gc = globalThis.gc ?? (() => {})
const median = list => [...list].sort((a, b) => a - b)[list.length >> 1]

/** The pivot store's shape for W9's input, and no more: 3N keys into a batch and a state object. */
function pivotShapeOnly(users) {
  const batch = new Map()
  for (const user of users) {
    for (const role of user.roles) {
      const key = `[${user.id},${role.id}]`
      if (!batch.has(key))
        batch.set(key, { userId: user.id, roleId: role.id })
    }
  }
  const data = {}
  for (const [key, record] of batch)
    data[key] = record
  return data
}

function time(run) {
  const times = []
  for (let i = 0; i < samples; i++) {
    const users = makeUsersWithRoles(n)
    gc()
    const start = performance.now()
    run(users)
    times.push(performance.now() - start)
  }
  return median(times)
}

const baseline = time((users) => {
  const store = {}
  saveUsersWithRoles(store, users)
  usersWithRoles(store)
})
const shape = time(pivotShapeOnly)
const fmt = ms => `${ms.toFixed(2)} ms`
console.log(`N = ${n}, median of ${samples} (a GC before each): baseline W9 (save + read) ${fmt(baseline)}; the pivot store's shape alone ${fmt(shape)}, ${(shape / baseline).toFixed(2)}x the baseline`)

// Heap retained by a store holding N users (with phones and posts), measured
// in a process started with --expose-gc, input dropped. It is the heap in use
// while the store is alive minus the heap once the store is released, both
// after full collections: the two readings differ only by the store, not by
// code V8 compiled in between (which, at N = 1,000, would swamp the result).
import { setImmediate as nextTurn } from 'node:timers/promises'
import { makeUsers } from './data.mjs'

async function settledHeap() {
  // First let pending jobs run (Pinia and Vue schedule some with promises,
  // and they hold on to objects until they do), as they would between two
  // requests. Then two full collections: the first can leave work (weak maps,
  // finalizers) that only the second one frees.
  await nextTurn()
  globalThis.gc()
  globalThis.gc()
  return process.memoryUsage().heapUsed
}

function fillStore(impl, n) {
  const store = impl.createStore()
  impl.saveUsers(store, makeUsers(n))
  return store
}

async function measureOnce(impl, n) {
  let store = fillStore(impl, n)
  const withSavedStore = await settledHeap()
  impl.usersWithPhone(store)
  const withReadStore = await settledHeap()
  if (impl.snapshot(store).users.length !== n) throw new Error(`[bench] ${impl.name} lost users while measuring memory`)

  store = null
  // Two new empty stores release the measured one everywhere: pinia-orm
  // clears its process-wide model cache on a new store, and Pinia keeps the
  // store made before the active one reachable a while longer.
  impl.createStore()
  impl.createStore()
  const released = await settledHeap()
  return { afterSave: withSavedStore - released, afterRead: withReadStore - released }
}

/**
 * @returns {Promise<{ afterSave: number, afterRead: number }>} bytes retained after W1,
 * and after one W2 read on top (which lets lazily built indexes and caches exist).
 */
export async function retainedHeap(impl, n) {
  if (typeof globalThis.gc !== 'function') throw new Error('[bench] memory needs node --expose-gc')
  // The whole procedure once on a small store first, so that code compiled
  // and objects allocated once per process are there in every reading.
  for (let round = 0; round < 3; round++) impl.usersWithPhone(fillStore(impl, 1000))
  await measureOnce(impl, 1000)
  // Two readings at N, the larger counted: the first one in a process can
  // come out lower (ours at N = 10,000: 3.7 MB, then 5.6 MB on every later
  // reading), so one reading alone could flatter an implementation.
  const first = await measureOnce(impl, n)
  const second = await measureOnce(impl, n)
  return {
    afterSave: Math.max(first.afterSave, second.afterSave),
    afterRead: Math.max(first.afterRead, second.afterRead),
  }
}

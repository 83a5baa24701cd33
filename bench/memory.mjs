// Heap retained by a store holding N users (with phones and posts), measured
// in a process started with --expose-gc: full GCs before and after, the input
// dropped, so only what the store keeps alive is counted.
import { makeUsers } from './data.mjs'

function settledHeap() {
  // Two full collections: the first can leave work (weak maps, finalizers)
  // that only the second one frees.
  globalThis.gc()
  globalThis.gc()
  return process.memoryUsage().heapUsed
}

/**
 * @returns {{ afterSave: number, afterRead: number }} bytes retained after W1,
 * and after one W2 read on top (which lets lazily built indexes and caches exist).
 */
export function retainedHeap(impl, n) {
  if (typeof globalThis.gc !== 'function') throw new Error('[bench] memory needs node --expose-gc')
  // Compile the code paths and create whatever an implementation allocates
  // once per process on a tiny store first, so they are not counted.
  for (let round = 0; round < 3; round++) impl.usersWithPhone(fillStore(impl, 1000))
  // An empty store before the first reading: pinia-orm clears its process-wide
  // model cache here, which would otherwise be freed (and subtracted) later.
  impl.createStore()
  const before = settledHeap()
  const store = fillStore(impl, n)
  const afterSave = settledHeap() - before
  impl.usersWithPhone(store)
  const afterRead = settledHeap() - before
  // Keep the store reachable until the last measurement.
  if (impl.snapshot(store).users.length !== n) throw new Error(`[bench] ${impl.name} lost users while measuring memory`)
  return { afterSave, afterRead }
}

function fillStore(impl, n) {
  const store = impl.createStore()
  impl.saveUsers(store, makeUsers(n))
  return store
}

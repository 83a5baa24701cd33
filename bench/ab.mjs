// An A/B of two bundles of the core in ONE process, sample by sample: each round runs every
// implementation once, in alternating order, with a fresh store per sample where the workload
// needs one and a GC before each timed run. On a machine whose speed drifts (this one moves by
// up to 2x from run to run) the ratio of the two medians is steadier than that of two runs.
//
//   node bench/build.mjs                                    # A: the working tree (bench/.build/orm.mjs)
//   git worktree add --detach ../old <commit>
//   node bench/build.mjs ../old/src/runtime/orm/index.ts bench/.build/old.mjs
//   BENCH_ORM_BUNDLE_B=bench/.build/old.mjs node bench/ab.mjs W1,W2,W1+W2 10000 21
//
// Arguments: workload ids (W1..W14, W1+W2, or W1+W4 below), N, rounds, implementations
// (default `ours,ours-b`; `plain` adds the baseline; `ours-b,ours` loads B first). With `ours` and
// `ours-b` it also prints the median of the per-round ratios and its 95% confidence interval: the
// steadier figure, though two processes can still disagree by more than their intervals (what a
// process loaded first, and where, stays with it), so compare a few runs in both orders. It runs
// itself with NODE_ENV=production and --expose-gc (productionChild.mjs).
import { FACTORIES } from './factories.mjs'
import { WORKLOADS, W5_CALLS } from './workloads.mjs'
import { makeUsers } from './data.mjs'
import { runAsProductionChild } from './productionChild.mjs'

await runAsProductionChild(import.meta.url, new URL('./.build/orm.mjs', import.meta.url).pathname)

/** Like W1+W2 (workloads.mjs): a save into a fresh store, then its first relation read. */
const SAVE_THEN_READ = {
  'W1+W4': (impl, store) => impl.usersWithPostsWhereName(store, name => name.startsWith('user-1')),
}

function workloadOf(id) {
  const read = SAVE_THEN_READ[id]
  if (read) {
    return {
      fresh: 'sample',
      prepare: (impl, n) => ({ store: impl.createStore(), users: makeUsers(n) }),
      run(impl, { store, users }) {
        impl.saveUsers(store, users)
        return read(impl, store)
      },
    }
  }
  const workload = WORKLOADS.find(candidate => candidate.id === id)
  if (!workload)
    throw new Error(`bench/ab.mjs: no workload ${id}; use ${[...WORKLOADS.map(w => w.id), ...Object.keys(SAVE_THEN_READ)].join(', ')}`)
  return workload
}

const median = list => [...list].sort((a, b) => a - b)[list.length >> 1]

/**
 * The median of the round-by-round ratios a[i] / b[i] (the two samples of a round ran one after the
 * other, so the machine's drift cancels out of their ratio), with a 95% confidence interval of that
 * median from order statistics (distribution-free: the sign test's bounds).
 */
function pairedRatio(a, b) {
  const ratios = a.map((time, i) => time / b[i]).sort((x, y) => x - y)
  const n = ratios.length
  const k = Math.floor(n / 2 - 0.98 * Math.sqrt(n))
  if (k < 0)
    return ''
  return `; paired ${ratios[n >> 1].toFixed(3)} (95% CI ${ratios[k].toFixed(3)}-${ratios[n - 1 - k].toFixed(3)})`
}
const [ids = 'W1', nArg = '10000', roundsArg = '21', implArg = 'ours,ours-b'] = process.argv.slice(2)
const n = Number(nArg)
const names = implArg.split(',')
const impls = Object.fromEntries(await Promise.all(names.map(async name => [name, await FACTORIES[name]()])))

for (const id of ids.split(',')) {
  const workload = workloadOf(id)
  const kept = workload.fresh === 'workload' ? Object.fromEntries(names.map(name => [name, workload.prepare(impls[name], n, { calls: W5_CALLS })])) : undefined
  const times = Object.fromEntries(names.map(name => [name, []]))
  for (let round = 0; round < Number(roundsArg); round++) {
    for (const name of round % 2 ? [...names].reverse() : names) {
      const prepared = kept ? kept[name] : workload.prepare(impls[name], n, { calls: W5_CALLS })
      // Pinia's queued callbacks run first, so no earlier sample's store is kept alive by them.
      await new Promise(resolve => setTimeout(resolve, 0))
      globalThis.gc()
      const start = performance.now()
      workload.run(impls[name], prepared)
      times[name].push(performance.now() - start)
    }
  }
  const line = names.map(name => `${name} ${median(times[name]).toFixed(2)} ms (min ${Math.min(...times[name]).toFixed(2)})`).join(' | ')
  const ratio = times.ours && times['ours-b'] ? `  ours / ours-b ${(median(times.ours) / median(times['ours-b'])).toFixed(3)}${pairedRatio(times.ours, times['ours-b'])}` : ''
  console.log(`${id} N=${n} (${roundsArg} rounds): ${line}${ratio}`)
}

// An A/B of two bundles of the core with ONE bundle per process: for each workload, P pairs of
// processes (A then B, B then A, ...), each timing R samples (a fresh store per sample where the
// workload needs one, a GC before each) and reporting its median. Two bundles in one process
// (bench/ab.mjs) share Vue's and Pinia's code, and so their inline caches: there, the same pair
// read W6 1.28x with A loaded first and 0.73x with B loaded first. Slower, but without that bias.
//
//   node bench/build.mjs                                       # A: the working tree (bench/.build/orm.mjs)
//   git worktree add --detach ../old <commit>
//   node bench/build.mjs ../old/src/runtime/orm/index.ts bench/.build/old.mjs
//   BENCH_ORM_BUNDLE_B=bench/.build/old.mjs node bench/abProcesses.mjs W1,W7 10000 41 5
//
// Arguments: workload ids (W1..W14), N, samples per process, pairs of processes. A is
// BENCH_ORM_BUNDLE when set, else the working tree's bundle. It prints, per workload, each
// process's median, the ratio A / B of the medians of those medians, and the range of the ratios
// of the pairs.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildOrm, ORM_ENTRY } from './build.mjs'

const median = list => [...list].sort((a, b) => a - b)[list.length >> 1]

/**
 * V8 flags that make a process's median steadier here: a young generation of fixed size and a
 * collector on the main thread. Five processes of W7 at N = 10,000 gave medians within ±5% with
 * them, within ±17% without (`--predictable` was steadier still, but compiles on the main thread
 * too, which makes every workload slower than an app would see it).
 */
const STEADY_FLAGS = ['--single-threaded-gc', '--min-semi-space-size=64', '--max-semi-space-size=64']

if (process.env.AB_PROCESS_CHILD) {
  // A child: one bundle (BENCH_ORM_BUNDLE, read by the factory), one workload, R samples.
  const { FACTORIES } = await import('./factories.mjs')
  const { WORKLOADS, W5_CALLS } = await import('./workloads.mjs')
  const [id, nArg, roundsArg] = process.argv.slice(2)
  const n = Number(nArg)
  const workload = WORKLOADS.find(candidate => candidate.id === id)
  const impl = await FACTORIES.ours()
  const kept = workload.fresh === 'workload' ? workload.prepare(impl, n, { calls: W5_CALLS }) : undefined
  const times = []
  for (let round = 0; round < Number(roundsArg); round++) {
    const prepared = kept ?? workload.prepare(impl, n, { calls: W5_CALLS })
    await new Promise(resolve => setTimeout(resolve, 0))
    globalThis.gc()
    const start = performance.now()
    workload.run(impl, prepared)
    times.push(performance.now() - start)
  }
  console.log(median(times))
  process.exit(0)
}

const [ids = 'W1', nArg = '10000', roundsArg = '41', pairsArg = '5'] = process.argv.slice(2)
const bundleB = process.env.BENCH_ORM_BUNDLE_B
if (!bundleB) {
  console.error('bench/abProcesses.mjs: set BENCH_ORM_BUNDLE_B to the bundle to compare with (see the top of this file)')
  process.exit(1)
}
let bundleA = process.env.BENCH_ORM_BUNDLE
if (!bundleA) {
  bundleA = fileURLToPath(new URL('./.build/orm.mjs', import.meta.url))
  await buildOrm(ORM_ENTRY, bundleA)
}

function medianOf(bundle, id) {
  const child = spawnSync(process.execPath, ['--expose-gc', ...STEADY_FLAGS, fileURLToPath(import.meta.url), id, nArg, roundsArg], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', AB_PROCESS_CHILD: '1', BENCH_ORM_BUNDLE: resolve(bundle) },
  })
  if (child.status !== 0)
    throw new Error(`bench/abProcesses.mjs: the child for ${id} failed:\n${child.stderr}`)
  return Number(child.stdout.trim())
}

for (const id of ids.split(',')) {
  const a = []
  const b = []
  for (let pair = 0; pair < Number(pairsArg); pair++) {
    // Alternating which runs first, so a drift of the machine within a pair evens out.
    if (pair % 2 === 0) {
      a.push(medianOf(bundleA, id))
      b.push(medianOf(bundleB, id))
    }
    else {
      b.push(medianOf(bundleB, id))
      a.push(medianOf(bundleA, id))
    }
  }
  const ratios = a.map((time, i) => time / b[i]).sort((x, y) => x - y)
  const ms = list => list.map(time => time.toFixed(2)).join(' ')
  console.log(`${id} N=${nArg} (${pairsArg} pairs of processes, ${roundsArg} samples each): A ${ms(a)} ms | B ${ms(b)} ms | A / B ${(median(a) / median(b)).toFixed(3)} (pairs ${ratios[0].toFixed(2)}-${ratios.at(-1).toFixed(2)})`)
}

// One child process of the cold mode (issue 13): one implementation at one N,
// timed the way a server request runs. Every timed sample gets a fresh store
// (a fresh Pinia for the ORMs), filled outside the timing; then one full
// `gc()`; then the workload runs once, timed, on that store, which nothing has
// read yet: a read pays for every index or cache it builds lazily. W5 makes N
// `with('phone').find(id)` calls on its fresh store (fewer when N would not
// fit the time budget) and is reported per call. Run by run.mjs:
//   node --expose-gc cold.mjs <impl> <n> <options-json> <out-file>
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { do_not_optimize as keep } from 'mitata'
import { createBaseline } from './baseline.mjs'
import { FACTORIES } from './factories.mjs'
import { firstDifference } from './check.mjs'
import { WORKLOADS, COLD_WORKLOADS } from './workloads.mjs'

const [implName, nArg, optionsJson, outFile] = process.argv.slice(2)
const n = Number(nArg)
/** @type {{ minSamples: number, slowMinSamples: number, slowMs: number, maxSamples: number, budgetMs: number, capMs: number, w5BudgetMs: number, only?: string[] }} */
const options = JSON.parse(optionsJson)

const log = message => process.stderr.write(`[bench] cold ${implName} N=${n} ${message}\n`)
const round2 = value => Math.round(value * 100) / 100

/** Lets the event loop turn, as it does between two server requests. */
const turn = () => new Promise(resolve => setImmediate(resolve))

/**
 * One cold sample: prepare (untimed), a turn of the event loop, a full GC, then one timed run.
 * Without the turn, the callbacks Pinia queues for each store (its `$patch` ends with a
 * `nextTick`) would keep every earlier sample's store reachable, and the heap, with the GC's work
 * on it, would grow from sample to sample as no server's does.
 */
async function coldSample(impl, workload, calls) {
  const prepared = workload.prepare(impl, n, { calls })
  await turn()
  globalThis.gc()
  const start = performance.now()
  // keep() stops V8 from dropping work whose result is unused.
  keep(workload.run(impl, prepared))
  return performance.now() - start
}

/**
 * How many calls W5 makes: N, or fewer when N calls would not fit the budget
 * (pinia-orm scans the whole phone store per call). Probed on the check store,
 * never on a timed one, after a first call (the timed run still pays for it).
 */
function w5Calls(impl, prepared) {
  const { store, ids } = prepared
  // A first call pays once for what it builds lazily (an index): it is no measure of the calls after.
  impl.findUsersWithPhone(store, ids.slice(0, 1))
  let probe = ids.slice(0, 10)
  let start = performance.now()
  impl.findUsersWithPhone(store, probe)
  let probeMs = performance.now() - start
  if (probeMs < 50 && ids.length >= 1000) {
    probe = ids.slice(0, 1000)
    start = performance.now()
    impl.findUsersWithPhone(store, probe)
    probeMs = performance.now() - start
  }
  const fitting = Math.floor(options.w5BudgetMs / (probeMs / probe.length))
  return Math.max(10, Math.min(n, fitting))
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function main() {
  if (typeof globalThis.gc !== 'function') throw new Error('[bench] the cold mode needs node --expose-gc')
  const impl = await FACTORIES[implName]()
  const baseline = createBaseline()
  const result = { impl: implName, version: impl.version, n, mode: 'cold', workloads: {} }

  for (const workload of WORKLOADS) {
    if (!COLD_WORKLOADS.includes(workload.id)) continue
    if (options.only && !options.only.includes(workload.id)) continue
    // The check run: a fresh store of its own, also JIT-compiles the code path
    // (a server process runs warm code on cold data). Never reported as a time.
    let calls = n
    let prepared = workload.prepare(impl, n, { calls })
    if (workload.id === 'W5') {
      calls = w5Calls(impl, prepared)
      prepared.ids = prepared.ids.slice(0, calls)
    }
    await turn()
    globalThis.gc()
    let start = performance.now()
    const output = workload.run(impl, prepared)
    const checkMs = performance.now() - start
    const entry = { checkMs: round2(checkMs), calls: workload.id === 'W5' ? calls : undefined }
    if (implName !== 'plain') {
      const expectedInput = workload.prepare(baseline, n, { calls })
      const expected = workload.plain(baseline, workload.run(baseline, expectedInput), expectedInput)
      entry.difference = firstDifference(expected, workload.plain(impl, output, prepared))
      if (entry.difference) log(`${workload.id} output differs from the baseline: ${entry.difference}`)
    }
    prepared = null
    await turn()

    // Timed samples: at least minSamples (slowMinSamples when one run is slow),
    // more while the workload's budget and maxSamples allow; one when a single
    // run exceeds the cap. A slow check run (seconds: its JIT warm-up is lost in
    // the noise) was itself a cold run on a fresh store after a GC, and counts
    // as the first sample, except W5's, whose store the probe has read.
    const samples = checkMs > options.slowMs && workload.id !== 'W5' ? [checkMs] : []
    const wanted = checkMs > options.capMs ? 1 : checkMs > options.slowMs ? options.slowMinSamples : options.minSamples
    start = performance.now()
    while (samples.length < wanted || (samples.length < options.maxSamples && performance.now() - start < options.budgetMs)) {
      samples.push(await coldSample(impl, workload, calls))
    }
    Object.assign(entry, {
      medianMs: round2(median(samples) * 1000) / 1000,
      minMs: round2(Math.min(...samples) * 1000) / 1000,
      maxMs: round2(Math.max(...samples) * 1000) / 1000,
      samples: samples.length,
      capped: wanted === 1 || undefined,
    })
    log(`${workload.id} median ${entry.medianMs} ms (${entry.samples} cold samples)`)
    result.workloads[workload.id] = entry
  }
  writeFileSync(outFile, JSON.stringify(result, null, 2))
}

await main()

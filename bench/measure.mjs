// One child process: one implementation at one N. It measures retained heap,
// checks every workload's output against the plain baseline once, then times
// every workload with mitata. Run by run.mjs, never by hand:
//   node --expose-gc measure.mjs <impl> <n> <options-json> <out-file>
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { measure, do_not_optimize as keep } from 'mitata'
import { createBaseline } from './baseline.mjs'
import { FACTORIES } from './factories.mjs'
import { firstDifference } from './check.mjs'
import { retainedHeap } from './memory.mjs'
import { WARM_WORKLOADS, W5_CALLS } from './workloads.mjs'

const [implName, nArg, optionsJson, outFile] = process.argv.slice(2)
const n = Number(nArg)
/** @type {{ minSamples: number, slowMinSamples: number, slowMs: number, maxSamples: number, minCpuMs: number, capMs: number, w5BudgetMs: number, only?: string[] }} */
const options = JSON.parse(optionsJson)

const log = message => process.stderr.write(`[bench] ${implName} N=${n} ${message}\n`)
const ms = nanoseconds => Math.round(nanoseconds / 1e4) / 100

const turn = () => new Promise(resolve => setImmediate(resolve))

function timeOnce(fn) {
  const start = performance.now()
  const value = fn()
  return { value, ms: performance.now() - start }
}

/**
 * W5 makes up to 10,000 calls, fewer when one call is so slow that 10,000
 * would not fit the budget (pinia-orm scans the whole phone store per call).
 * The per-call time is what the report compares, so fewer calls stay fair.
 */
function w5Calls(impl, prepared) {
  const { store, ids } = prepared
  impl.findUsersWithPhone(store, ids.slice(0, 1))
  let probe = ids.slice(0, 10)
  let probeMs = timeOnce(() => impl.findUsersWithPhone(store, probe)).ms
  if (probeMs < 50) {
    // Fast enough for a steadier estimate over more calls.
    probe = ids.slice(0, 1000)
    probeMs = timeOnce(() => impl.findUsersWithPhone(store, probe)).ms
  }
  const fitting = Math.floor(options.w5BudgetMs / (probeMs / probe.length))
  return Math.max(10, Math.min(W5_CALLS, fitting))
}

async function timeWorkload(impl, workload, prepared, calls, firstMs) {
  const stats = await measure(function* () {
    yield {
      // A fresh store per sample is made after a turn of the event loop: Pinia queues a nextTick
      // callback per store it makes, and until that runs it keeps the last sample's whole store.
      [0]: workload.fresh === 'sample' ? () => turn().then(() => workload.prepare(impl, n, { calls })) : () => prepared,
      bench(input) {
        // keep() stops V8 from dropping work whose result is unused.
        keep(workload.run(impl, input))
      },
    }
  }, {
    // A workload whose single run takes seconds gets the minimum of samples.
    min_samples: firstMs > options.slowMs ? options.slowMinSamples : options.minSamples,
    max_samples: options.maxSamples,
    min_cpu_time: options.minCpuMs * 1e6,
    // Each sample is one whole workload: never batch several into one sample.
    batch_threshold: -1,
    // A workload that builds a new store per sample leaves the last one (up to
    // hundreds of MB) as garbage: collect it before each sample so it is not
    // billed to the next. Read workloads run without forced collections: a full
    // GC empties V8's young generation and caches, and the next sample would
    // then be billed for regrowing them (5x on W5), which no app sees between
    // two reads; their own garbage is collected inside the samples, as in an app.
    inner_gc: workload.fresh === 'sample',
  })
  return { medianMs: ms(stats.p50), minMs: ms(stats.min), maxMs: ms(stats.max), samples: stats.samples.length }
}

async function main() {
  const impl = await FACTORIES[implName]()
  const baseline = createBaseline()
  const result = { impl: implName, version: impl.version, n, memory: null, workloads: {} }

  log('memory')
  result.memory = await retainedHeap(impl, n)

  for (const workload of WARM_WORKLOADS) {
    if (options.only && !options.only.includes(workload.id)) continue
    if (workload.supported && !workload.supported(impl)) {
      log(`${workload.id} left out: ${implName} has no such method`)
      continue
    }
    let calls = W5_CALLS
    let prepared = workload.prepare(impl, n, { calls })
    if (workload.id === 'W5') {
      calls = w5Calls(impl, prepared)
      prepared.ids = prepared.ids.slice(0, calls)
    }

    // The first call doubles as the correctness check and as a cold-call time.
    const first = timeOnce(() => workload.run(impl, prepared))
    const entry = { firstMs: Math.round(first.ms * 100) / 100, calls: workload.id === 'W5' ? calls : undefined }
    if (workload.id === 'W6') entry.bytes = first.value.bytes
    if (implName !== 'plain') {
      const expectedInput = workload.prepare(baseline, n, { calls })
      const expected = workload.plain(baseline, workload.run(baseline, expectedInput), expectedInput)
      entry.difference = firstDifference(expected, workload.plain(impl, first.value, prepared))
      if (entry.difference) log(`${workload.id} output differs from the baseline: ${entry.difference}`)
    }
    if (workload.fresh === 'sample') prepared = null

    if (first.ms > options.capMs) {
      // Too slow to repeat within the run's time budget: report the one run, marked as such.
      Object.assign(entry, { medianMs: Math.round(first.ms * 100) / 100, samples: 1, capped: true })
    }
    else {
      Object.assign(entry, await timeWorkload(impl, workload, prepared, calls, first.ms))
    }
    log(`${workload.id} median ${entry.medianMs} ms (${entry.samples} samples)`)
    result.workloads[workload.id] = entry
    prepared = null
  }
  writeFileSync(outFile, JSON.stringify(result, null, 2))
}

await main()

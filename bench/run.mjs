// `npm run bench` (full) and `npm run bench -- --quick`: installs the bench's
// packages when missing, bundles the core, runs every implementation at every
// N in its own child process (same flags, one at a time), in the warm mode
// (measure.mjs) and the cold mode (cold.mjs), then the allocation readings
// (allocation.mjs) and the SSR throughput part, and writes the results
// (bench/results/, and in a full, unfiltered run the marked section of
// bench/README.md). `--warm` or `--cold` runs one mode only.
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ensureDependencies } from './deps.mjs'
import { buildOrm, ORM_ENTRY } from './build.mjs'
import { describeMachine } from './machine.mjs'
import { renderMarkdown, updateReadme, judgeTargets, IMPLS } from './report.mjs'
import { WARM_WORKLOADS, COLD_WORKLOADS } from './workloads.mjs'

const MODES = {
  quick: {
    ns: [1_000, 10_000],
    measure: { minSamples: 3, slowMinSamples: 3, slowMs: 500, maxSamples: 8, minCpuMs: 100, capMs: 5_000, w5BudgetMs: 300 },
    cold: { minSamples: 3, slowMinSamples: 3, slowMs: 500, maxSamples: 8, budgetMs: 1_000, capMs: 5_000, w5BudgetMs: 300 },
    // Building the two SSR apps alone takes about 20 s: quick mode skips SSR unless --ssr.
    ssr: { durationSeconds: 3, connections: 10, rounds: 1, byDefault: false },
  },
  full: {
    ns: [1_000, 10_000, 100_000],
    measure: { minSamples: 5, slowMinSamples: 3, slowMs: 1_500, maxSamples: 30, minCpuMs: 1_000, capMs: 30_000, w5BudgetMs: 3_000 },
    cold: { minSamples: 5, slowMinSamples: 3, slowMs: 1_500, maxSamples: 15, budgetMs: 2_000, capMs: 30_000, w5BudgetMs: 3_000 },
    ssr: { durationSeconds: 10, connections: 10, rounds: 2, byDefault: true },
  },
}

const { values: args } = parseArgs({
  options: {
    'quick': { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
    'full': { type: 'boolean', default: false },
    'n': { type: 'string' },
    'impl': { type: 'string' },
    'only': { type: 'string' },
    'ssr': { type: 'boolean', default: false },
    'no-ssr': { type: 'boolean', default: false },
    'ssr-only': { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    'warm': { type: 'boolean', default: false },
    'cold': { type: 'boolean', default: false },
  },
})

const modeName = args.quick && !args.full ? 'quick' : 'full'
const mode = MODES[modeName]
const list = value => value?.split(',').map(item => item.trim()).filter(Boolean)
const ns = list(args.n)?.map(Number) ?? mode.ns
// `--only` lists workloads; `alloc` in it selects the allocation readings.
const only = list(args.only)
// Neither flag: both modes; a mode none of whose workloads `--only` names is skipped.
const runWarm = (args.warm || !args.cold) && (!only || only.some(id => WARM_WORKLOADS.some(workload => workload.id === id)))
const runCold = (args.cold || !args.warm) && (!only || only.some(id => COLD_WORKLOADS.includes(id)))
const runAllocation = (args.cold || !args.warm) && (!only || only.includes('alloc'))
const filtered = Boolean(args.n || args.impl || args.only || args['no-ssr'] || args['ssr-only'] || args.warm || args.cold || process.env.BENCH_ORM_BUNDLE || process.env.BENCH_ORM_BUNDLE_B)
const RESULTS_DIR = new URL('./results/', import.meta.url)
/** Allocation is read at one N: 10,000 users, or the largest N of the run when it is smaller. */
const ALLOCATION_N = Math.min(10_000, Math.max(...ns))

const CHILDREN = {
  warm: { script: './measure.mjs', prefix: '', flags: [], options: () => JSON.stringify({ ...mode.measure, only }) },
  cold: { script: './cold.mjs', prefix: 'cold-', flags: [], options: () => JSON.stringify({ ...mode.cold, only }) },
  // A 1 GiB young generation, so an allocation window normally sees no GC (allocation.mjs).
  alloc: { script: './allocation.mjs', prefix: 'alloc-', flags: ['--min-semi-space-size=512', '--max-semi-space-size=512'], options: null },
}

/** Runs one child (warm, cold or alloc) for one implementation and N; a crash becomes an error entry, never the end of the run. */
function measureInChild(impl, n, kind = 'warm') {
  const { script, prefix, flags, options } = CHILDREN[kind]
  const outFile = fileURLToPath(new URL(`${prefix}${impl}-${n}.json`, RESULTS_DIR))
  rmSync(outFile, { force: true })
  const child = spawn(process.execPath, [
    // The same flags for all implementations: GC on demand for memory and
    // between samples, and room for pinia-orm's 100,000-user store.
    '--expose-gc',
    '--max-old-space-size=16384',
    ...flags,
    fileURLToPath(new URL(script, import.meta.url)),
    impl,
    String(n),
    ...(options ? [options()] : []),
    outFile,
  ], {
    // Production builds of Vue and Pinia, as a deployed server runs them.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
    process.stderr.write(chunk)
  })
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (code === 0) return resolve(JSON.parse(readFileSync(outFile, 'utf8')))
      const reason = stderr.split('\n').filter(line => line && !line.startsWith('[bench]')).slice(0, 3).join(' ').slice(0, 400)
      resolve({ impl, n, mode: kind, error: `exit ${code}: ${reason || 'no message'}` })
    })
  })
}

async function main() {
  const started = Date.now()
  ensureDependencies()
  mkdirSync(RESULTS_DIR, { recursive: true })
  // Other processes on the machine (a build, a test run) make every number
  // noisier: the load average before and after is reported with the results.
  const run = { mode: modeName, ns, results: {}, cold: {}, allocation: null, ssr: null, machine: describeMachine(), loadBefore: os.loadavg()[0] }
  if (run.loadBefore > 0.5) console.error(`[bench] load average is ${run.loadBefore.toFixed(2)}: other processes are running, expect noisy numbers`)

  if (!args['ssr-only']) {
    const coreBuilt = await buildOrm()
    if (!coreBuilt) console.error(`[bench] ${ORM_ENTRY} is missing: "ours" is skipped`)
    // BENCH_ORM_BUNDLE_B adds 'ours-b', another bundle of the core, right after ours: an A/B run.
    const defaultImpls = process.env.BENCH_ORM_BUNDLE_B ? ['plain', 'typical', 'ours', 'ours-b', 'pinia-orm'] : IMPLS
    const impls = (list(args.impl) ?? defaultImpls).filter(impl => impl !== 'ours' || coreBuilt)
    // The typical baseline is a reference column of the cold mode and of the
    // allocation table; the warm mode runs it only when --impl names it (it
    // would add about 1.5 minutes to a full run).
    const warmImpls = args.impl ? impls : impls.filter(impl => impl !== 'typical')
    const missingCore = n => ({ impl: 'ours', n, error: 'the core (src/runtime/orm/index.ts) does not exist yet' })
    for (const n of ns) {
      // Interleaved per N, so a slow drift of the machine touches all implementations alike.
      if (runWarm) {
        run.results[n] = {}
        for (const impl of warmImpls) run.results[n][impl] = await measureInChild(impl, n, 'warm')
        if (!coreBuilt) run.results[n].ours = missingCore(n)
      }
      if (runCold) {
        run.cold[n] = {}
        for (const impl of impls) run.cold[n][impl] = await measureInChild(impl, n, 'cold')
        if (!coreBuilt) run.cold[n].ours = missingCore(n)
      }
    }
    if (runAllocation) {
      run.allocation = { n: ALLOCATION_N, results: {} }
      for (const impl of impls) run.allocation.results[impl] = await measureInChild(impl, ALLOCATION_N, 'alloc')
    }
  }

  if (!args['ssr-only'] && (!only || only.some(id => /^(?:W1[5-8]|live|features)$/.test(id)))) {
    const { measureExtras } = await import('./extraRun.mjs')
    run.live = await measureExtras({ ns, quick: modeName === 'quick' })
  }

  if (args['ssr-only'] || (!args['no-ssr'] && (args.ssr || mode.ssr.byDefault))) {
    const { measureSsr } = await import('./ssr/run.mjs')
    run.ssr = await measureSsr(mode.ssr)
  }
  run.loadAfter = os.loadavg()[0]

  run.durationSeconds = (Date.now() - started) / 1000
  run.finishedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const markdown = renderMarkdown(run) + (run.live ? `\n${run.live}` : '')
  writeFileSync(new URL(`${modeName}.json`, RESULTS_DIR), JSON.stringify(run, null, 2))
  writeFileSync(new URL(`${modeName}.md`, RESULTS_DIR), markdown)
  console.log(`\n${markdown}`)
  if (modeName === 'full' && !filtered && !args['no-readme']) {
    updateReadme(fileURLToPath(new URL('./README.md', import.meta.url)), markdown)
    console.log('[bench] bench/README.md updated')
  }
  else {
    console.log(`[bench] results in bench/results/${modeName}.md (README untouched: only a full, unfiltered run rewrites it)`)
  }
  for (const { target, status } of judgeTargets(run)) console.log(`[bench] ${status.padEnd(12)} ${target}`)
}

await main()

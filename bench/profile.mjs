// CPU profiles of one workload of one implementation, covering only the
// workload's own calls (never the untimed preparation of its store):
//   node bench/build.mjs
//   node bench/profile.mjs ours W1 100000 5
//   node bench/profileTop.mjs bench/results/profiles/ours-W1-100000-*.cpuprofile
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { FACTORIES } from './factories.mjs'
import { WORKLOADS, W5_CALLS } from './workloads.mjs'

// `cold` as a fifth argument profiles the cold mode (cold.mjs): a fresh store
// for every run and a full GC before it (needs node --expose-gc); W5 then
// makes N calls.
const [implName = 'ours', workloadId = 'W1', nArg = '100000', runsArg = '5', modeArg = 'warm'] = process.argv.slice(2)
const cold = modeArg === 'cold'
const workload = WORKLOADS.find(({ id }) => id === workloadId)
if (!FACTORIES[implName] || !workload) {
  console.error(`usage: node bench/profile.mjs <${Object.keys(FACTORIES).join('|')}> <W1..W14> [N] [runs] [warm|cold]`)
  process.exit(1)
}

const impl = await FACTORIES[implName]()
const n = Number(nArg)
const dir = new URL('./results/profiles/', import.meta.url)
mkdirSync(dir, { recursive: true })
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 100 })

const calls = cold ? n : W5_CALLS
let prepared = workload.prepare(impl, n, { calls })
for (let run = 1; run <= Number(runsArg); run++) {
  if ((cold || workload.fresh === 'sample') && run > 1) prepared = workload.prepare(impl, n, { calls })
  if (cold) globalThis.gc()
  await session.post('Profiler.start')
  const start = performance.now()
  workload.run(impl, prepared)
  const ms = performance.now() - start
  const { profile } = await session.post('Profiler.stop')
  const file = new URL(`${implName}-${workloadId}-${n}${cold ? '-cold' : ''}-${run}.cpuprofile`, dir)
  writeFileSync(file, JSON.stringify(profile))
  console.log(`${implName} ${workloadId} N=${n}${cold ? ' cold' : ''} run ${run}: ${ms.toFixed(2)} ms`)
}
session.disconnect()

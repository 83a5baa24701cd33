// CPU profiles of one workload of one implementation, covering only the
// workload's own calls (never the untimed preparation of its store):
//   node bench/build.mjs
//   node bench/profile.mjs ours W1 100000 5
//   node bench/profileTop.mjs bench/results/profiles/ours-W1-100000-*.cpuprofile
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { createBaseline } from './baseline.mjs'
import { createPiniaOrm } from './piniaOrm.mjs'
import { createOurs } from './ours.mjs'
import { WORKLOADS, W5_CALLS } from './workloads.mjs'

const FACTORIES = { 'plain': createBaseline, 'ours': createOurs, 'pinia-orm': createPiniaOrm }
const [implName = 'ours', workloadId = 'W1', nArg = '100000', runsArg = '5'] = process.argv.slice(2)
const workload = WORKLOADS.find(({ id }) => id === workloadId)
if (!FACTORIES[implName] || !workload) {
  console.error('usage: node bench/profile.mjs <plain|ours|pinia-orm> <W1..W8> [N] [runs]')
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

let prepared = workload.prepare(impl, n, { calls: W5_CALLS })
for (let run = 1; run <= Number(runsArg); run++) {
  if (workload.fresh === 'sample' && run > 1) prepared = workload.prepare(impl, n, { calls: W5_CALLS })
  await session.post('Profiler.start')
  const start = performance.now()
  workload.run(impl, prepared)
  const ms = performance.now() - start
  const { profile } = await session.post('Profiler.stop')
  const file = new URL(`${implName}-${workloadId}-${n}-${run}.cpuprofile`, dir)
  writeFileSync(file, JSON.stringify(profile))
  console.log(`${implName} ${workloadId} N=${n} run ${run}: ${ms.toFixed(2)} ms`)
}
session.disconnect()

// Runs one workload of one implementation repeatedly, untimed, for a CPU
// profile of where its time goes:
//   node bench/build.mjs
//   node --cpu-prof --cpu-prof-dir=bench/results/profiles bench/profile.mjs ours W1 100000 5
//   node bench/profileTop.mjs bench/results/profiles/<file>.cpuprofile
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
let prepared = workload.prepare(impl, n, { calls: W5_CALLS })
for (let run = 0; run < Number(runsArg); run++) {
  if (workload.fresh === 'sample' && run > 0) prepared = workload.prepare(impl, n, { calls: W5_CALLS })
  const start = performance.now()
  workload.run(impl, prepared)
  console.log(`${implName} ${workloadId} N=${n} run ${run + 1}: ${(performance.now() - start).toFixed(2)} ms`)
}

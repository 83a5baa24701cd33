// W12 in one process, with or without Vue's dependency tracking used before it: the check a
// reactive `count()` makes (Vue's `Dep.track`) is inlined into the counting loop, and once any
// effect has tracked a dependency, V8 compiles the tracking path in too. bench/README.md, the W12
// paragraph, quotes what this prints.
//
//   NODE_ENV=production node bench/w12Tracking.mjs          # nothing tracked before
//   NODE_ENV=production node bench/w12Tracking.mjs tracked  # 2,000 computeds read first
//
// BENCH_ORM_BUNDLE picks another bundle of the core, as for the other scripts here.
import { computed, shallowRef } from 'vue'
import { FACTORIES } from './factories.mjs'
import { WORKLOADS } from './workloads.mjs'

if (process.argv[2] === 'tracked') {
  const refs = Array.from({ length: 50 }, () => shallowRef(0))
  for (let i = 0; i < 2000; i++) {
    const sum = computed(() => refs.reduce((total, ref) => total + ref.value, 0))
    void sum.value
    refs[i % 50].value++
  }
}

const w12 = WORKLOADS.find(workload => workload.id === 'W12')
const times = []
for (const name of ['ours', 'plain']) {
  const impl = await FACTORIES[name]()
  const prepared = w12.prepare(impl, 100_000)
  const samples = []
  for (let i = 0; i < 31; i++) {
    const start = performance.now()
    w12.run(impl, prepared)
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  times.push(`${name} ${(samples[15] * 1000).toFixed(0)} µs`)
}
console.log(`W12, N = 100,000, median of 31 (${process.argv[2] === 'tracked' ? 'after tracking' : 'nothing tracked before'}): ${times.join(', ')}`)

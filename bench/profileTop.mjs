// Prints the functions with the most self time, summed over one or more
// .cpuprofile files (from bench/profile.mjs or `node --cpu-prof`). The core's
// locations are lines of bench/.build/orm.mjs, which is unminified, so the
// function names are the source's.
import { readFileSync } from 'node:fs'

const files = process.argv.slice(2).filter(arg => arg.endsWith('.cpuprofile'))
const limit = Number(process.argv.slice(2).find(arg => /^\d+$/.test(arg)) ?? 30)
if (files.length === 0) {
  console.error('usage: node bench/profileTop.mjs <file.cpuprofile>... [how many]')
  process.exit(1)
}
const selfTime = new Map()
let total = 0
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const nodes = new Map(profile.nodes.map(node => [node.id, node]))
  profile.samples.forEach((id, i) => {
    const { callFrame } = nodes.get(id)
    // The inspector's own message handling between Profiler.start and stop is not the workload's.
    if (callFrame.functionName === 'dispatch' && callFrame.url === '') return
    const where = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`
    const delta = profile.timeDeltas[i] ?? 0
    selfTime.set(where, (selfTime.get(where) ?? 0) + delta)
    total += delta
  })
}
console.log(`total ${(total / 1000).toFixed(0)} ms over ${files.length} profile(s)`)
for (const [where, micros] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
  console.log(`${(micros / 1000).toFixed(1).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${where}`)
}

// Prints the functions with the most self time in a .cpuprofile (from
// `node --cpu-prof`). The core's locations are lines of bench/.build/orm.mjs,
// which is unminified, so function names are the source's.
import { readFileSync } from 'node:fs'

const [file, limitArg = '30'] = process.argv.slice(2)
if (!file) {
  console.error('usage: node bench/profileTop.mjs <file.cpuprofile> [how many]')
  process.exit(1)
}
const profile = JSON.parse(readFileSync(file, 'utf8'))
const nodes = new Map(profile.nodes.map(node => [node.id, node]))
const selfTime = new Map()
let total = 0
profile.samples.forEach((id, i) => {
  const { callFrame } = nodes.get(id)
  const where = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`
  const delta = profile.timeDeltas[i] ?? 0
  selfTime.set(where, (selfTime.get(where) ?? 0) + delta)
  total += delta
})
console.log(`total ${(total / 1000).toFixed(0)} ms`)
for (const [where, micros] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(limitArg))) {
  console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${where}`)
}

// The parts of the report that issue 13 added: the allocation table and the
// verdict on the cold-mode targets. The cold tables themselves are drawn by
// report.mjs with the warm ones (same columns).
import { formatMs, formatRatio, comparable, ratio, presentColumns, ratioColumns, ALL_IMPLS } from './format.mjs'

const ALLOCATION_ROWS = [
  ['find', 'per `with(\'phone\').find(id)`'],
  ['getFirst', 'per record of `with(\'phone\').get()`, first read of a fresh store'],
  ['getAgain', 'per record of `with(\'phone\').get()`, second read'],
  ['save', 'per user of a nested `save` (user, phone, 3 posts)'],
]

function formatAllocated(reading) {
  if (!reading) return '–'
  const bytes = reading.bytesPer
  const text = bytes >= 10_000 ? `${(bytes / 1024).toFixed(bytes >= 1024 * 1024 ? 0 : 1)} KiB` : `${bytes} B`
  return reading.lowerBound ? `≥ ${text}` : text
}

/** The allocation table (bytes allocated per operation), or a line saying it was not run. */
export function allocationSection(allocation) {
  if (!allocation) return 'Allocation: not run (it runs with the cold mode; `--only` runs it only when it lists `alloc`).\n'
  const columns = presentColumns(allocation.results)
  const ratios = ratioColumns(allocation.results)
  const calls = columns.map(([impl]) => allocation.results[impl]?.findCalls).filter(Boolean)
  const rows = [
    `#### Allocation, N = ${allocation.n.toLocaleString('en-US')}`,
    '',
    `Bytes allocated on the JS heap (median of 3 readings; finds averaged over ${[...new Set(calls)].map(value => value.toLocaleString('en-US')).join(' / ')} calls${calls.some(value => value < 10_000) ? ', fewer when slow' : ''}; ≥ = a GC fell into every reading).`,
    '',
    `| bytes allocated | ${[...columns.map(([, title]) => title), ...ratios.map(([title]) => title)].join(' | ')} |`,
    `| --- | ${[...columns, ...ratios].map(() => '---:').join(' | ')} |`,
  ]
  const reading = (impl, key) => (allocation.results[impl]?.error ? undefined : allocation.results[impl]?.[key])
  for (const [key, label] of ALLOCATION_ROWS) {
    const cells = columns.map(([impl]) => formatAllocated(reading(impl, key)))
    const quotients = ratios.map(([, top, bottom]) => formatRatio(reading(top, key)?.bytesPer / reading(bottom, key)?.bytesPer))
    rows.push(`| ${label} | ${[...cells, ...quotients].join(' | ')} |`)
  }
  const failures = ALL_IMPLS.filter(impl => allocation.results[impl]?.error).map(impl => `${impl}: ${allocation.results[impl].error}`)
  return `${rows.join('\n')}\n${failures.length ? `\nAllocation failures: ${failures.join('; ')}\n` : ''}`
}

/** The targets of issue 13, judged on the cold tables at N = 10,000 and 100,000 and on the allocation table. */
export function judgeColdTargets(run) {
  const ns = run.ns.filter(n => n >= 10_000)
  const verdicts = []
  const check = (target, evaluate, atNs = ns) => {
    const misses = []
    let measured = false
    for (const n of atNs) {
      const results = run.cold?.[n]
      if (!results?.ours?.workloads || !results.plain?.workloads) continue
      measured = true
      misses.push(...evaluate(results, n))
    }
    verdicts.push({ target, status: !measured ? 'not measured' : misses.length ? 'missed' : 'met', misses })
  }
  const ratioAtMost = (ids, limit) => ({ ours, plain }, n) => ids
    .filter(id => ours.workloads[id] && plain.workloads[id])
    .map(id => [id, ratio(ours, plain, id)])
    .filter(([, value]) => !(value <= limit))
    .map(([id, value]) => `${id} at N=${n}: ${formatRatio(value)}`)
  check('cold: ours / plain ≤ 3 on W1-W8', ratioAtMost(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8'], 3))
  check('cold: ours / plain ≤ 2 on W2, W3 and W5', ratioAtMost(['W2', 'W3', 'W5'], 2))
  check('cold: W5 ≤ 5 µs per call at N = 100,000', ({ ours }, n) => {
    const perCall = comparable(ours.workloads.W5, 'W5')
    if (perCall === undefined) return []
    return perCall * 1000 <= 5 ? [] : [`N=${n}: ${formatMs(perCall)} per call`]
  }, ns.filter(n => n === 100_000))
  check('cold: every output equal to the baseline\'s', results => ALL_IMPLS.slice(1).flatMap(impl => Object.entries(results[impl]?.workloads ?? {})
    .filter(([, entry]) => entry.difference)
    .map(([id]) => `${impl} ${id} at N=${results[impl].n}`)))
  const find = impl => run.allocation?.results?.[impl]?.find?.bytesPer
  const [mine, theirs] = [find('ours'), find('plain')]
  verdicts.push(mine === undefined || theirs === undefined
    ? { target: 'allocation per `with(\'phone\').find(id)` ≤ 3 × the baseline\'s', status: 'not measured', misses: [] }
    : {
        target: 'allocation per `with(\'phone\').find(id)` ≤ 3 × the baseline\'s',
        status: mine <= 3 * theirs ? 'met' : 'missed',
        misses: mine <= 3 * theirs ? [] : [`${mine} B against ${theirs} B (${formatRatio(mine / theirs)})`],
      })
  return verdicts
}

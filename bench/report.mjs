// Turns one run's results into the markdown tables of bench/README.md (warm,
// cold and allocation) and the verdict on each target of issues 4 and 13.
import { readFileSync, writeFileSync } from 'node:fs'
import { WORKLOADS, WARM_WORKLOADS, COLD_WORKLOADS, W5_CALLS } from './workloads.mjs'
import { formatMs, formatBytes, formatRatio, comparable, ratio, presentColumns, ratioColumns, ALL_IMPLS } from './format.mjs'
import { allocationSection, judgeColdTargets } from './reportCold.mjs'

export { comparable }

/** The default implementations of a run, in column order; `plain` is the tight baseline every ratio uses. */
export const IMPLS = ['plain', 'typical', 'ours', 'pinia-orm']
const START = '<!-- bench:results:start -->'
const END = '<!-- bench:results:end -->'

const SHORT_TITLES = {
  'W1': 'W1 save all (nested)',
  'W2': 'W2 users with phone',
  'W3': 'W3 phones with user',
  'W4': 'W4 where name + posts',
  'W5': 'W5 find with phone, per call',
  'W6': 'W6 SSR round trip',
  'W7': 'W7 rename 10%',
  'W8': 'W8 destroy 10%',
  'W9': 'W9 save + with roles (pivot)',
  'W10': 'W10 posts with morph comments',
  'W11': 'W11 has / whereHas posts',
  'W12': 'W12 100,000 × (count + exists)',
  'W13': 'W13 groupBy(userId) of posts',
  'W14': 'W14 orderBy(name).paginate(50, 20)',
  'W1+W2': 'W1 then W2 (save, first read)',
}

function cell(result, workloadId, notes, fullCalls) {
  if (!result) return 'not run'
  if (result.error) return 'failed¹'
  const entry = result.workloads[workloadId]
  if (!entry) return '–'
  let text = formatMs(comparable(entry, workloadId))
  if (workloadId === 'W5' && entry.calls !== fullCalls) text += ` (${entry.calls} calls)`
  if (entry.capped) text += ' ²'
  if (entry.difference) {
    text += ' ✗'
    notes.push(`${result.impl} ${workloadId} at N=${result.n}: ${entry.difference}`)
  }
  return text
}

/**
 * The table of one N; `kind` is 'warm' (W1..W14 and the memory rows) or 'cold'
 * (W1..W8). Optional columns (typical baseline, ours (B)) appear only when they ran.
 */
function tableFor(n, results, notes, kind = 'warm') {
  const columns = presentColumns(results)
  const ratios = ratioColumns(results)
  const rows = [
    `| workload | ${[...columns.map(([, title]) => title), ...ratios.map(([title]) => title)].join(' | ')} |`,
    `| --- | ${[...columns, ...ratios].map(() => '---:').join(' | ')} |`,
  ]
  const workloads = kind === 'cold' ? WORKLOADS.filter(({ id }) => COLD_WORKLOADS.includes(id)) : WARM_WORKLOADS
  for (const { id } of workloads) {
    const cells = columns.map(([impl]) => cell(results[impl], id, notes, kind === 'cold' ? n : W5_CALLS))
    const quotients = ratios.map(([, top, bottom]) => formatRatio(ratio(results[top], results[bottom], id)))
    rows.push(`| ${SHORT_TITLES[id]} | ${[...cells, ...quotients].join(' | ')} |`)
  }
  if (kind === 'cold') return `#### Cold, N = ${n.toLocaleString('en-US')}\n\n${rows.join('\n')}\n`
  const bytes = result => result?.workloads?.W6?.bytes
  const heap = (result, key) => result?.memory?.[key]
  const extra = [
    ['W6 payload size', result => bytes(result), formatBytes],
    ['heap retained after W1', result => heap(result, 'afterSave'), formatBytes],
    ['heap retained after W1 + one W2', result => heap(result, 'afterRead'), formatBytes],
  ]
  for (const [label, pick, format] of extra) {
    const cells = columns.map(([impl]) => pick(results[impl])).map(value => (value === undefined ? '–' : format(value)))
    const quotients = ratios.map(([, top, bottom]) => formatRatio(pick(results[top]) / pick(results[bottom])))
    rows.push(`| ${label} | ${[...cells, ...quotients].join(' | ')} |`)
  }
  return `#### Warm, N = ${n.toLocaleString('en-US')}\n\n${rows.join('\n')}\n`
}

/** Each target of issue 4 (warm tables) and of issue 13 (cold and allocation tables), judged on N = 10,000 and 100,000. */
export function judgeTargets(run) {
  const ns = run.ns.filter(n => n >= 10_000)
  const verdicts = []
  const check = (target, evaluate, atNs = ns) => {
    const misses = []
    let measured = false
    for (const n of atNs) {
      const results = run.results?.[n]
      if (!results?.ours?.workloads || !results.plain?.workloads) continue
      measured = true
      misses.push(...evaluate(results, n))
    }
    verdicts.push({ target, status: !measured ? 'not measured' : misses.length ? 'missed' : 'met', misses })
  }
  check('warm: ours / plain ≤ 3 on every workload', ({ ours, plain }, n) => WARM_WORKLOADS
    .map(({ id }) => [id, ratio(ours, plain, id)])
    .filter(([, value]) => !(value <= 3))
    .map(([id, value]) => `${id} at N=${n}: ${formatRatio(value)}`))
  check('warm: pinia-orm / ours ≥ 10 on every workload pinia-orm has', ({ ours, ...rest }, n) => WARM_WORKLOADS
    .filter(({ id }) => !rest['pinia-orm']?.workloads || rest['pinia-orm'].workloads[id] !== undefined)
    .map(({ id }) => [id, ratio(rest['pinia-orm'], ours, id)])
    .filter(([, value]) => !(value >= 10))
    .map(([id, value]) => `${id} at N=${n}: ${formatRatio(value)}`))
  check('warm: W5 ≤ 10 µs per call at N = 100,000', ({ ours }, n) => {
    const perCall = comparable(ours.workloads.W5, 'W5')
    return perCall * 1000 <= 10 ? [] : [`N=${n}: ${formatMs(perCall)} per call`]
  }, ns.filter(n => n === 100_000))
  check('warm: W6 payload bytes ≤ the plain baseline\'s', ({ ours, plain }, n) => {
    const [mine, theirs] = [ours.workloads.W6?.bytes, plain.workloads.W6?.bytes]
    return mine <= theirs ? [] : [`N=${n}: ${mine} vs ${theirs} bytes (${formatRatio(mine / theirs)})`]
  })
  check('warm: retained heap ≤ 1.5 × the baseline\'s (after W1)', ({ ours, plain }, n) => {
    const value = ours.memory.afterSave / plain.memory.afterSave
    return value <= 1.5 ? [] : [`N=${n}: ${formatRatio(value)}`]
  })
  check('warm: every output equal to the baseline\'s', results => ALL_IMPLS.slice(1).flatMap(impl => Object.entries(results[impl]?.workloads ?? {})
    .filter(([, entry]) => entry.difference)
    .map(([id]) => `${impl} ${id} at N=${results[impl].n}`)))
  verdicts.push(...judgeColdTargets(run))
  const ssr = run.ssr
  verdicts.push(ssr?.ratio !== undefined
    ? { target: 'SSR requests/s ≥ 0.8 × the bare Pinia page', status: ssr.ratio >= 0.8 ? 'met' : 'missed', misses: ssr.ratio >= 0.8 ? [] : [`${ssr.ratio.toFixed(2)}×`] }
    : { target: 'SSR requests/s ≥ 0.8 × the bare Pinia page', status: 'not measured', misses: [ssr?.reason ?? 'SSR part not run'] })
  return verdicts
}

function ssrSection(ssr) {
  if (!ssr) return 'SSR throughput: not run (quick mode runs it only with --ssr).\n'
  if (ssr.ratio === undefined) return `SSR throughput: not measured (${ssr.reason}).\n`
  const row = (label, r) => `| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${r.latencyMs.p50} ms | ${r.latencyMs.p99} ms | ${r.errors} | ${r.bytesPerResponse.toLocaleString('en-US')} |`
  return [
    `SSR throughput (${ssr.users} users with phones per page, autocannon ${ssr.connections} connections × ${ssr.durationSeconds} s per app on 127.0.0.1, after a warm-up):`,
    '',
    '| page | requests/s | p50 latency | p99 latency | errors | bytes per response |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('bare Pinia store', ssr.bare),
    row('through nuxt-pinia-orm', ssr.orm),
    '',
    `Ratio module / bare: **${ssr.ratio.toFixed(2)}** (target ≥ 0.8).`,
    '',
  ].join('\n')
}

export function renderMarkdown(run) {
  const { machine } = run
  const notes = []
  const warm = Object.keys(run.results ?? {}).length ? run.ns.map(n => tableFor(n, run.results[n] ?? {}, notes, 'warm')) : ['Warm mode: not run (`--cold`, or `--only` named no warm workload).\n']
  const cold = Object.keys(run.cold ?? {}).length ? run.ns.map(n => tableFor(n, run.cold[n] ?? {}, notes, 'cold')) : ['Cold mode: not run (`--warm`, or `--only` named none of W1-W8).\n']
  const failures = run.ns.flatMap(n => [...ALL_IMPLS.map(impl => run.results?.[n]?.[impl]), ...ALL_IMPLS.map(impl => run.cold?.[n]?.[impl])]
    .filter(result => result?.error)
    .map(result => `${result.impl} at N=${result.n}${result.mode === 'cold' ? ' (cold)' : ''}: ${result.error}`))
  const verdicts = judgeTargets(run)
  return [
    `Measured ${run.finishedAt} in ${run.mode} mode (${Math.round(run.durationSeconds)} s) on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}.`,
    `Packages: ${Object.entries(machine.packages).map(([name, version]) => `${name} ${version}`).join(', ')}.`,
    `Load average (1 min) before the run ${run.loadBefore?.toFixed(2) ?? '?'}, after ${run.loadAfter?.toFixed(2) ?? '?'} (the run itself adds about 1; more means other processes shared the 2 cores).`,
    'Times are medians of the timed samples; W5 is per call. Warm: a store read by every sample after a warm-up, W5 10,000 calls. Cold: a fresh store per sample, filled untimed, a full GC, then one timed run that builds whatever it builds lazily; W5 N calls. plain JS is the tight baseline every ratio uses; typical JS the everyday hand-written one. ✗ = output differs from the baseline; ² = one run only (a single run exceeded the time cap); ¹ = the implementation failed.',
    '',
    ...warm,
    ...cold,
    allocationSection(run.allocation),
    ssrSection(run.ssr),
    '#### Targets',
    '',
    '| target | status | where missed |',
    '| --- | --- | --- |',
    ...verdicts.map(({ target, status, misses }) => `| ${target} | ${status} | ${misses.join('; ') || '–'} |`),
    '',
    ...(notes.length ? ['Output differences:', '', ...notes.map(note => `- ${note}`), ''] : []),
    ...(failures.length ? ['Failures:', '', ...failures.map(failure => `- ${failure}`), ''] : []),
  ].join('\n')
}

/** Replaces the marked section of bench/README.md with the new results. */
export function updateReadme(readmeFile, markdown) {
  const readme = readFileSync(readmeFile, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) throw new Error(`[bench] ${readmeFile} lacks the ${START} ... ${END} markers`)
  writeFileSync(readmeFile, `${readme.slice(0, start + START.length)}\n${markdown}\n${readme.slice(end)}`)
}

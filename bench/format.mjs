// Number formats and the comparisons the report (report.mjs, reportCold.mjs) is built on.

/** A duration in ms, in the unit that suits it, 3 significant digits. */
export function formatMs(ms) {
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`
  if (ms < 1000) return `${ms.toPrecision(3)} ms`
  return `${(ms / 1000).toPrecision(3)} s`
}

/** Bytes in MiB. */
export const formatBytes = bytes => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 1)} MiB`
/** A ratio as `1.23×`, `–` when not measured. */
export const formatRatio = ratio => (Number.isFinite(ratio) ? `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(0)}×` : '–')

/** The number a workload is compared on: the median, per call for W5. */
export function comparable(entry, workloadId) {
  if (!entry || entry.medianMs === undefined) return undefined
  return workloadId === 'W5' ? entry.medianMs / entry.calls : entry.medianMs
}

/** ours / plain and the like: the ratio of two results on one workload, NaN when one is missing. */
export function ratio(a, b, workloadId) {
  const top = comparable(a?.workloads?.[workloadId], workloadId)
  const bottom = comparable(b?.workloads?.[workloadId], workloadId)
  return top !== undefined && bottom !== undefined ? top / bottom : Number.NaN
}

/** Every implementation, in column order, with its column title; `plain` is the tight baseline every ratio uses. */
export const COLUMNS = [['plain', 'plain JS'], ['typical', 'typical JS'], ['ours', 'ours'], ['ours-b', 'ours (B)'], ['pinia-orm', 'pinia-orm']]
/** The implementation names, in column order. */
export const ALL_IMPLS = COLUMNS.map(([impl]) => impl)
// Columns shown only when the implementation ran: the typical baseline (not in
// the warm mode by default) and the B core of an A/B run (BENCH_ORM_BUNDLE_B).
const OPTIONAL = new Set(['typical', 'ours-b'])

/** The columns of a table whose results (impl -> result) are given: the optional ones only when present. */
export function presentColumns(results) {
  return COLUMNS.filter(([impl]) => !OPTIONAL.has(impl) || results[impl])
}

/** The ratio columns' titles, and the ratio of each; ours / ours (B) only in an A/B run. */
export function ratioColumns(results) {
  const columns = [['ours / plain', 'ours', 'plain'], ['pinia-orm / ours', 'pinia-orm', 'ours']]
  if (results['ours-b']) columns.push(['ours / ours (B)', 'ours', 'ours-b'])
  return columns
}

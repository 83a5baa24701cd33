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

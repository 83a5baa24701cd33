// The implementations the bench compares, by the name used in tables, files and `--impl`.
import { createBaseline } from './baseline.mjs'
import { createTypicalBaseline } from './baselineTypical.mjs'
import { createPiniaOrm } from './piniaOrm.mjs'
import { createOurs } from './ours.mjs'

/** name -> factory (sync or async) of an Implementation (implementation.mjs). */
export const FACTORIES = {
  'plain': createBaseline,
  'typical': createTypicalBaseline,
  'ours': () => createOurs('A'),
  // Another bundle of the core (BENCH_ORM_BUNDLE_B), for an A/B comparison in the same run.
  'ours-b': () => createOurs('B'),
  'pinia-orm': createPiniaOrm,
}

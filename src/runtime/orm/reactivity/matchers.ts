import type { ShallowRef } from 'vue'
import type { StoredRecord } from '../keys'

// Reads of many records depend on the changes their filter matches: one matcher per read, kept
// only while the effect that read holds its dependency (see Signals.matching).

/**
 * A read of many records: its filter, and (held weakly) the dependency of its effect.
 *
 * @internal
 */
export interface Matcher {
  readonly test: (record: StoredRecord) => boolean
  readonly dep: WeakRef<Dep>
}

/** Vue's dependency behind a ref (an internal of Vue 3.5, as `dep.track()` in `tracking()`). */
export interface Dep {
  track: () => unknown
  trigger: () => void
}

export function depOf(signal: ShallowRef<number>): Dep {
  return (signal as unknown as { dep: Dep }).dep
}

/**
 * Drops the matchers whose effect let go of them, and, for a change, triggers those that accept its
 * record before or after it. Returns how many are kept.
 */
export function sweep(matchers: Matcher[], change: { readonly before: StoredRecord | undefined, readonly after: StoredRecord | undefined } | undefined): number {
  let kept = 0
  for (const matcher of matchers) {
    const dep = matcher.dep.deref()
    if (dep === undefined)
      continue
    matchers[kept++] = matcher
    if (change && ((change.before !== undefined && matcher.test(change.before)) || (change.after !== undefined && matcher.test(change.after))))
      dep.trigger()
  }
  matchers.length = kept
  return kept
}

import { shallowRef } from 'vue'
import type { ShallowRef } from 'vue'
import { keyOf } from '../keys'
import type { StoredRecord } from '../keys'
import { recordAt } from '../ownRecords'
import { depOf, sweep } from './matchers'
import type { Matcher } from './matchers'
import { sameRecord, sameValue } from './sameRecord'

/** A signal is a counter: reading it subscribes the running effect, bumping it notifies. */
type Signal = ShallowRef<number>

/** One record's change in one write: absent `before` for a new record, absent `after` for a deleted one. */
export interface RecordChange {
  readonly id: string
  readonly before: StoredRecord | undefined
  readonly after: StoredRecord | undefined
}

/**
 * Something kept up to date from an entity's writes (a live query). Told after the store holds the
 * write.
 *
 * @internal
 */
export interface WriteListener {
  /** Records of `entity` changed through the ORM (only real changes: same values are left out). */
  _changed: (entity: string, changes: readonly RecordChange[]) => void
  /** The records of `entity` were replaced or changed behind the ORM (hydration, `$patch`, `$reset`). */
  _replaced: (entity: string) => void
}

interface Bucket {
  readonly fields: readonly string[]
  readonly values: Map<string, Signal>
}

/** The signals of one entity, each made the first time an effect reads through it. */
interface EntitySignals {
  readonly records: Map<string, Signal>
  members?: Signal
  any?: Signal
  fields?: Map<string, Signal>
  buckets?: Map<string, Bucket>
  matchers?: Matcher[]
  /** How many matchers there were after the last sweep of those no effect depends on any more. */
  swept?: number
  outside?: Signal
  listeners?: Set<WriteListener>
  /** The changes of the write under way, kept from before the store mutation until after it. */
  pending?: RecordChange[]
}

/**
 * Fine-grained dependencies of reads on one Pinia's records: a signal per record, per entity for
 * added or removed records, per field for a change of that field in any record, per value of an
 * index (the records a relation lookup matches), and per entity for writes made behind the ORM.
 * Signals are made lazily and only while an effect runs, so reads outside effects cost nothing.
 *
 * @internal
 */
export class Signals {
  private readonly entities = new Map<string, EntitySignals>()
  /**
   * The dependency of a ref no one reads: its `track()` returns something only while an effect
   * is running.
   * @internal
   */
  readonly _probe = depOf(shallowRef(0))

  /** Whether a reactive effect (computed, watcher, render) is collecting dependencies now. */
  tracking(): boolean {
    return this._probe.track() !== undefined
  }

  /** Depends on record `id` of `entity` (also when it does not exist yet). */
  record(entity: string, id: string): void {
    const records = this.of(entity).records
    let signal = records.get(id)
    if (!signal)
      records.set(id, signal = shallowRef(0))
    void signal.value
  }

  /** Depends on records of `entity` being added or removed. */
  members(entity: string): void {
    const signals = this.of(entity)
    void (signals.members ??= shallowRef(0)).value
  }

  /** Depends on any change to the records of `entity` (one signal for reads of many records). */
  any(entity: string): void {
    const signals = this.of(entity)
    void (signals.any ??= shallowRef(0)).value
  }

  /**
   * Depends on a change to any record of `entity` that `test` accepts before or after the change.
   * The running effect alone holds the dependency: once it re-runs or stops depending on it, the
   * garbage collector takes it, and the matcher is dropped.
   */
  matching(entity: string, test: (record: StoredRecord) => boolean): void {
    const signals = this.of(entity)
    const signal = shallowRef(0)
    void signal.value
    const matchers = signals.matchers ??= []
    matchers.push({ test, dep: new WeakRef(depOf(signal)) })
    // Reads with no write in between: drop the matchers of effects gone, now and then.
    if (matchers.length > 2 * (signals.swept ?? 16))
      signals.swept = sweep(matchers, undefined)
  }

  /** Depends on `field` changing in any record of `entity`. */
  field(entity: string, field: string): void {
    const fields = this.of(entity).fields ??= new Map()
    let signal = fields.get(field)
    if (!signal)
      fields.set(field, signal = shallowRef(0))
    void signal.value
  }

  /** Depends on the records of `entity` whose `fields` hold `value` (entering, leaving or changing). */
  bucket(entity: string, fields: readonly string[], value: string): void {
    const buckets = this.of(entity).buckets ??= new Map()
    const name = fields.length === 1 ? fields[0]! : JSON.stringify(fields)
    let bucket = buckets.get(name)
    if (!bucket)
      buckets.set(name, bucket = { fields, values: new Map() })
    let signal = bucket.values.get(value)
    if (!signal)
      bucket.values.set(value, signal = shallowRef(0))
    void signal.value
  }

  /** Depends on writes to `entity` made behind the ORM (a replaced state, `$patch`, `$reset`). */
  outside(entity: string): void {
    const signals = this.of(entity)
    void (signals.outside ??= shallowRef(0)).value
  }

  /** Keeps `listener` told of the writes to `entity` until {@link Signals.unlisten}. */
  listen(entity: string, listener: WriteListener): void {
    (this.of(entity).listeners ??= new Set()).add(listener)
  }

  unlisten(entity: string, listener: WriteListener): void {
    this.entities.get(entity)?.listeners?.delete(listener)
  }

  /**
   * Called before a write changes the store: keeps what each record was and will be, leaving out
   * records whose values stay the same. Costs nothing for an entity nobody depends on finely.
   */
  beforeWrite(entity: string, data: Record<string, StoredRecord>, changes: ReadonlyMap<string, StoredRecord | undefined>): void {
    const signals = this.entities.get(entity)
    if (!signals)
      return
    const pending = signals.pending ??= []
    for (const [id, after] of changes) {
      const before = recordAt(data, id)
      if (before !== after && !(before !== undefined && after !== undefined && sameRecord(before, after)))
        pending.push({ id, before, after })
    }
  }

  /** Called once the store holds the write (`ownWrite`) or changed behind the ORM: notifies. */
  afterWrite(entity: string, ownWrite: boolean): void {
    const signals = this.entities.get(entity)
    if (!signals)
      return
    const pending = signals.pending
    signals.pending = undefined
    if (!ownWrite) {
      bump(signals.outside)
      if (signals.listeners) {
        for (const listener of [...signals.listeners])
          listener._replaced(entity)
      }
      return
    }
    if (!pending || pending.length === 0)
      return
    bump(signals.any)
    for (const change of pending)
      notify(signals, change)
    if (signals.listeners) {
      for (const listener of [...signals.listeners])
        listener._changed(entity, pending)
    }
  }

  private of(entity: string): EntitySignals {
    let signals = this.entities.get(entity)
    if (!signals)
      this.entities.set(entity, signals = { records: new Map() })
    return signals
  }
}

function notify(signals: EntitySignals, change: RecordChange): void {
  const { id, before, after } = change
  bump(signals.records.get(id))
  if (after === undefined)
    signals.records.delete(id)
  if (before === undefined || after === undefined)
    bump(signals.members)
  if (signals.fields) {
    for (const [field, signal] of signals.fields) {
      if (before === undefined || after === undefined || !sameValue(before[field], after[field]))
        bump(signal)
    }
  }
  if (signals.matchers)
    signals.swept = sweep(signals.matchers, change)
  if (signals.buckets) {
    for (const bucket of signals.buckets.values()) {
      const from = before && keyOf(before, bucket.fields)
      const to = after && keyOf(after, bucket.fields)
      if (from !== undefined)
        bump(bucket.values.get(from))
      if (to !== undefined && to !== from)
        bump(bucket.values.get(to))
    }
  }
}

function bump(signal: Signal | undefined): void {
  if (signal)
    signal.value++
}

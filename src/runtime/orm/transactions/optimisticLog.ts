import type { StoredRecord } from '../keys'
import { recordAt } from '../ownRecords'
import { _replayWrite } from './effects'
import type { RecordChanges } from './effects'

/** An optimistic write, as the log sees it: its entries are permanent once it is committed. */
export interface LogOwner {
  readonly committed: boolean
}

interface Entry {
  readonly history: History
  readonly before: StoredRecord | undefined
  readonly after: StoredRecord | undefined
  /** The optimistic write it belongs to; `null` for a plain write. */
  readonly owner: LogOwner | null
}

/** One record's writes since the oldest pending optimistic write, and its value before them. */
interface History {
  readonly entity: string
  readonly key: string
  base: StoredRecord | undefined
  entries: Entry[]
}

/**
 * Every write since the oldest pending optimistic write, record by record, so that rolling one
 * back can give each record it wrote the value the other writes alone would have given it: the
 * record as it was before the log began, with the change of every other write replayed on top in
 * the order they happened (see `_replayWrite` for what a change is).
 *
 * The log holds references to records, never copies: the ORM never changes a stored record in
 * place. It exists only while an optimistic write is pending.
 *
 * @internal
 */
export class OptimisticLog {
  private readonly histories = new Map<string, Map<string, History>>()
  private queue: Entry[] = []

  /** How many writes it holds: what an aborted transaction truncates back to. */
  get length(): number {
    return this.queue.length
  }

  /** Notes the writes of `changes`, about to go into `data`, for `owner` (`null`: a plain write). */
  record(entity: string, data: Record<string, StoredRecord>, changes: ReadonlyMap<string, StoredRecord | undefined>, owner: LogOwner | null): void {
    let byKey = this.histories.get(entity)
    if (!byKey)
      this.histories.set(entity, byKey = new Map())
    for (const [key, after] of changes) {
      const before = recordAt(data, key)
      if (before === after)
        continue
      let history = byKey.get(key)
      if (!history)
        byKey.set(key, history = { entity, key, base: before, entries: [] })
      const entry: Entry = { history, before, after, owner }
      history.entries.push(entry)
      this.queue.push(entry)
    }
  }

  /** Forgets the writes after the first `length` ones: the transaction that made them was undone. */
  truncate(length: number): void {
    for (let i = this.queue.length - 1; i >= length; i--)
      this.drop(this.queue[i]!.history, this.queue[i]!.history.entries.length - 1)
    this.queue.length = length
  }

  /**
   * Forgets the writes of `owner` and returns, per entity, the value each record it wrote has
   * without them.
   */
  rollback(owner: LogOwner): Map<string, RecordChanges> {
    const touched = new Set<History>()
    this.queue = this.queue.filter((entry) => {
      if (entry.owner !== owner)
        return true
      touched.add(entry.history)
      return false
    })
    const changes = new Map<string, RecordChanges>()
    for (const history of touched) {
      history.entries = history.entries.filter(entry => entry.owner !== owner)
      let value = history.base
      for (const entry of history.entries)
        value = _replayWrite(value, entry.before, entry.after)
      let records = changes.get(history.entity)
      if (!records)
        changes.set(history.entity, records = new Map())
      records.set(history.key, value)
      if (history.entries.length === 0)
        this.histories.get(history.entity)!.delete(history.key)
    }
    return changes
  }

  /**
   * Folds the writes older than the oldest pending optimistic write into the values they start
   * from: nothing can be rolled back before that write anymore.
   */
  prune(): void {
    let count = 0
    while (count < this.queue.length && isSettled(this.queue[count]!.owner))
      count++
    for (let i = 0; i < count; i++) {
      const { history, before, after } = this.queue[i]!
      history.base = _replayWrite(history.base, before, after)
      this.drop(history, 0)
    }
    this.queue.splice(0, count)
  }

  private drop(history: History, at: number): void {
    history.entries.splice(at, 1)
    if (history.entries.length === 0)
      this.histories.get(history.entity)!.delete(history.key)
  }
}

function isSettled(owner: LogOwner | null): boolean {
  return owner === null || owner.committed
}

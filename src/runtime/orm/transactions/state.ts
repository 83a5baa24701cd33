import type { EntityData } from '../storeOptions'
import type { StoredRecord } from '../keys'
import { recordAt } from '../ownRecords'
import { _applyChanges, _sameRecord } from './effects'
import type { RecordChanges } from './effects'
import type { OptimisticLog, LogOwner } from './optimisticLog'
import { _asyncError, _isThenable } from './syncOnly'
import { _restoreKeyOrder, UndoJournal } from './undoJournal'

/**
 * What an open transaction, or a pending optimistic write, does with the ORM's writes
 * (TransactionState implements it; database.ts imports nothing else of this file but
 * `_transactionState`).
 *
 * @internal
 */
export interface WriteInterceptor {
  /**
   * Sees `changes` before they go into `data`. Returns true when it has put them in itself: a
   * transaction is open, and triggers each store it wrote once, when it ends.
   */
  write: (entity: string, data: EntityData, changes: ReadonlyMap<string, StoredRecord | undefined>) => boolean
  /** Whether `entity` has writes not yet triggered: no query result cached before them is current. */
  pending: (entity: string) => boolean
}

/**
 * What a transaction needs of the database it runs in (database.ts's `Database`): named here so
 * that this file does not import database.ts, which runs transactions of its own (`_atomic`).
 *
 * @internal
 */
export interface TransactionHost {
  _interceptor: WriteInterceptor | undefined
  /** Runs `fn` with writes no `$onAction` listener hears: records put back are no repository method's. */
  _unheard: (fn: () => void) => void
  data: (entity: string) => EntityData
  write: (entity: string, changes: ReadonlyMap<string, StoredRecord | undefined>) => void
  _dropIndexes: (entity: string) => void
  _flush: (entity: string) => void
}

/** Where a transaction began: what undoing it goes back to. */
interface Savepoint {
  readonly journal: number
  readonly log: number
  /** Where the enclosing transaction began. */
  readonly from: number
}

/**
 * The transactions and optimistic writes of one database (so of one Pinia): installed as its
 * write interceptor while a transaction is open or an optimistic write is pending, and removed
 * afterwards, so that a Pinia that uses neither pays one property read per write.
 *
 * While a transaction is open, each write goes into the records at once (reads inside the
 * transaction see it) and into an undo journal; readers outside are triggered once per entity
 * when the outermost transaction ends. While an optimistic write is pending, every write is also
 * kept in an {@link OptimisticLog}.
 *
 * @internal
 */
export class TransactionState implements WriteInterceptor {
  readonly db: TransactionHost
  /** How many transactions are open (a nested one joins the one around it). */
  depth = 0
  /** The optimistic writes neither committed nor rolled back. */
  pendingCount = 0
  log: OptimisticLog | undefined
  /** The optimistic write whose function runs. */
  private owner: LogOwner | undefined
  /** The journal's length where the innermost open transaction began. */
  private from = 0
  private readonly journal = new UndoJournal()
  /** The entities written while open: each is triggered once at the end. */
  private readonly touched = new Set<string>()
  /** Set while writes are undone or replayed: they are not new writes to journal or log. */
  private replaying = false

  constructor(db: TransactionHost) {
    this.db = db
  }

  write(entity: string, data: EntityData, changes: ReadonlyMap<string, StoredRecord | undefined>): boolean {
    if (!this.replaying) {
      this.log?.record(entity, data, changes, this.owner ?? null)
      if (this.depth === 0)
        return false
      this.journal.record(entity, data, changes, this.from)
    }
    _applyChanges(data, changes)
    this.touched.add(entity)
    return true
  }

  /**
   * Tells the readers of the entities written so far (computeds, live queries, `$subscribe`), with
   * the transaction still open and undoable, when it is the outermost one: a write that runs model
   * hooks settles its records before its after-hooks, which may read through a computed. Inside
   * an app's transaction, readers hear of everything when that one ends, as documented.
   */
  settle(): void {
    if (this.depth !== 1)
      return
    const touched = [...this.touched]
    this.touched.clear()
    for (const entity of touched)
      this.db._flush(entity)
  }

  pending(entity: string): boolean {
    return this.depth > 0 && this.touched.has(entity)
  }

  /**
   * Runs `fn` as a transaction (joining the open one, if any). When it throws, or returns a
   * promise, its writes are undone and the error is thrown again. `owner` makes the writes those
   * of an optimistic write.
   */
  run<T>(fn: () => T, caller: string, owner?: LogOwner): T {
    const savepoint: Savepoint = { journal: this.journal.length, log: this.log?.length ?? 0, from: this.from }
    this.from = savepoint.journal
    this.depth++
    if (owner)
      this.owner = owner
    let result: T
    try {
      result = fn()
      if (_isThenable(result))
        throw _asyncError(caller)
    }
    catch (error) {
      if (owner)
        this.owner = undefined
      this.abort(savepoint)
      throw error
    }
    if (owner)
      this.owner = undefined
    this.from = savepoint.from
    if (--this.depth === 0)
      this.finish()
    return result
  }

  /**
   * Writes `changes` (records to put back) as one transaction that is neither journaled nor
   * logged: an optimistic rollback.
   */
  replay(changes: ReadonlyMap<string, RecordChanges>): void {
    this.depth++
    this.replaying = true
    try {
      this.db._unheard(() => {
        for (const [entity, records] of changes) {
          const data = this.db.data(entity)
          for (const [key, record] of records) {
            if (_sameRecord(recordAt(data, key), record))
              records.delete(key)
          }
          this.db.write(entity, records)
        }
      })
    }
    finally {
      this.replaying = false
      this.depth--
    }
    this.finish()
  }

  /** Forgets the log when no optimistic write is pending, and removes itself when unused. */
  release(): void {
    if (this.depth > 0)
      return
    if (this.pendingCount === 0)
      this.log = undefined
    else
      this.log?.prune()
    if (!this.log && this.db._interceptor === this)
      this.db._interceptor = undefined
  }

  private abort(savepoint: Savepoint): void {
    const { changes, orders } = this.journal.undo(savepoint.journal)
    this.log?.truncate(savepoint.log)
    this.replaying = true
    try {
      this.db._unheard(() => {
        for (const [entity, records] of changes)
          this.db.write(entity, records)
      })
    }
    finally {
      this.replaying = false
    }
    for (const [entity, keys] of orders) {
      _restoreKeyOrder(this.db.data(entity), keys)
      // Index buckets list keys in the order the records object had.
      this.db._dropIndexes(entity)
    }
    this.from = savepoint.from
    if (--this.depth === 0)
      this.finish()
  }

  /** The outermost transaction ended: triggers each entity it wrote, once. */
  private finish(): void {
    this.journal.clear()
    const touched = [...this.touched]
    this.touched.clear()
    this.release()
    // After the state is settled: a subscriber that writes makes a write of its own.
    let failure: { error: unknown } | undefined
    for (const entity of touched) {
      try {
        this.db._flush(entity)
      }
      catch (error) {
        failure ??= { error }
      }
    }
    if (failure)
      throw failure.error
  }
}

/**
 * The transaction state of a database, installed as its write interceptor.
 *
 * @internal
 */
export function _transactionState(db: TransactionHost): TransactionState {
  const current = db._interceptor
  if (current instanceof TransactionState)
    return current
  const state = new TransactionState(db)
  db._interceptor = state
  return state
}

import type { Pinia } from 'pinia'
import { createOrmError } from './errors'
import { _databaseFor } from './transaction'
import type { LogOwner } from './transactions/optimisticLog'
import { OptimisticLog } from './transactions/optimisticLog'
import { _transactionState } from './transactions/state'
import type { TransactionState } from './transactions/state'

/** Where an optimistic write stands. */
export type OptimisticStatus = 'pending' | 'committed' | 'rolledBack'

/** The handle of an optimistic write, returned by {@link optimistic}. */
export interface OptimisticWrite<T = unknown> {
  /** What the function returned (the saved instances, say). */
  readonly result: T
  /** `'pending'` until {@link OptimisticWrite.commit} or {@link OptimisticWrite.rollback}. */
  readonly status: OptimisticStatus
  /** Keeps the changes: they can no longer be rolled back. */
  commit: () => void
  /**
   * Undoes this write's changes, and only them: every record it wrote gets the value the other
   * writes (before and after it, optimistic or not) give it, replayed in their order. Hooks do
   * not run. One store patch per entity changed.
   */
  rollback: () => void
  /**
   * Commits when `promise` resolves, rolls back when it rejects; returns a promise of the same
   * outcome. Does nothing more if the write was settled by hand in the meantime.
   */
  settle: <R>(promise: PromiseLike<R>) => Promise<R>
}

/**
 * Applies the writes of `fn` at once, as one transaction (see {@link transaction}), and keeps
 * them apart until the app says how its request ended: `commit()` keeps them, `rollback()` undoes
 * them, and only them, even when later writes (optimistic or not) changed the same records.
 *
 * Changes are kept per field: a rollback puts back the fields this write changed, except those a
 * later write changed again, which keep the later value. A record this write created is deleted,
 * later edits to it included; a record it deleted comes back as it was, unless a later write
 * created it anew. The rules, with examples: docs/transactions.md.
 *
 * @param fn - The writes (synchronous). What it returns is the handle's `result`.
 * @param pinia - The Pinia whose records `fn` writes; the active one by default.
 *
 * @example
 * ```ts
 * const write = optimistic(() => useRepo(Todo).save({ id: 1, done: true }))
 * await write.settle($fetch('/api/todos/1', { method: 'PATCH', body: { done: true } }))
 * ```
 */
export function optimistic<T>(fn: () => T, pinia?: Pinia): OptimisticWrite<T> {
  const state = _transactionState(_databaseFor('optimistic', fn, pinia))
  if (state.depth > 0)
    throw createOrmError('optimistic() was called inside transaction(), inside another optimistic(), or in a model hook (a write that runs hooks runs as a transaction): an optimistic write must be a write of its own, which the app commits or rolls back later. Call optimistic() outside, and put transaction() inside its function if needed.')
  const write = new PendingWrite<T>(state)
  state.log ??= new OptimisticLog()
  state.pendingCount++
  try {
    write.result = state.run(fn, 'optimistic', write)
  }
  catch (error) {
    state.pendingCount--
    state.release()
    throw error
  }
  return write
}

class PendingWrite<T> implements OptimisticWrite<T>, LogOwner {
  result!: T
  status: OptimisticStatus = 'pending'
  private readonly state: TransactionState

  constructor(state: TransactionState) {
    this.state = state
  }

  get committed(): boolean {
    return this.status === 'committed'
  }

  commit = (): void => {
    this.settled('commit')
    this.status = 'committed'
    this.state.pendingCount--
    this.state.release()
  }

  rollback = (): void => {
    this.settled('rollback')
    const state = this.state
    if (state.depth > 0)
      throw createOrmError('rollback() of an optimistic write was called inside transaction() or in a model hook (a write that runs hooks runs as a transaction): a rollback cannot itself be undone. Roll back outside the transaction.')
    this.status = 'rolledBack'
    state.pendingCount--
    state.replay(state.log!.rollback(this))
  }

  settle = <R>(promise: PromiseLike<R>): Promise<R> => {
    return Promise.resolve(promise).then((value) => {
      if (this.status === 'pending')
        this.commit()
      return value
    }, (error: unknown) => {
      if (this.status === 'pending')
        this.rollback()
      throw error
    })
  }

  private settled(action: string): void {
    if (this.status !== 'pending')
      throw createOrmError(`${action}() of an optimistic write that was already ${this.status === 'committed' ? 'committed' : 'rolled back'}: settle each write once.`)
  }
}

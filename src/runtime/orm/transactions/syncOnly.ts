import { createOrmError } from '../errors'
import type { OrmError } from '../errors'

/**
 * Whether a function's result is a promise (or any thenable).
 *
 * @internal
 */
export function _isThenable(value: unknown): boolean {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function'
}

/**
 * The error for a transaction's function that returned a promise: a transaction cannot stay open
 * across an `await`, since anything may read or write the stores meanwhile.
 *
 * @internal
 */
export function _asyncError(caller: string): OrmError {
  const fix = caller === 'optimistic'
    ? 'Keep the function to the writes, and hand the request to settle(): optimistic(() => useRepo(Todo).save(todo)).settle($fetch(...)).'
    : 'Await the data first, then write inside transaction(() => ...); to show a write at once while a request runs, use optimistic(() => ...).settle(request).'
  return createOrmError(`${caller}(fn): fn returned a promise, but a transaction runs synchronously: the writes it made before its first \`await\` were undone, and writes after that are not part of any transaction. ${fix}`)
}

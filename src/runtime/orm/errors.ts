/**
 * Every error the ORM throws is an `OrmError` made by {@link createOrmError}, so messages share one
 * prefix and callers can tell ORM misuse apart from their own errors with `instanceof`.
 */
export class OrmError extends Error {
  override name = 'OrmError'
}

const PREFIX = '[nuxt-pinia-orm]'

/**
 * Builds an {@link OrmError}. The message should name the model, field or option concerned and say
 * what to do about it.
 *
 * @internal
 */
export function createOrmError(message: string, options?: { cause?: unknown }): OrmError {
  return new OrmError(`${PREFIX} ${message}`, options)
}

/**
 * The message of a thrown value, without the prefix an {@link OrmError} already carries, for an
 * error that wraps it with its own.
 *
 * @internal
 */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error))
    return String(error)
  return error.message.startsWith(`${PREFIX} `) ? error.message.slice(PREFIX.length + 1) : error.message
}

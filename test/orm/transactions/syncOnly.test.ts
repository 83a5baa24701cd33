// A transaction's function must be synchronous: what counts as a promise, and what the error says.
import { describe, expect, it } from 'vitest'
import { _asyncError, _isThenable } from '../../../src/runtime/orm/transactions/syncOnly'

describe('_isThenable()', () => {
  it('tells promises and other thenables from plain results', () => {
    expect(_isThenable(Promise.resolve())).toBe(true)
    expect(_isThenable({ then: () => {} })).toBe(true)
    expect(_isThenable(Object.assign(() => {}, { then: () => {} }))).toBe(true)
    expect(_isThenable({ then: 1 })).toBe(false)
    expect(_isThenable(null)).toBe(false)
    expect(_isThenable(undefined)).toBe(false)
    expect(_isThenable([])).toBe(false)
  })
})

describe('_asyncError()', () => {
  it('names the function called and says what to do instead', () => {
    expect(_asyncError('transaction').message).toContain('Await the data first, then write inside transaction(() => ...)')
    expect(_asyncError('optimistic').message).toContain('hand the request to settle()')
  })
})

// A unit test fails when it makes a warning or error appear on the console that it did not expect.
// A test that expects one asserts it on the mock (`vi.mocked(console.error)`) and then clears it.
import { afterEach, beforeEach, vi } from 'vitest'

const METHODS = ['warn', 'error'] as const

beforeEach(() => {
  for (const method of METHODS)
    vi.spyOn(console, method).mockImplementation(() => {})
})

afterEach(() => {
  const unexpected = METHODS.flatMap(method => vi.mocked(console[method]).mock.calls.map(args => `console.${method}: ${args.map(String).join(' ')}`))
  vi.restoreAllMocks()
  if (unexpected.length > 0)
    throw new Error(`Unexpected console output:\n${unexpected.join('\n')}`)
})

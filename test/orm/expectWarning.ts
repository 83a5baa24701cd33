// Tests fail on a warning they did not expect (test/setup/failOnConsole.ts); one that expects a
// warning asserts it here, which also clears it.
import { expect, vi } from 'vitest'

/** Asserts that exactly one `console.warn` was made since the last check, containing every part. */
export function expectWarning(...parts: string[]): void {
  const calls = vi.mocked(console.warn).mock.calls
  expect(calls).toHaveLength(1)
  for (const part of parts)
    expect(String(calls[0]![0])).toContain(part)
  vi.mocked(console.warn).mockClear()
}

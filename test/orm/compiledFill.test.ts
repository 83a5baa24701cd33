// The fill that copies a stored record onto a new instance: compiled on a server, a loop elsewhere.
import { afterEach, describe, expect, it } from 'vitest'
import { _fillFor } from '../../src/runtime/orm/compiledFill'

const attribute = (value: unknown) => ({ _makeDefault: () => typeof value === 'function' ? (value as () => unknown)() : value })

afterEach(() => {
  delete (globalThis as { document?: unknown }).document
})

describe('the fill of an instance', () => {
  const names = ['id', 'name', 'it\'s "quoted"\n', '\u2028', 'list']
  const attributes = [attribute(null), attribute(''), attribute('q'), attribute('ls'), attribute(() => [])]

  it('copies every attribute and makes a default for a missing one, compiled or not', () => {
    const fills = [_fillFor(names, attributes)]
    ;(globalThis as { document?: unknown }).document = {}
    fills.push(_fillFor(names, attributes))

    for (const fill of fills) {
      const instance: Record<string, unknown> = {}
      fill(instance, { 'id': 1, 'it\'s "quoted"\n': 'kept', 'list': undefined })
      expect(instance).toEqual({ 'id': 1, 'name': '', 'it\'s "quoted"\n': 'kept', '\u2028': 'ls', 'list': [] })
    }
  })

  it('is compiled on a server and a loop in a browser', () => {
    const server = _fillFor(names, attributes)
    ;(globalThis as { document?: unknown }).document = {}
    const browser = _fillFor(names, attributes)

    expect(server.name).toBe('fill')
    expect(browser.name).not.toBe('fill')
  })

  it('gives each instance its own default object', () => {
    const fill = _fillFor(['list'], [attribute(() => [])])
    const a: Record<string, unknown> = {}
    const b: Record<string, unknown> = {}
    fill(a, {})
    fill(b, {})

    expect(a.list).not.toBe(b.list)
  })
})

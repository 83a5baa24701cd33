import type { StoredRecord } from './keys'

/** Copies a stored record's attributes onto a new instance, a default where one is missing. */
export type Fill = (instance: StoredRecord, record: StoredRecord) => void

/** What a fill needs of an attribute: its default. */
interface WithDefault {
  _makeDefault: () => unknown
}

/**
 * A fill for these attribute names: on a server, one function compiled for the model, whose
 * property reads and writes V8 sees by name (a loop over the names makes each of them a generic
 * keyed access, several times slower on the cold path of a request); in a browser, or where the
 * runtime forbids compiling code, the loop. Names are embedded as JSON string literals, never as
 * code, and the schema has already refused names that are members of `Object.prototype`.
 *
 * @internal
 */
export function _fillFor(names: readonly string[], attributes: readonly WithDefault[]): Fill {
  return (typeof document === 'undefined' && compile(names, attributes)) || loopFill(names, attributes)
}

function loopFill(names: readonly string[], attributes: readonly WithDefault[]): Fill {
  return (instance, record) => {
    for (let i = 0; i < names.length; i++) {
      const field = names[i]!
      const value = record[field]
      instance[field] = value === undefined ? attributes[i]!._makeDefault() : value
    }
  }
}

function compile(names: readonly string[], attributes: readonly WithDefault[]): Fill | undefined {
  let body = 'let v\n'
  for (let i = 0; i < names.length; i++) {
    const name = JSON.stringify(names[i])
    body += `v = r[${name}]; i[${name}] = v === undefined ? a[${i}]._makeDefault() : v\n`
  }
  try {
    // Server only, names as string literals (see above).
    const make = new Function('a', `return function fill (i, r) {\n${body}}`) as (a: readonly WithDefault[]) => Fill
    return make(attributes)
  }
  catch {
    // A runtime that forbids compiling code (a Content-Security-Policy without 'unsafe-eval').
    return undefined
  }
}

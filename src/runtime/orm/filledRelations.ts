// The relations that `new Model()`, `make()` and `$fill()` set to `[]` or `null` because the
// attributes left them out, and those a read loaded empty (nothing linked, or nothing its
// constraint kept). Saving `[]` or `null` under a relation unlinks what it linked (see
// docs/relations.md), but an instance's relation that nobody gave is no request to unlink: a save
// of the instance leaves those relations alone while they still hold that empty value.

/** Where an instance keeps the names of its relations filled empty: a property of no enumeration. */
const FILLED = Symbol('nuxt-pinia-orm relations filled empty')

interface Filled {
  [FILLED]?: Set<string>
}

/**
 * Notes that `field` of `instance` was filled empty.
 *
 * @internal
 */
export function _markFilledEmpty(instance: object, field: string): void {
  let fields = (instance as Filled)[FILLED]
  if (fields === undefined)
    Object.defineProperty(instance, FILLED, { value: fields = new Set() })
  fields.add(field)
}

/**
 * The relations of `input` filled empty by `new`/`make()`/`$fill()`, when it is such an instance.
 *
 * @internal
 */
export function _filledEmpty(input: object): ReadonlySet<string> | undefined {
  return (input as Filled)[FILLED]
}

/**
 * Whether `value`, under `field` of an input whose relations filled empty are `filled`, is still
 * that empty value: the save then leaves the relation alone.
 *
 * @internal
 */
export function _stillEmpty(filled: ReadonlySet<string>, field: string, value: unknown): boolean {
  return filled.has(field) && (value === null || (Array.isArray(value) && value.length === 0))
}

/**
 * Marks each of `fields` of `instance` that holds `null` or `[]` as filled empty: what a read
 * loaded there (or a live query carried over from the item's last instance) is no request to unlink.
 *
 * @internal
 */
export function _markEmptyLoads(instance: object, fields: Iterable<string>): void {
  for (const field of fields) {
    const value = (instance as Record<string, unknown>)[field]
    if (value === null || (Array.isArray(value) && value.length === 0))
      _markFilledEmpty(instance, field)
  }
}

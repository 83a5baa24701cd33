// The relations that `new Model()`, `make()` and `$fill()` set to `[]` or `null` because the
// attributes left them out, and those a read loaded empty (nothing linked, or nothing its
// constraint kept). Saving `[]` or `null` under a relation unlinks what it linked (see
// docs/relations.md), but an instance's relation that nobody gave is no request to unlink: a save
// of the instance leaves those relations alone while they still hold that very empty value (the
// same `[]` object, or `null`). A relation given a value since (by the app, a later load or a save
// that linked records) loses its mark: emptied again, it unlinks.

/** Where an instance keeps its relations filled empty and the value each was filled with: a property of no enumeration. */
const FILLED = Symbol('nuxt-pinia-orm relations filled empty')

/** Each relation filled empty, with the value it was filled with (`null`, or that `[]`). */
export type FilledEmpty = ReadonlyMap<string, unknown>

interface Filled {
  [FILLED]?: Map<string, unknown>
}

/**
 * Notes that `field` of `instance` was filled with the empty `value` (`null` or a `[]`).
 *
 * @internal
 */
export function _markFilledEmpty(instance: object, field: string, value: unknown): void {
  let fields = (instance as Filled)[FILLED]
  if (fields === undefined)
    Object.defineProperty(instance, FILLED, { value: fields = new Map() })
  fields.set(field, value)
}

/**
 * Forgets that `field` of `instance` was filled empty: it was given a value since.
 *
 * @internal
 */
export function _unmarkFilledEmpty(instance: object, field: string): void {
  (instance as Filled)[FILLED]?.delete(field)
}

/**
 * The relations of `input` filled empty by `new`/`make()`/`$fill()` or a read, when it is such an instance.
 *
 * @internal
 */
export function _filledEmpty(input: object): FilledEmpty | undefined {
  return (input as Filled)[FILLED]
}

/**
 * Whether `value`, under `field` of an input whose relations filled empty are `filled`, is still
 * the empty value it was filled with: the save then leaves the relation alone.
 *
 * @internal
 */
export function _stillEmpty(filled: FilledEmpty, field: string, value: unknown): boolean {
  if (!filled.has(field))
    return false
  return value === null ? filled.get(field) === null : Array.isArray(value) && value.length === 0 && filled.get(field) === value
}

/**
 * Marks each of `fields` of `instance` that holds `null` or `[]` as filled empty, and forgets the
 * mark of those that hold records: what a read loaded there (or a live query carried over from
 * the item's last instance) is no request to unlink.
 *
 * @internal
 */
export function _markEmptyLoads(instance: object, fields: Iterable<string>): void {
  for (const field of fields) {
    const value = (instance as Record<string, unknown>)[field]
    if (value === null || (Array.isArray(value) && value.length === 0))
      _markFilledEmpty(instance, field, value)
    else
      _unmarkFilledEmpty(instance, field)
  }
}

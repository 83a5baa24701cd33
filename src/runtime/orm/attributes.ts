import { generateUid } from './uid'
import type { UidOptions } from './uid'

/** A default value, or a function that returns one each time a record needs it. */
export type DefaultValue<T> = T | (() => T)

/**
 * A stored field of a model: a value kept in the entity store. The type parameter is the type the
 * field has on model instances, inferred from the default given to `this.string('')` and friends.
 */
export abstract class Attribute<T = unknown> {
  /** @internal */
  readonly _default: DefaultValue<T> | undefined

  // No default is a default of `null`, as in pinia-orm: a record saved or read without the field
  // has it as `null`, never `undefined`.
  constructor(value: DefaultValue<T> | undefined = null as DefaultValue<T>) {
    this._default = value
  }

  /**
   * Declares that `null` is a valid value of this field, which widens its type.
   */
  nullable(): Attribute<T | null> {
    return this as Attribute<T | null>
  }

  /**
   * The value a new record gets when its input has none.
   *
   * @internal
   */
  _makeDefault(): T {
    const value = this._default
    if (typeof value === 'function')
      return (value as () => T)()
    // An array or object given as the default is the model's, shared by every record and every
    // Pinia of the process: each record gets its own copy.
    return (value !== null && typeof value === 'object' ? copyDefault(value) : value) as T
  }

  /** @internal */
  _notNullable = false

  /**
   * Whether the default is generated per record (an id), so that a record saved without a value
   * for this primary key gets one instead of an error.
   * @internal
   */
  _generated = false

  /**
   * Declares that `null` is not a valid value of this field: in development, saving `null` to it
   * warns, naming the model and the field (the value is kept, as pinia-orm does).
   */
  notNullable(): Attribute<Exclude<T, null>> {
    this._notNullable = true
    return this as Attribute<Exclude<T, null>>
  }
}

/**
 * A copy of a default value: arrays, plain objects and dates at every level. An instance of another
 * class is kept as it is (its class may not be copied safely); give such a default as a function
 * that makes it (`this.attr(() => new Money(0))`).
 */
function copyDefault(value: object): unknown {
  if (Array.isArray(value))
    return value.map(item => item !== null && typeof item === 'object' ? copyDefault(item) : item)
  if (value instanceof Date)
    return new Date(value.getTime())
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null)
    return value
  const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {}
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key]
    copy[key] = item !== null && typeof item === 'object' ? copyDefault(item) : item
  }
  return copy
}

/** A field of any type, made with `this.attr(default)`. */
export class Attr<T = unknown> extends Attribute<T> {}

/** A string field, made with `this.string(default)`. */
export class StringAttr<T extends string | null = string> extends Attribute<T> {}

/** A number field, made with `this.number(default)`. */
export class NumberAttr<T extends number | null = number> extends Attribute<T> {}

/** A boolean field, made with `this.boolean(default)`. */
export class BooleanAttr<T extends boolean | null = boolean> extends Attribute<T> {}

/**
 * A string id generated whenever a record has none (21 random URL-safe characters, as in
 * pinia-orm), made with `this.uid()`.
 */
export class Uid extends Attribute<string> {
  /** @internal */
  readonly _options: UidOptions | undefined

  constructor(options?: UidOptions | number) {
    super()
    this._options = typeof options === 'number' ? { size: options } : options
    this._generated = true
  }

  override _makeDefault(): string {
    return generateUid(this._options)
  }
}

import type { Fields } from '../types'

/**
 * The base class of every cast. A cast converts one attribute between the form the store keeps
 * (what `set` returns) and the form model instances see (what `get` returns). Subclass it and give
 * it to a model in `static casts()`:
 *
 * ```ts
 * class Upper extends CastAttribute<string> {
 *   get(value: unknown) { return typeof value === 'string' ? value.toUpperCase() : value }
 *   set(value: unknown) { return value }
 * }
 * class User extends Model {
 *   static casts() { return { name: Upper } }
 * }
 * ```
 *
 * `get` must accept what it returned itself (an instance is filled again from its own values, e.g.
 * after crossing an SSR payload) and `set` what it returned itself (a stored record is saved again).
 * Both receive `null` and `undefined` as they are unless the cast says otherwise.
 *
 * @typeParam T - The type the field has on model instances.
 */
export class CastAttribute<T = unknown> {
  /**
   * The parameters given with {@link CastAttribute.withParameters}, for `getParameters()`.
   * @default undefined
   */
  static parameters: Record<string, any> | undefined // eslint-disable-line @typescript-eslint/no-explicit-any -- pinia-orm's type: casts read them untyped

  /**
   * Whether this cast also makes the value of a field a new record lacks: `set(undefined)` is then
   * the field's default, and on a primary key it generates the key before the record is keyed (the
   * id casts of `nuxt-pinia-orm/nanoid` and `nuxt-pinia-orm/uuid/*`).
   * @internal
   */
  static _makesDefault = false

  /**
   * This cast with parameters, which its `get` and `set` read with `this.getParameters()`. Returns
   * a subclass: the cast itself is left as it was, so two models can use it with different ones.
   */
  static withParameters<C extends typeof CastAttribute<unknown>>(this: C, parameters: Record<string, unknown> = {}): C {
    const Cast = class extends (this as typeof CastAttribute<unknown>) {}
    Object.defineProperty(Cast, 'name', { value: this.name })
    Cast.parameters = parameters
    return Cast as C
  }

  /** A new instance of this cast, given the model's attributes as its constructor is (pinia-orm's name). */
  static newRawInstance<C extends typeof CastAttribute<unknown>>(this: C, attributes?: Fields): InstanceType<C> {
    return new this(attributes) as InstanceType<C>
  }

  /**
   * A model gives each of its casts its attribute definitions by field name, as pinia-orm does
   * (`constructor(attributes) { super(attributes) }` in a cast written for it); the base class
   * keeps nothing of them.
   */
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- it gives the class the parameter
  constructor(_attributes?: unknown) {}

  /**
   * The parameters this cast was given with `withParameters`, or an empty object. Their values are
   * `any`, as in pinia-orm, so that a cast reads them as it expects (`this.getParameters().prefix`).
   */
  getParameters(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
    return (this.constructor as typeof CastAttribute).parameters ?? {}
  }

  /** The same as {@link CastAttribute.getParameters}, under pinia-orm's property name. */
  get $parameters(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see getParameters()
    return this.getParameters()
  }

  /** The class of this cast. */
  $self(): typeof CastAttribute<T> {
    return this.constructor as typeof CastAttribute<T>
  }

  /** The value model instances see, from the stored (or given) value. */
  get(value: unknown): T {
    return value as T
  }

  /** The value the store keeps, from the value given to a save. */
  set(value: unknown): unknown {
    return value
  }
}

/** A cast class, as `static casts()` names it. */
export type CastClass<T = unknown> = new (attributes: Fields) => CastAttribute<T>

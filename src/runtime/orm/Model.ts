import { Attr, BooleanAttr, NumberAttr, StringAttr, Uid } from './attributes'
import type { DefaultValue } from './attributes'
import { BelongsTo } from './relations/belongsTo'
import { HasMany } from './relations/hasMany'
import { HasOne } from './relations/hasOne'
import { classRegistry, installStatics } from './decorators/registry'
import type { DecoratedClass } from './decorators/registry'
import { getSchema } from './schema'
import type { Fields, ModelClass, ModelOptions, RelatedModel, RelatedRef } from './types'

/**
 * The base class of every model. A model names its entity store and declares its fields:
 *
 * ```ts
 * export default class User extends Model {
 *   static entity = 'users'
 *   static fields () {
 *     return { id: this.attr(null), name: this.string(''), phone: this.hasOne(Phone, 'userId') }
 *   }
 * }
 * ```
 *
 * With TypeScript, give fields a type with `declare` (`declare name: string`), never with a class
 * field (`name!: string`): a class field would overwrite the value the ORM sets. Fields declared
 * with decorators (`nuxt-pinia-orm/decorators`) are the exception: `@Str('') name!: string`.
 */
export class Model {
  /** The name of the entity store that keeps this model's records. */
  static entity: string

  /**
   * The attribute (or attributes, for a composite key) that identify a record.
   * @default 'id'
   */
  static primaryKey: string | readonly string[] = 'id'

  /** The model's attributes and relations. */
  static fields(): Fields {
    return {}
  }

  /**
   * A field of any type with a default value (or a function returning one). Its type follows the
   * default, or is given: `this.attr<number>(null)`.
   */
  static attr<T = unknown>(value?: null | (() => null)): Attr<T>
  static attr<T>(value: DefaultValue<T>): Attr<T>
  static attr<T>(value?: DefaultValue<T | null>): Attr<T> {
    return new Attr<T>(value as DefaultValue<T>)
  }

  /** A string field with a default value. */
  static string(value: DefaultValue<string | null>): StringAttr {
    return new StringAttr(value as DefaultValue<string>)
  }

  /** A number field with a default value. */
  static number(value: DefaultValue<number | null>): NumberAttr {
    return new NumberAttr(value as DefaultValue<number>)
  }

  /** A boolean field with a default value. */
  static boolean(value: DefaultValue<boolean | null>): BooleanAttr {
    return new BooleanAttr(value as DefaultValue<boolean>)
  }

  /** A string id generated (a random UUID) when a record has none. */
  static uid(): Uid {
    return new Uid()
  }

  /**
   * One related record whose `foreignKey` holds this record's `localKey`
   * (default: this model's primary key).
   */
  static hasOne<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string | readonly string[], localKey?: string | readonly string[]): HasOne<R> {
    return new HasOne(related, foreignKey, localKey)
  }

  /**
   * Related records whose `foreignKey` holds this record's `localKey`
   * (default: this model's primary key).
   */
  static hasMany<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string | readonly string[], localKey?: string | readonly string[]): HasMany<R> {
    return new HasMany(related, foreignKey, localKey)
  }

  /**
   * The record whose `ownerKey` (default: the related model's primary key) this record's
   * `foreignKey` holds.
   */
  static belongsTo<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string | readonly string[], ownerKey?: string | readonly string[]): BelongsTo<R> {
    return new BelongsTo(related, foreignKey, ownerKey)
  }

  // pinia-orm's registry statics. Registries live per Pinia here (see `database.ts`) and a class
  // keeps only definitions, so what pinia-orm users call between tests has nothing to clear.

  /** Kept for pinia-orm compatibility: a model's records and schemas belong to a Pinia instance, so there is nothing to clear. */
  static clearRegistries(): void {}

  /** Kept for pinia-orm compatibility: models have no booted state outside a Pinia instance, so there is nothing to clear. */
  static clearBootedModels(): void {}

  /** A new instance of the model with no attribute set (not even defaults). */
  static newRawInstance<M extends Model>(this: new (attributes?: Record<string, unknown>, options?: ModelOptions) => M): M {
    return new this(undefined, { fill: false })
  }

  /**
   * Declares a field as a decorator does: `User.setRegistry('name', () => User.string(''))`. Call it
   * before the model is first used.
   */
  static setRegistry(key: string, attribute: () => Fields[string]): typeof Model {
    classRegistry(this).fields[key] = attribute
    return this
  }

  /** Applies a cast to a field, as `@Cast` does: adds it to `static casts()`. */
  static setCast(key: string, to: unknown): typeof Model {
    const registry = classRegistry(this)
    registry.casts[key] = to
    installStatics(this as unknown as DecoratedClass, registry)
    return this
  }

  /** Applies a mutator to a field, as `@Mutate` does: adds it to `static mutators()`. */
  static setMutator(key: string, mutator: unknown): typeof Model {
    const registry = classRegistry(this)
    registry.mutators[key] = mutator
    installStatics(this as unknown as DecoratedClass, registry)
    return this
  }

  /** Hides a field from serialization, as `@Hidden` does: adds it to `static hidden`. */
  static setHidden(key: string): typeof Model {
    const registry = classRegistry(this)
    if (!registry.hidden.includes(key))
      registry.hidden.push(key)
    installStatics(this as unknown as DecoratedClass, registry)
    return this
  }

  /**
   * A model instance with every attribute taken from `attributes` or, where missing, its default.
   */
  constructor(attributes?: Record<string, unknown>, options?: ModelOptions) {
    if (options?.fill !== false)
      this.$fill(attributes ?? {})
  }

  /** Sets every attribute from `attributes`, or its default where missing. */
  $fill(attributes: Record<string, unknown>): this {
    const schema = getSchema(this.$self())
    const values = schema.withDefaults(attributes)
    Object.assign(this, values)
    for (const field of schema.relations.keys()) {
      if (attributes[field] !== undefined)
        (this as Record<string, unknown>)[field] = attributes[field]
    }
    return this
  }

  /** The model class of this instance. */
  $self(): ModelClass<this> {
    return this.constructor as ModelClass<this>
  }

  /** The entity store name of this instance's model. */
  $entity(): string {
    return this.$self().entity
  }

  /** The primary key's field name, or names for a composite key. */
  $getKeyName(): string | readonly string[] {
    return this.$self().primaryKey
  }

  /**
   * The primary key's value, or the list of values for a composite key; `null` when the record has
   * no key (a value of it is missing).
   */
  $getKey(): unknown {
    const key = getSchema(this.$self()).primaryKey
    const self = this as Record<string, unknown>
    if (key.length === 1)
      return self[key[0]!] ?? null
    const values = key.map(field => self[field])
    return values.some(value => value === null || value === undefined) ? null : values
  }

  /** The attributes as a plain object, without relations. */
  $getAttributes(): Record<string, unknown> {
    const self = this as Record<string, unknown>
    const attributes: Record<string, unknown> = {}
    for (const field of getSchema(this.$self()).attributeNames)
      attributes[field] = self[field]
    return attributes
  }

  /** The attributes and the loaded relations, recursively, as plain data. */
  $toJson(): Record<string, unknown> {
    const self = this as Record<string, unknown>
    const json = this.$getAttributes()
    for (const field of getSchema(this.$self()).relations.keys()) {
      const value = self[field]
      // Not loaded: absent, or left undefined by a class field (`@HasMany(...) posts!: Post[]`).
      if (value === undefined)
        continue
      json[field] = Array.isArray(value)
        ? value.map(toJson)
        : toJson(value)
    }
    return json
  }
}

function toJson(value: unknown): unknown {
  return value instanceof Model ? value.$toJson() : value
}

import { Attr, BooleanAttr, NumberAttr, StringAttr, Uid } from './attributes'
import type { DefaultValue } from './attributes'
import { BelongsTo } from './relations/belongsTo'
import { BelongsToMany } from './relations/belongsToMany'
import { HasMany } from './relations/hasMany'
import { HasManyBy } from './relations/hasManyBy'
import { HasManyThrough } from './relations/hasManyThrough'
import { HasOne } from './relations/hasOne'
import { MorphMany } from './relations/morphMany'
import { MorphOne } from './relations/morphOne'
import { MorphTo } from './relations/morphTo'
import type { RefModel } from './relations/morphTo'
import { MorphToMany } from './relations/morphToMany'
import { MorphedByMany } from './relations/morphedByMany'
import type { PivotRef } from './relations/pivot'
import { getSchema } from './schema'
import type { Fields, ModelClass, ModelOptions, RelatedModel, RelatedRef } from './types'

declare module './relations/Relation' {
  // What the core below this file calls a model instance is a Model (see ModelInstance).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModelInstance extends Model {}
}

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
 * field (`name!: string`): a class field would overwrite the value the ORM sets.
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

  /**
   * Related records linked through a `pivot` model whose `foreignPivotKey` holds this record's
   * `parentKey` (default: primary key) and whose `relatedPivotKey` holds the related record's
   * `relatedKey` (default: its primary key). Loaded records carry their pivot record as `pivot`.
   */
  static belongsToMany<R extends RelatedModel, P extends RelatedModel, A extends string = 'pivot'>(related: RelatedRef<R>, pivot: PivotRef<P, A>, foreignPivotKey: string, relatedPivotKey: string, parentKey?: string, relatedKey?: string): BelongsToMany<R, P, A> {
    return new BelongsToMany(related, pivot, foreignPivotKey, relatedPivotKey, parentKey, relatedKey)
  }

  /** Related records whose `ownerKey` (default: primary key) is listed in this record's `foreignKey` array. */
  static hasManyBy<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string, ownerKey?: string): HasManyBy<R> {
    return new HasManyBy(related, foreignKey, ownerKey)
  }

  /**
   * Related records reached through `through` records: their `firstKey` holds this record's
   * `localKey`, and the related records' `secondKey` holds their `secondLocalKey`.
   */
  static hasManyThrough<R extends RelatedModel>(related: RelatedRef<R>, through: RelatedRef, firstKey: string, secondKey: string, localKey?: string, secondLocalKey?: string): HasManyThrough<R> {
    return new HasManyThrough(related, through, firstKey, secondKey, localKey, secondLocalKey)
  }

  /** One related record whose `id` field holds this record's `localKey` and whose `type` field this model's entity. */
  static morphOne<R extends RelatedModel>(related: RelatedRef<R>, id: string, type: string, localKey?: string): MorphOne<R> {
    return new MorphOne(related, id, type, localKey)
  }

  /** Related records whose `id` field holds this record's `localKey` and whose `type` field this model's entity. */
  static morphMany<R extends RelatedModel>(related: RelatedRef<R>, id: string, type: string, localKey?: string): MorphMany<R> {
    return new MorphMany(related, id, type, localKey)
  }

  /**
   * The record of one of the `related` models that this record's `type` field names (by entity) and
   * whose `ownerKey` (default: primary key) this record's `id` field holds.
   */
  static morphTo<const T extends readonly RelatedRef[]>(related: T, id: string, type: string, ownerKey?: string): MorphTo<RefModel<T[number]>> {
    return new MorphTo<RefModel<T[number]>>(related as readonly RelatedRef<RefModel<T[number]>>[], id, type, ownerKey)
  }

  /**
   * Related records linked through a polymorphic `pivot` model holding the related key in
   * `relatedId`, this record's key in `id` and this model's entity in `type`.
   */
  static morphToMany<R extends RelatedModel, P extends RelatedModel, A extends string = 'pivot'>(related: RelatedRef<R>, pivot: PivotRef<P, A>, relatedId: string, id: string, type: string, parentKey?: string, relatedKey?: string): MorphToMany<R, P, A> {
    return new MorphToMany(related, pivot, relatedId, id, type, parentKey, relatedKey)
  }

  /**
   * The inverse of morphToMany: related records linked through a polymorphic `pivot` model holding
   * this record's key in `relatedId`, the related key in `id` and the related model's entity in `type`.
   */
  static morphedByMany<R extends RelatedModel, P extends RelatedModel, A extends string = 'pivot'>(related: RelatedRef<R>, pivot: PivotRef<P, A>, relatedId: string, id: string, type: string, parentKey?: string, relatedKey?: string): MorphedByMany<R, P, A> {
    return new MorphedByMany(related, pivot, relatedId, id, type, parentKey, relatedKey)
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

  /** The primary key's value, or the list of values for a composite key. */
  $getKey(): unknown {
    const key = getSchema(this.$self()).primaryKey
    const self = this as Record<string, unknown>
    return key.length === 1 ? self[key[0]!] : key.map(field => self[field])
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
      if (!Object.prototype.hasOwnProperty.call(self, field))
        continue
      const value = self[field]
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

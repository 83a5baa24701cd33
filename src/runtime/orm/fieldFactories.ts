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
import { _definePiniaOrmProperties } from './relations/definition'
import type { SchemaModel } from './relations/Relation'
import type { RelatedModel, RelatedRef } from './types'
import type { UidOptions } from './uid'

/**
 * What `static fields()` builds fields with: `this.attr()`, `this.string()`, ..., `this.hasOne()`
 * and every other relation. `Model` extends it, so a model's `this` in `fields()` has them all.
 */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a base class of Model: its statics are inherited
export class FieldFactories {
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

  /**
   * A string id generated when a record has none: 21 random URL-safe characters, as in pinia-orm,
   * or, given a `size` and/or an `alphabet` (pinia-orm's options; a number is the size), that many
   * random characters of it.
   */
  static uid(options?: UidOptions | number): Uid {
    return new Uid(options)
  }

  /**
   * One related record whose `foreignKey` holds this record's `localKey`
   * (default: this model's primary key).
   */
  static hasOne<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string | readonly string[], localKey?: string | readonly string[]): HasOne<R> {
    return _definePiniaOrmProperties(new HasOne(related, foreignKey, localKey), this as unknown as SchemaModel)
  }

  /**
   * Related records whose `foreignKey` holds this record's `localKey`
   * (default: this model's primary key).
   */
  static hasMany<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string | readonly string[], localKey?: string | readonly string[]): HasMany<R> {
    return _definePiniaOrmProperties(new HasMany(related, foreignKey, localKey), this as unknown as SchemaModel)
  }

  /**
   * The record whose `ownerKey` (default: the related model's primary key) this record's
   * `foreignKey` holds.
   */
  static belongsTo<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string | readonly string[], ownerKey?: string | readonly string[]): BelongsTo<R> {
    return _definePiniaOrmProperties(new BelongsTo(related, foreignKey, ownerKey), this as unknown as SchemaModel)
  }

  /**
   * Related records linked through a `pivot` model whose `foreignPivotKey` holds this record's
   * `parentKey` (default: primary key) and whose `relatedPivotKey` holds the related record's
   * `relatedKey` (default: its primary key). Loaded records carry their pivot record as `pivot`.
   */
  static belongsToMany<R extends RelatedModel, P extends RelatedModel, A extends string = 'pivot'>(related: RelatedRef<R>, pivot: PivotRef<P, A>, foreignPivotKey: string, relatedPivotKey: string, parentKey?: string, relatedKey?: string): BelongsToMany<R, P, A> {
    return _definePiniaOrmProperties(new BelongsToMany(related, pivot, foreignPivotKey, relatedPivotKey, parentKey, relatedKey), this as unknown as SchemaModel)
  }

  /** Related records whose `ownerKey` (default: primary key) is listed in this record's `foreignKey` array. */
  static hasManyBy<R extends RelatedModel>(related: RelatedRef<R>, foreignKey: string, ownerKey?: string): HasManyBy<R> {
    return _definePiniaOrmProperties(new HasManyBy(related, foreignKey, ownerKey), this as unknown as SchemaModel)
  }

  /**
   * Related records reached through `through` records: their `firstKey` holds this record's
   * `localKey`, and the related records' `secondKey` holds their `secondLocalKey`.
   */
  static hasManyThrough<R extends RelatedModel>(related: RelatedRef<R>, through: RelatedRef, firstKey: string, secondKey: string, localKey?: string, secondLocalKey?: string): HasManyThrough<R> {
    return _definePiniaOrmProperties(new HasManyThrough(related, through, firstKey, secondKey, localKey, secondLocalKey), this as unknown as SchemaModel)
  }

  /** One related record whose `id` field holds this record's `localKey` and whose `type` field this model's entity. */
  static morphOne<R extends RelatedModel>(related: RelatedRef<R>, id: string, type: string, localKey?: string): MorphOne<R> {
    return _definePiniaOrmProperties(new MorphOne(related, id, type, localKey), this as unknown as SchemaModel)
  }

  /** Related records whose `id` field holds this record's `localKey` and whose `type` field this model's entity. */
  static morphMany<R extends RelatedModel>(related: RelatedRef<R>, id: string, type: string, localKey?: string): MorphMany<R> {
    return _definePiniaOrmProperties(new MorphMany(related, id, type, localKey), this as unknown as SchemaModel)
  }

  /**
   * The record of one of the `related` models that this record's `type` field names (by entity) and
   * whose `ownerKey` (default: primary key) this record's `id` field holds.
   */
  static morphTo<const T extends readonly RelatedRef[]>(related: T, id: string, type: string, ownerKey?: string): MorphTo<RefModel<T[number]>> {
    return _definePiniaOrmProperties(new MorphTo<RefModel<T[number]>>(related as readonly RelatedRef<RefModel<T[number]>>[], id, type, ownerKey), this as unknown as SchemaModel)
  }

  /**
   * Related records linked through a polymorphic `pivot` model holding the related key in
   * `relatedId`, this record's key in `id` and this model's entity in `type`.
   */
  static morphToMany<R extends RelatedModel, P extends RelatedModel, A extends string = 'pivot'>(related: RelatedRef<R>, pivot: PivotRef<P, A>, relatedId: string, id: string, type: string, parentKey?: string, relatedKey?: string): MorphToMany<R, P, A> {
    return _definePiniaOrmProperties(new MorphToMany(related, pivot, relatedId, id, type, parentKey, relatedKey), this as unknown as SchemaModel)
  }

  /**
   * The inverse of morphToMany: related records linked through a polymorphic `pivot` model holding
   * this record's key in `relatedId`, the related key in `id` and the related model's entity in `type`.
   */
  static morphedByMany<R extends RelatedModel, P extends RelatedModel, A extends string = 'pivot'>(related: RelatedRef<R>, pivot: PivotRef<P, A>, relatedId: string, id: string, type: string, parentKey?: string, relatedKey?: string): MorphedByMany<R, P, A> {
    return _definePiniaOrmProperties(new MorphedByMany(related, pivot, relatedId, id, type, parentKey, relatedKey), this as unknown as SchemaModel)
  }
}

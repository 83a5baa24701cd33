/**
 * pinia-orm's property decorators, as `nuxt-pinia-orm/decorators`: each declares a field of the
 * model (or changes one) in place of an entry of `static fields()`, in both of TypeScript's
 * decorator modes. A decorator records which factory of the model makes the field; the factory
 * runs when the model's schema is built, so the same definition comes out as from `fields()`.
 *
 * ```ts
 * class User extends Model {
 *   static entity = 'users'
 *   @Attr(null) id!: number | null
 *   @Str('') name!: string
 *   @HasMany(() => Post, 'userId') posts!: Post[]
 * }
 * ```
 */
import type { DeleteRule } from '../relations/Relation'
import type { Attribute, DefaultValue } from '../attributes'
import { createOrmError } from '../errors'
import type { Model } from '../Model'
import type { RelatedModel, RelatedRef } from '../types'
import type { UidOptions as BaseUidOptions } from '../uid'
import { propertyDecorator } from './propertyDecorator'
import type { PropertyDecorator } from './propertyDecorator'
import { addDeleteMode, classRegistry, metadataRegistry } from './registry'
import type { FieldFactory } from './registry'

export type { PropertyDecorator } from './propertyDecorator'

/** Declares the decorated field with what `factory` makes from the model class. @internal */
function field(decorator: string, factory: FieldFactory): PropertyDecorator {
  return propertyDecorator(decorator, (registry, name) => {
    registry.fields[name] = factory
  })
}

type Factory = (...args: never[]) => unknown

/**
 * A decorator that calls the model's static factory `method` with the decorator's arguments when
 * the schema is built: `relation('hasOne')` gives `@HasOne(related, foreignKey, localKey?)`. It
 * works for any relation factory the model has.
 * @internal
 */
function relation<K extends string>(method: K, decorator: string) {
  return function <A extends unknown[]>(...args: A): PropertyDecorator {
    return field(decorator, (model) => {
      const factory = model[method] as Factory | undefined
      if (typeof factory !== 'function')
        throw createOrmError(`${decorator} needs ${model.name}.${method}(), which the model does not have. Extend Model from nuxt-pinia-orm/orm.`)
      return (factory as (...args: A) => ReturnType<FieldFactory>).apply(model, args)
    })
  }
}

/** Declares a field of any type with a default value (or a function returning one): `this.attr(value)`. */
export function Attr(value?: unknown): PropertyDecorator {
  return field('@Attr', model => (model as unknown as typeof Model).attr(value as DefaultValue<unknown>))
}

/** Options of `@Str`, `@Num` and `@Bool`, as pinia-orm names them. */
export interface TypeOptions {
  /**
   * The field's `.notNullable()`: in development, saving `null` to it warns, naming the model and
   * the field.
   * @default false
   */
  notNullable?: boolean
}

/** The options of a generated id: its `size` and `alphabet` (pinia-orm's name). */
export type NanoidOptions = BaseUidOptions

/** What `@Uid` takes: the id's options, or its size. */
export type UidOptions = NanoidOptions | number

/** A typed field declared with `factory`, made `.notNullable()` when `options` say so. */
function typed(decorator: string, options: TypeOptions | undefined, factory: (model: typeof Model) => Attribute<unknown>): PropertyDecorator {
  if (options !== undefined) {
    for (const key of Object.keys(options)) {
      if (key !== 'notNullable')
        throw createOrmError(`${decorator}(value, { ${key} }): the option '${key}' is not supported. Its only option is notNullable, e.g. ${decorator}('', { notNullable: true }).`)
    }
  }
  return field(decorator, (model) => {
    const attribute = factory(model as unknown as typeof Model)
    return options?.notNullable ? attribute.notNullable() : attribute
  })
}

/** Declares a string field with a default value: `this.string(value)`; `{ notNullable: true }` adds `.notNullable()`. */
export function Str(value: DefaultValue<string | null>, options?: TypeOptions): PropertyDecorator {
  return typed('@Str', options, model => model.string(value))
}

/** Declares a number field with a default value: `this.number(value)`; `{ notNullable: true }` adds `.notNullable()`. */
export function Num(value: DefaultValue<number | null>, options?: TypeOptions): PropertyDecorator {
  return typed('@Num', options, model => model.number(value))
}

/** Declares a boolean field with a default value: `this.boolean(value)`; `{ notNullable: true }` adds `.notNullable()`. */
export function Bool(value: DefaultValue<boolean | null>, options?: TypeOptions): PropertyDecorator {
  return typed('@Bool', options, model => model.boolean(value))
}

/**
 * Declares a string id generated when a record has none: `this.uid(options)` (21 random URL-safe
 * characters, or with a `size` and/or an `alphabet`, that many random characters of it).
 */
export function Uid(options?: UidOptions): PropertyDecorator {
  return field('@Uid', model => (model as unknown as typeof Model).uid(options))
}

/** Declares a hasOne relation: `this.hasOne(related, foreignKey, localKey?)`. */
export const HasOne: (related: RelatedRef<RelatedModel>, foreignKey: string | readonly string[], localKey?: string | readonly string[]) => PropertyDecorator = relation('hasOne', '@HasOne')

/** Declares a hasMany relation: `this.hasMany(related, foreignKey, localKey?)`. */
export const HasMany: (related: RelatedRef<RelatedModel>, foreignKey: string | readonly string[], localKey?: string | readonly string[]) => PropertyDecorator = relation('hasMany', '@HasMany')

/** Declares a belongsTo relation: `this.belongsTo(related, foreignKey, ownerKey?)`. */
export const BelongsTo: (related: RelatedRef<RelatedModel>, foreignKey: string | readonly string[], ownerKey?: string | readonly string[]) => PropertyDecorator = relation('belongsTo', '@BelongsTo')

/** Declares a belongsToMany relation: `this.belongsToMany(related, pivot, foreignPivotKey, relatedPivotKey, parentKey?, relatedKey?)`. */
export const BelongsToMany: (...args: Parameters<typeof Model.belongsToMany>) => PropertyDecorator = relation('belongsToMany', '@BelongsToMany')

/** Declares a hasManyBy relation: `this.hasManyBy(related, foreignKey, ownerKey?)`. */
export const HasManyBy: (...args: Parameters<typeof Model.hasManyBy>) => PropertyDecorator = relation('hasManyBy', '@HasManyBy')

/** Declares a hasManyThrough relation: `this.hasManyThrough(related, through, firstKey, secondKey, localKey?, secondLocalKey?)`. */
export const HasManyThrough: (...args: Parameters<typeof Model.hasManyThrough>) => PropertyDecorator = relation('hasManyThrough', '@HasManyThrough')

/** Declares a morphOne relation: `this.morphOne(related, id, type, localKey?)`. */
export const MorphOne: (...args: Parameters<typeof Model.morphOne>) => PropertyDecorator = relation('morphOne', '@MorphOne')

/** Declares a morphMany relation: `this.morphMany(related, id, type, localKey?)`. */
export const MorphMany: (...args: Parameters<typeof Model.morphMany>) => PropertyDecorator = relation('morphMany', '@MorphMany')

const morphTo = relation('morphTo', '@MorphTo')

/**
 * Declares a morphTo relation: `this.morphTo(related[], id, type, ownerKey?)`. The related models
 * may be given as a function returning them (`@MorphTo(() => [User, Post], ...)`, pinia-orm's
 * form), called when the schema is built, once every model class exists.
 */
export function MorphTo(related: readonly RelatedRef<RelatedModel>[] | (() => readonly RelatedRef<RelatedModel>[]), id: string, type: string, ownerKey?: string): PropertyDecorator {
  if (typeof related !== 'function')
    return morphTo(related, id, type, ownerKey)
  return field('@MorphTo', model => (model as unknown as typeof Model).morphTo(related(), id, type, ownerKey))
}

/** Declares a morphToMany relation: `this.morphToMany(related, pivot, relatedId, id, type, parentKey?, relatedKey?)`. */
export const MorphToMany: (...args: Parameters<typeof Model.morphToMany>) => PropertyDecorator = relation('morphToMany', '@MorphToMany')

/** Declares a morphedByMany relation: `this.morphedByMany(related, pivot, relatedId, id, type, parentKey?, relatedKey?)`. */
export const MorphedByMany: (...args: Parameters<typeof Model.morphedByMany>) => PropertyDecorator = relation('morphedByMany', '@MorphedByMany')

/** What a relation does to its related records when its parent is deleted (see `.onDelete()`). */
export type DeleteMode = DeleteRule

/**
 * Sets what happens to the related records when a record is deleted, by calling `.onDelete(mode)`
 * on the field's relation. The field must be a relation that supports it.
 */
export function OnDelete(mode: DeleteMode): PropertyDecorator {
  return propertyDecorator('@OnDelete', (registry, name) => {
    addDeleteMode(registry, name, mode, `@OnDelete('${mode}')`)
  })
}

/**
 * Applies a cast to the field: gives the class a `static casts()` that returns
 * `{ [field]: cast() }` over what it returned before.
 */
export function Cast(cast: () => unknown): PropertyDecorator {
  return propertyDecorator('@Cast', (registry, name) => {
    registry.casts[name] = cast()
  })
}

/**
 * A mutator: changes a field's value when it is read (`get`) or written (`set`). Its value is
 * `any` unless typed, as in pinia-orm (`@Mutate(value => value.toUpperCase())`).
 */
export type Mutator<T = any> = (value: T) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any -- see above

/**
 * Applies a mutator to the field: gives the class a `static mutators()` that returns
 * `{ [field]: { get, set } }` over what it returned before.
 */
export function Mutate(get?: Mutator, set?: Mutator): PropertyDecorator {
  return propertyDecorator('@Mutate', (registry, name) => {
    registry.mutators[name] = set === undefined ? { get } : { get, set }
  })
}

/** Hides the field from serialization: adds it to the class's `static hidden`. */
export function Hidden(): PropertyDecorator {
  return propertyDecorator('@Hidden', (registry, name) => {
    if (!registry.hidden.includes(name))
      registry.hidden.push(name)
  })
}

/**
 * Makes a property of the model's instances non-enumerable, so it stays out of `Object.keys()`,
 * spreads and `JSON.stringify()`. Used without parentheses: `@NonEnumerable declare helper: string`.
 */
export const NonEnumerable: PropertyDecorator = function (target: unknown, key: unknown) {
  if (key !== null && typeof key === 'object') {
    const context = key as ClassFieldDecoratorContext
    const name = context.name
    if (context.metadata)
      metadataRegistry(context.metadata).nonEnumerable.push(String(name))
    context.addInitializer(function (this: unknown) {
      const descriptor = Object.getOwnPropertyDescriptor(this, name)
      if (descriptor)
        Object.defineProperty(this, name, { ...descriptor, enumerable: false })
    })
    return
  }
  // Legacy decorators run on the prototype: a setter there makes each instance's own property
  // non-enumerable when it is first assigned (`declare` fields define none before that).
  const model = (target as { constructor?: unknown } | null)?.constructor
  if (typeof model === 'function')
    classRegistry(model).nonEnumerable.push(String(key))
  Object.defineProperty(target as object, key as PropertyKey, {
    configurable: true,
    set(this: object, value: unknown) {
      Object.defineProperty(this, key as PropertyKey, { value, writable: true, configurable: true, enumerable: false })
    },
    get: () => undefined,
  })
} as PropertyDecorator

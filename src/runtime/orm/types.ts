import type { Attribute } from './attributes'
import type { PivotRelation } from './relations/pivot'
import type { ModelInstance, RelatedModel, Relation } from './relations/Relation'

export type { RelatedModel, RelatedRef } from './relations/Relation'

/** What `static fields()` returns: field names to attributes and relations. */
export type Fields = Record<string, Attribute<unknown> | Relation>

/**
 * A model class as the ORM uses it: constructible, with an entity name, a primary key and fields.
 */
export interface ModelClass<M extends ModelInstance = ModelInstance> {
  new (attributes?: Record<string, unknown>, options?: ModelOptions): M
  readonly name: string
  entity: string
  primaryKey: string | readonly string[]
  fields(): Fields
}

/** Options of the `Model` constructor. */
export interface ModelOptions {
  /**
   * Fill every field from the given attributes or its default.
   * @default true
   */
  fill?: boolean
  /**
   * Fill relations too: nested related data become instances of the related model, and a relation
   * the attributes leave out is `[]` (to-many) or `null` (to-one). With `false`, relations are left
   * off the instance (and `$toJson(model, { relations: false })` leaves them out).
   * @default true
   */
  relations?: boolean
  /**
   * Fields left off the new instance.
   * @default []
   */
  hidden?: readonly string[]
  /**
   * When not empty, the only attributes the new instance keeps (its primary key is always kept).
   * @default []
   */
  visible?: readonly string[]
  /**
   * pinia-orm's fill operation. `'get'`: the instance a query gives (casts' and mutators' `get`,
   * the model's hidden fields left off). `'set'`: the record a save stores (mutators' and casts'
   * `set`; `_meta` filled for a model with `config.withMeta`). Without it, the values go through
   * the read conversions and the model's hidden fields are kept.
   */
  operation?: 'get' | 'set'
  /** With `operation: 'set'`: the write it prepares; `'update'` keeps the `_meta.createdAt` given. */
  action?: 'save' | 'update' | 'insert'
}

type AttributeValues<F> = {
  -readonly [K in keyof F as F[K] extends Attribute<unknown> ? K : never]: F[K] extends Attribute<infer T> ? T : never
}

type RelationValues<F> = {
  -readonly [K in keyof F as F[K] extends Relation ? K : never]?: RelationValue<F[K]>
}

/**
 * The value a loaded relation gives its model instances: a list or a single record (or `null`); for
 * a pivot relation each related record carries its pivot record under `pivot` or the `.as()` name.
 */
export type RelationValue<T> = T extends PivotRelation<infer R, infer P, infer A>
  ? (Item<R> & { [K in A]: Item<P> })[]
  : T extends Relation<infer R>
    ? T extends { readonly many: true } ? Item<R>[] : Item<R> | null
    : never

/** The attribute and relation properties a model's `fields()` gives its instances. */
export type FieldValues<F> = AttributeValues<F> & RelationValues<F>

/**
 * An instance of a model class as the repository returns it: the class's own members plus one
 * property per field, typed from `fields()`. Relations are present once loaded with `with()`. A
 * field the class declares itself (`declare nick: string | null`, pinia-orm's way to type fields)
 * keeps the declared type. Given the instance type instead of the class, as pinia-orm's
 * `Item<User>`, it is pinia-orm's type: `User | null`.
 */
export type Item<M extends RelatedModel | ModelInstance = ModelInstance> = M extends RelatedModel ? ClassItem<M> : M | null

/** {@link Item} of a model class: its instances, typed from `fields()` and what the class declares. */
export type ClassItem<M extends RelatedModel> = InstanceType<M> & FieldProperties<M>

/** The properties `fields()` gives a model's instances beyond what its class declares. */
type FieldProperties<M extends RelatedModel> = M extends { fields(): infer F }
  ? [keyof F] extends [never] ? unknown : Omit<WithCasts<FieldValues<F>, CastTypes<M>>, keyof InstanceType<M>>
  : unknown

/**
 * The class a model's instance type stands for, as pinia-orm's generics take a model
 * (`Repository<User>`, `Query<User>`): its instances are that type, typed by the fields the class
 * declares (`declare name: string`); `fields()` adds no types of its own.
 */
export interface ClassOfInstance<I> {
  new (attributes?: Record<string, unknown>, options?: ModelOptions): I
  readonly name: string
  entity: string
  primaryKey: string | readonly string[]
  fields(): Record<never, never>
}

/**
 * The model class a generic of this library works with, given either the class (`typeof User`:
 * field types inferred from `fields()`) or, as pinia-orm writes it, the instance type (`User`).
 */
export type ModelClassOf<M> = M extends ModelClass ? M : ClassOfInstance<M>

/**
 * pinia-orm's `Collection<User>`: a list of instances of a model, typed by the class's own
 * declarations. `Item<typeof User>[]` types them from `fields()` instead.
 */
export type Collection<M extends ModelInstance = ModelInstance> = M[]

/**
 * pinia-orm's `Element`: one record's fields, as a save takes them and `$toJson()` gives them;
 * its values are `any`, as in pinia-orm, so that code reading them (`json.name.toUpperCase()`)
 * compiles unchanged.
 */
export type Element = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- pinia-orm's type

/** pinia-orm's `Elements`: records by primary key. */
export type Elements = Record<string, Element>

/** The type each cast of `static casts()` gives its field (what its `get` returns). */
type CastTypes<M> = M extends { casts(): infer C }
  ? string extends keyof C ? object : { [K in keyof C]: C[K] extends abstract new (...args: never[]) => { get(value: never): infer T } ? T : never }
  : object

/** Field types with the cast ones replaced (still allowing `null` where the field did). */
type WithCasts<V, C> = { [K in keyof V]: K extends keyof C ? (null extends V[K] ? C[K] | null : C[K]) : V[K] }

/**
 * Input accepted by `save()`: attributes, and nested related records under relation names; or a
 * model instance (one a query returned, edited and saved back). pinia-orm's `Element`, whose
 * values are `any`, so that data typed by an interface (an API's DTO) is accepted as there.
 */
export type RecordInput = Element | ModelInstance

/** An id as callers pass it: a value, or an array of values for a composite primary key. */
export type Id = string | number | bigint | readonly (string | number | bigint)[]

/**
 * The id of a record of model `M`: an array of values when the model declares a composite
 * `primaryKey` (an array of field names), or pinia-orm's JSON string of them (`'[1,3]'`); else one value.
 */
export type KeyOf<M> = M extends { primaryKey: readonly string[] } ? readonly (string | number | bigint)[] | string : string | number | bigint

/**
 * What `where(field, value)` takes as its value: a value, a list or Set of values, or a test of the
 * field's value. The test's parameter is typed by the field when the model's instances have it
 * (from `fields()` or a `declare`d property), else `any`, so that pinia-orm code such as
 * `where('age', value => value > 20)` compiles unchanged.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field the types do not know: as in pinia-orm
export type WhereValue<I, F> = ((value: F extends keyof I ? I[F] : any) => boolean) | NonNullable<unknown> | null

/** What tells a model instance from other values, in types (types.ts imports no Model). */
interface ModelInstanceShape { $toJson: (...args: never[]) => unknown, $getKey: (...args: never[]) => unknown }

/** A model instance as a relation's declared property holds it (`declare posts: Post[]`). */
type RelatedOfInstance<I, K extends string> = K extends keyof I
  ? (NonNullable<I[K]> extends readonly (infer E)[] ? E : NonNullable<I[K]>) extends infer E ? [E] extends [ModelInstanceShape] ? true extends IsUnion<E> ? AnyModel : E : AnyModel : AnyModel
  : AnyModel

/**
 * What a relation the types cannot tell leads to (an unknown name, a morphTo's several models): a
 * constraint there gets a query of any model, and may be written for one (`Query<typeof Post>`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyModel = any

/** Whether `T` is a union (a morphTo's related models). */
type IsUnion<T, U = T> = T extends unknown ? [U] extends [T] ? false : true : never

/**
 * The model relation `K` of model `M` leads to: from `fields()`, else the declared property. A
 * morphTo (several models) gives any model: a constraint there may be written for one of them.
 */
type RelatedOfField<M, K extends string> = M extends abstract new (...args: never[]) => infer I
  ? M extends { fields(): infer F } ? K extends keyof F ? F[K] extends Relation<infer R> ? true extends IsUnion<R> ? AnyModel : R : RelatedOfInstance<I, K> : RelatedOfInstance<I, K> : RelatedOfInstance<I, K>
  : RelatedOfInstance<M, K>

/**
 * The model a relation name of model `M` (a class, or pinia-orm's instance type) leads to, for the
 * query a constraint of `with()` or `whereHas()` receives: `'posts'` gives the related model of
 * `posts`, a dotted `'posts.comments'` the last one's. A name the types do not know gives any
 * model.
 */
export type RelatedModelOf<M, K extends string> = 0 extends 1 & M ? AnyModel : K extends `${infer Head}.${infer Rest}`
  ? RelatedModelOf<RelatedOfField<M, Head>, Rest>
  : RelatedOfField<M, K>

// pinia-orm's exported type names, so that code importing them compiles after its imports change.
// Each names the type this library uses for the same thing; pinia-orm's internals (its registries,
// where clauses and eager-load maps) have no counterpart here and are not given names.
import type { CreateOrmOptions, ModelDefaults } from './config'
import type { RelationConstraint } from './query'
import type { ModelInstance, RelatedModel } from './relations/Relation'
import type { Elements, Fields, ModelClass } from './types'

/** What `static fields()` returns (this library's `Fields`). */
export type ModelFields = Fields

/** The fields of each model, by entity. */
export type ModelSchemas = Record<string, ModelFields>

/** A model's primary key field, or its fields in order for a composite key. */
export type PrimaryKey = string | string[]

/** `_meta` of a record saved by a model with `withMeta`: times in milliseconds since the epoch. */
export interface MetaValues {
  createdAt: number
  updatedAt: number
}

/** What `static types()` returns for single table inheritance: the subclasses by type value. */
export type InheritanceTypes = Record<string, RelatedModel>

/** Records of several entities, by entity, then by primary key. */
export type NormalizedData = Record<string, Elements>

/** What a query with `groupBy()` returns: the instances in groups, by the group's key. */
export type GroupedCollection<M extends ModelInstance = ModelInstance> = Record<string, M[]>

/** The options of `createORM()` (this library's `CreateOrmOptions`). */
export type InstallOptions = CreateOrmOptions

/** The model defaults of `createORM({ model })` (this library's `ModelDefaults`). */
export type ModelConfigOptions = ModelDefaults

/** `createORM({ cache })` given as an object. */
export type CacheConfigOptions = Exclude<CreateOrmOptions['cache'], boolean | undefined>

/** `createORM({ pinia })`. */
export type PiniaConfigOptions = NonNullable<CreateOrmOptions['pinia']>

/** The direction of `orderBy()`. */
export type OrderDirection = 'asc' | 'desc'

/** What `orderBy()` orders by: a field, or a function of the model instance (`any` unless typed, as in pinia-orm). */
export type OrderBy<M = any> = string | ((model: M) => unknown) // eslint-disable-line @typescript-eslint/no-explicit-any -- see above

/** A field `groupBy()` groups by. */
export type GroupBy = string

/** The fields `groupBy()` groups by. */
export type GroupByFields = string[]

/** `where()` given a function of the model instance. */
export type WherePrimaryClosure<M> = (model: M) => boolean

/** `where(field, ...)` given a function of the field's value. */
export type WhereSecondaryClosure<T> = (value: T) => boolean

/**
 * A constraint of `with()` or `whereHas()`: receives the query of the related model `M` (its
 * instance type, as pinia-orm writes it, or its class).
 */
export type EagerLoadConstraint<M extends ModelClass | ModelInstance = ModelClass> = RelationConstraint<M>

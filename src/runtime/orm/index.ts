/**
 * The ORM core: models, repositories and queries on Pinia entity stores. It imports nothing from
 * Nuxt, so it works with plain Vue + Pinia as `nuxt-pinia-orm/orm`.
 */
export { Model } from './Model'
export { Attribute, Attr, StringAttr, NumberAttr, BooleanAttr, Uid } from './attributes'
export type { DefaultValue } from './attributes'
export { Relation } from './relations/Relation'
export type { RelationValue } from './relations/Relation'
export { HasOne } from './relations/hasOne'
export { HasMany } from './relations/hasMany'
export { BelongsTo } from './relations/belongsTo'
export { Repository } from './repository'
export { Query } from './query'
export type { RelationConstraint, ValuePredicate } from './query'
export { useRepo, createORM } from './useRepo'
export type { CreateOrmOptions } from './useRepo'
export { registerModels } from './database'
export type { EntityData, EntityState, EntityStore, RegisterOptions } from './database'
export { OrmError } from './errors'
export type { Fields, FieldValues, Id, Item, KeyOf, ModelClass, ModelOptions, RecordInput, RelatedModel, RelatedRef } from './types'
export { packState, unpackState, packEntityState, unpackEntityState } from './payload'
export type { PackedEntity, PackedState } from './payload'

import { addDeleteMode, classRegistry, installStatics } from './decorators/registry'
import type { DecoratedClass } from './decorators/registry'
import { FieldFactories } from './fieldFactories'
import { getSchema } from './schema'
import type { Element, Fields, ModelClass, ModelOptions, RelatedModel } from './types'
import type { Database } from './database'
import { _isDirty, _readRecord, _storedOf } from './dirty'
import type { ModelConfig } from './features'
import type { HookResult } from './hooks'
import type { Casts, Mutator, MutatorFunctions, Mutators } from './mutators'
import { toRaw } from 'vue'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import { _isVisible, _shownOn } from './visibility'
import { createOrmError } from './errors'
import { _visibilityIn } from './modelDefaults'
import { _fill, _madeInstance, NO_FILL } from './modelFill'
import { _hiddenOf, _modelEntityOf, _namespaceOf, _storeModelOf, _storeNameOf, _visibleOf } from './modelInfo'
import type { InfoModel } from './modelInfo'
import { _installDefinitionViews, _unsupportedModelMethods } from './modelViews'
import type { ModelDefinitionViews } from './modelViews'
import { _unsupportedRegistryStatics } from './modelStatics'
import type { DeleteRule } from './relations/Relation'

declare module './relations/Relation' {
  // What the core below this file calls a model instance is a Model (see ModelInstance).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModelInstance extends Model {}
}

// The views of modelViews.ts ($fields(), $getRelation() & co.), installed on the prototype below
// the class: the interface gives the class their types.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Model extends ModelDefinitionViews {}

/**
 * The database of the instance `Model._newIn` is making, handed to its `#db` field initializer, which
 * takes it (and clears it) before any constructor of a subclass runs. Set and cleared within one
 * synchronous call: no other request's instance can ever see it.
 */
let constructingDb: Database | undefined

function takeConstructingDb(): Database | undefined {
  const db = constructingDb
  constructingDb = undefined
  return db
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
 * field (`name!: string`): a class field would overwrite the value the ORM sets. Fields declared
 * with decorators (`nuxt-pinia-orm/decorators`) are the exception: `@Str('') name!: string`.
 */
export class Model extends FieldFactories {
  /* eslint-enable @typescript-eslint/no-unsafe-declaration-merging */
  /** The name of the entity store that keeps this model's records. */
  static entity: string

  /**
   * The attribute (or attributes, for a composite key) that identify a record.
   * @default 'id'
   */
  static primaryKey: string | string[] = 'id'

  /** The model's attributes and relations. */
  static fields(): Fields {
    return {}
  }

  // pinia-orm's registry statics. Registries live per Pinia here (see `database.ts`) and a class
  // keeps only definitions, so what pinia-orm users call between tests has nothing to clear.

  /** Kept for pinia-orm compatibility: a model's records and schemas belong to a Pinia instance, so there is nothing to clear. */
  static clearRegistries(): void {}

  /** Kept for pinia-orm compatibility: models have no booted state outside a Pinia instance, so there is nothing to clear. */
  static clearBootedModels(): void {}

  /** A new instance of the model with no attribute set (not even defaults). */
  static newRawInstance<M extends Model>(this: new (attributes?: Element, options?: ModelOptions) => M): M {
    return new this(undefined, NO_FILL)
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
  static setMutator(key: string, mutator: Mutator | MutatorFunctions): typeof Model {
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

  /** Sets what deleting a record does to the relation `key`'s records, as `@OnDelete(mode)` does. */
  static setFieldDeleteMode(key: string, mode: DeleteRule): typeof Model {
    addDeleteMode(classRegistry(this), key, mode, `${this.name}.setFieldDeleteMode('${key}', '${mode}')`)
    return this
  }

  /** The namespace of the model's store id: `static namespace`, or `''`. */
  static usedNamespace(): string {
    return _namespaceOf(this as unknown as InfoModel)
  }

  /** The model's entity with its namespace: `'app/users'`, or `'users'` without one. */
  static modelEntity(): string {
    return _modelEntityOf(this as unknown as InfoModel)
  }

  /**
   * A model instance with every attribute taken from `attributes` or, where missing, its default.
   */
  constructor(attributes?: Element, options?: ModelOptions) {
    super()
    // The ORM's reads pass { fill: false } and fill the instance themselves: keep this check first.
    if (options?.fill !== false)
      this.$fill(attributes, options)
  }

  /**
   * Sets the attributes given in `attributes`; an attribute they leave out keeps the value the
   * instance has, or gets its default when it has none (so `$fill()` fills in the defaults only).
   * Relations too, unless `relations: false`: nested data become instances of the related model; a
   * relation left out is `[]` or `null`. See {@link ModelOptions} for `hidden` and `visible`.
   */
  $fill(attributes: Element = {}, options?: ModelOptions): this {
    _fill(getSchema(this.$self()), this as unknown as StoredRecord, attributes, options)
    return this
  }

  /** The model class of this instance. */
  $self(): ModelClass<this> & Omit<typeof Model, 'prototype'> {
    return this.constructor as ModelClass<this> & Omit<typeof Model, 'prototype'>
  }

  /** The entity store name of this instance's model. */
  $entity(): string {
    return this.$self().entity
  }

  /** The primary key's field name, or names for a composite key. */
  $getKeyName(): string | string[] {
    return this.$self().primaryKey
  }

  /** The namespace of the model's store id (`static namespace`, else the Pinia's default), or `''`. */
  $namespace(): string {
    return _namespaceOf(this.$info(), toRaw(this).#db)
  }

  /** The namespace of the store that keeps the records (the base model's under inheritance). */
  $baseNamespace(): string {
    return _namespaceOf(_storeModelOf(getSchema(this.$self())), toRaw(this).#db)
  }

  /** The id of the Pinia store that keeps the records: `namespace/entity` or the entity. */
  $storeName(): string {
    return _storeNameOf(getSchema(this.$self()), toRaw(this).#db)
  }

  /** The model's own entity with its namespace: `'app/users'`, or `'users'` without one. */
  $modelEntity(): string {
    return _modelEntityOf(this.$info(), toRaw(this).#db)
  }

  /** The fields the model hides (its own, else the Pinia's default). */
  $hidden(): string[] {
    return _hiddenOf(this.$info(), toRaw(this).#db)
  }

  /** The fields the model lists as visible (its own, else the Pinia's default); `[]` shows all. */
  $visible(): string[] {
    return _visibleOf(this.$info(), toRaw(this).#db)
  }

  /** A new instance of this instance's model, filled from `attributes` as the constructor does. */
  $newInstance(attributes?: Element, options?: ModelOptions): this {
    const model = this.$self() as unknown as new (attributes: undefined, options: ModelOptions) => this
    return options?.fill === false ? new model(undefined, NO_FILL) : _madeInstance(model, attributes ?? {}, options)
  }

  private $info(): InfoModel {
    return this.$self() as unknown as InfoModel
  }

  /** Whether the primary key is composite: made of several fields. */
  $hasCompositeKey(): boolean {
    return getSchema(this.$self()).primaryKey.length > 1
  }

  /**
   * The field a relation uses on this model's side when it names none: the primary key's. A
   * composite key cannot be one; for it this throws, asking to name the relation's local key.
   */
  $getLocalKey(): string {
    const key = getSchema(this.$self()).primaryKey
    if (key.length > 1)
      throw createOrmError(`${this.$self().name} has a composite primary key (${key.join(', ')}), which cannot be the local key of a relation. Name the local key in the relation, e.g. this.hasMany(Related, 'foreignKey', 'localKey').`)
    return key[0]!
  }

  /**
   * The primary key's value in this instance, or in `record` when given: for a composite key the
   * list of values, or with `concatCompositeKey` the string the store keys the record by
   * (`'[1,2]'`); `null` when a value of the key is missing.
   */
  $getKey(record?: Element, concatCompositeKey = false): string | number | (string | number)[] | null {
    const key = getSchema(this.$self()).primaryKey
    const self = record ?? this as Record<string, unknown>
    if (key.length === 1)
      return self[key[0]!] as string | number | undefined ?? null
    if (concatCompositeKey)
      return keyOf(self, key) ?? null
    const values = key.map(field => self[field] as string | number)
    return values.some(value => value === null || value === undefined) ? null : values
  }

  /** The attributes as a plain object, without relations. */
  $getAttributes(): Element {
    const self = this as Record<string, unknown>
    const attributes: Record<string, unknown> = {}
    for (const field of getSchema(this.$self()).attributeNames)
      attributes[field] = self[field]
    return attributes
  }

  /**
   * The attributes and the loaded relations, recursively, as plain data; of `model` when given.
   * With `{ relations: false }`, the attributes only.
   */
  $toJson(model?: Model, options?: Pick<ModelOptions, 'relations'>): Element {
    if (model !== undefined && model !== this)
      return model.$toJson(undefined, options)
    const self = this as Record<string, unknown>
    const schema = getSchema(this.$self())
    const json: Record<string, unknown> = {}
    const visibility = _visibilityIn(schema, toRaw(this).#db)
    const shown = visibility && _shownOn(this)
    for (const field of schema.attributeNames) {
      if (!visibility)
        json[field] = plainCopy(self[field], schema.name, field)
      else if (Object.prototype.hasOwnProperty.call(self, field) && (shown?.has(field) || _isVisible(field, visibility)))
        json[field] = plainCopy(self[field], schema.name, field)
    }
    // `_meta` kept by createORM({ model: { withMeta } }) is no attribute: shown after withMeta().
    if (shown?.has('_meta') && !schema.attributes.has('_meta') && Object.prototype.hasOwnProperty.call(self, '_meta'))
      json._meta = plainCopy(self._meta, schema.name, '_meta')
    if (options?.relations === false)
      return json
    for (const field of schema.relations.keys()) {
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

  /**
   * The field that holds the type of a record under single-table inheritance.
   * @default 'type'
   */
  static typeKey = 'type'

  /**
   * Single-table inheritance: the subclasses of this model by the value of their `typeKey` field.
   * They share this model's store; a query of this model returns each record as an instance of its
   * subclass, a query of a subclass only its records. Empty by default.
   */
  static types(): Record<string, RelatedModel> {
    return {}
  }

  /** The entity of the base model, on a subclass under single-table inheritance (pinia-orm's name). */
  static baseEntity: string

  /** Attributes left out of query results, `$toJson()` and `JSON.stringify()`. @default [] */
  static hidden: readonly string[] = []

  /** When not empty, the only attributes query results, `$toJson()` and JSON show. @default [] */
  static visible: readonly string[] = []

  /** Model options: `{ withMeta: true }` keeps `_meta: { createdAt, updatedAt }` on each record. */
  static config: ModelConfig | undefined

  /**
   * Prefixes the id of the entity's store (`admin/users`); two models of one entity in different
   * namespaces keep their records apart. Declared only (no value), so an unset one is absent.
   * @default undefined
   */
  declare static namespace: string | undefined

  /**
   * Extra state, getters and actions of the entity store (or the extra members a setup store
   * returns): an object, or a function returning one, which gives each Pinia its own refs.
   * @default undefined
   */
  declare static piniaOptions: unknown

  /** Casts by field: a cast class (`DateCast`, `ArrayCast`, ... or a `CastAttribute` subclass). */
  static casts(): Casts {
    return {}
  }

  /** Mutators by field: a function applied on read, or `{ get, set }`. */
  static mutators(): Mutators {
    return {}
  }

  /** Runs before a new record is saved; changes to `model` are saved, `false` skips the record. */
  static creating(_model: Model, _record?: StoredRecord): HookResult {}
  /** Runs before an existing record is saved; changes to `model` are saved, `false` skips it. */
  static updating(_model: Model, _record?: StoredRecord): HookResult {}
  /** Runs before any record is saved, after `creating`/`updating`; `false` skips the record. */
  static saving(_model: Model, _record?: StoredRecord): HookResult {}
  /**
   * Runs before a record is deleted; `false` keeps it. Called with the instance alone, as in
   * pinia-orm (whose hook type also names a second parameter, so an override may declare it).
   */
  static deleting(_model: Model, _record?: StoredRecord): HookResult {}
  /** Runs after a new record was saved. */
  static created(_model: Model, _record?: StoredRecord): void {}
  /** Runs after an existing record was saved. */
  static updated(_model: Model, _record?: StoredRecord): void {}
  /** Runs after any record was saved, after `created`/`updated`. */
  static saved(_model: Model, _record?: StoredRecord): void {}
  /** Runs after a record was deleted. */
  static deleted(_model: Model, _record?: StoredRecord): void {}
  /** Runs for each instance a query reads. */
  static retrieved(_model: Model, _record?: StoredRecord): void {}

  /**
   * When meta data is kept (`static config = { withMeta: true }` or `createORM({ model: { withMeta:
   * true } })`) and the query asked `withMeta()`: when the record was first saved and last saved,
   * in whole seconds since the epoch (as pinia-orm). Otherwise `undefined`.
   */
  declare _meta: { createdAt: number, updatedAt: number } | undefined

  /**
   * The database this instance was read from (not enumerable, never serialized). Set as the instance
   * is made, not after: with a second write per instance read, `destroy()` of 1,000 records (bench
   * W8, which returns their instances) took 1.7-1.9 times as long.
   */
  #db: Database | undefined = takeConstructingDb()

  /**
   * An instance of `model` read from `db`, made with no fields filled (the caller fills them).
   * @internal
   */
  static _newIn<M>(model: new (attributes: undefined, options: ModelOptions) => M, db: Database | undefined): M {
    constructingDb = db
    try {
      return new model(undefined, NO_FILL)
    }
    finally {
      // Also when a constructor threw before reaching the field above: nothing is left for the next.
      constructingDb = undefined
    }
  }

  /**
   * The key the store keeps this record (or `record`, when given) under: a composite key as its
   * JSON array; `undefined` when a value of the key is missing.
   */
  $getIndexId(record?: Element): string | undefined {
    return keyOf(record ?? this as unknown as StoredRecord, getSchema(this.$self()).primaryKey)
  }

  /**
   * Whether this instance differs from the record stored under its key, in `field` or in any
   * attribute. The original is what the store holds now, so it survives SSR hydration: after
   * hydration nothing is dirty, an edit makes the instance dirty, a save makes it clean. An
   * instance whose record is not in the store is dirty.
   */
  $isDirty(field?: string): boolean {
    return _isDirty(getSchema(this.$self()), toRaw(this), toRaw(this).#db, field)
  }

  /** The attributes of the record stored under this instance's key, as instances see them, or `null`. */
  $getOriginal(): Element | null {
    const schema = getSchema(this.$self())
    const stored = _storedOf(schema, toRaw(this), toRaw(this).#db)
    return stored ? _readRecord(schema, stored) : null
  }

  /** Sets every attribute again from the record stored under this instance's key; returns it. */
  $refresh(): this {
    const schema = getSchema(this.$self())
    const stored = _storedOf(schema, toRaw(this), toRaw(this).#db)
    if (stored) {
      const values = _readRecord(schema, stored)
      const visibility = _visibilityIn(schema, toRaw(this).#db)
      const self = this as Record<string, unknown>
      for (const field of schema.attributeNames) {
        // Fields the model hides stay off, unless the instance already shows them.
        if (!visibility || Object.prototype.hasOwnProperty.call(self, field) || _isVisible(field, visibility))
          self[field] = values[field]
      }
    }
    return this
  }

  /**
   * What `JSON.stringify(instance)` writes: {@link Model.$toJson}, hidden fields left out, and the
   * pivot record a belongsToMany (morphToMany, morphedByMany) loaded with the instance (`pivot`, or
   * the name `.as()` gave), as JSON of a pinia-orm instance shows it.
   */
  toJSON(): unknown {
    const json = this.$toJson(undefined, { relations: false })
    const self = this as Record<string, unknown>
    const schema = getSchema(this.$self())
    for (const field of schema.relations.keys()) {
      const value = self[field]
      if (value !== undefined)
        json[field] = Array.isArray(value) ? value.map(relatedJson) : relatedJson(value)
    }
    for (const key of Object.keys(self)) {
      const value = self[key]
      if (value instanceof Model && !schema.attributes.has(key) && !schema.relations.has(key))
        json[key] = value.$toJson()
    }
    return json
  }
}

// $fields(), $getRelation() & co. (see modelInfo.ts); $fillMeta() and $piniaExtend() throw saying
// they are not supported, instead of "is not a function".
_installDefinitionViews(Model.prototype)
_unsupportedModelMethods(Model.prototype)
// Model.schemas, pinia-orm's registry of decorated fields, throws saying why it is not needed.
_unsupportedRegistryStatics(Model)

function toJson(value: unknown): unknown {
  return value instanceof Model ? value.$toJson() : value
}

function relatedJson(value: unknown): unknown {
  return value instanceof Model ? value.toJSON() : value
}

/**
 * An attribute's value as `$toJson()` gives it: plain data sharing nothing with the instance or the
 * store, as JSON would write it. Arrays and objects are copied at every level, a value with
 * `toJSON()` is what that gives (a Date: its ISO string), a model instance its own `$toJson()`.
 */
function plainCopy(value: unknown, model: string, field: string, ancestors: object[] = []): unknown {
  if (value === null || typeof value !== 'object')
    return value
  if (value instanceof Model)
    return value.$toJson()
  if (ancestors.includes(value))
    throw createOrmError(`${model}.$toJson(): the value of '${field}' contains itself, which plain data cannot hold. Keep such a value out of the model's attributes.`)
  const toJSON = (value as { toJSON?: unknown }).toJSON
  const json: unknown = typeof toJSON === 'function' ? toJSON.call(value) : value
  if (json !== value)
    return plainCopy(json, model, field, ancestors)
  ancestors.push(value)
  let copy: unknown
  if (Array.isArray(value)) {
    copy = value.map(item => plainCopy(item, model, field, ancestors))
  }
  else {
    const object: Record<string, unknown> = {}
    for (const key of Object.keys(value))
      object[key] = plainCopy((value as Record<string, unknown>)[key], model, field, ancestors)
    copy = object
  }
  ancestors.pop()
  return copy
}

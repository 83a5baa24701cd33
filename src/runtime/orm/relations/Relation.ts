import type { Attribute } from '../attributes'
import type { StoredRecord } from '../keys'

// The relation contract. This file imports no relation type and no normalizer: schema.ts,
// normalize.ts, the query and the relation types all depend on it, never the other way round.

/**
 * A model instance as the core sees it. `Model.ts` widens it to the `Model` class (interface
 * merging), so code below `Model.ts` can name instances without importing it.
 *
 * @internal
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by Model.ts
export interface ModelInstance {}

/** A model class as a schema knows it. @internal */
export interface SchemaModel {
  new (attributes?: Record<string, unknown>, options?: { fill?: boolean }): ModelInstance
  readonly name: string
  entity: string
  primaryKey: string | readonly string[]
  fields(): Record<string, unknown>
}

/**
 * The loosest reference to a model class, used for the related side of relations. It avoids
 * asking for `fields()`, so two models whose fields refer to each other type-check without a cycle.
 */
export type RelatedModel = (abstract new (...args: never[]) => ModelInstance) & { entity: string }

/** A related model given as the class, lazily (`() => Phone`) or by entity name (`'phones'`). */
export type RelatedRef<R extends RelatedModel = RelatedModel> = R | (() => R) | string

/**
 * What the ORM reads off a model class once: its entity, key and fields, checked. A schema is a
 * definition (it never holds records), so it is kept on the class itself.
 */
/**
 * What model features add to a schema. `features.ts` declares its members, so this file imports
 * none of the feature files.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchemaFeatures {}

/** The per-Pinia database a model instance is read from; `database.ts` declares its members. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchemaDatabase {}

export interface Schema {
  readonly model: SchemaModel
  /** The class name, for messages. */
  readonly name: string
  /**
   * What the database keys the model's records, indexes and signals by: the entity, prefixed by
   * the model's own `static namespace` when it has one (`admin/users`), so that two models of one
   * entity in different namespaces keep apart, as in pinia-orm.
   */
  readonly entity: string
  /**
   * The bare entity (`users`): what a morph type column holds, as pinia-orm writes it, and what a
   * relation given by entity name finds.
   */
  readonly type: string
  /** The primary key as a list of field names (one for a simple key). */
  readonly primaryKey: readonly string[]
  readonly attributeNames: readonly string[]
  readonly attributes: ReadonlyMap<string, Attribute>
  readonly relations: ReadonlyMap<string, Relation>
  readonly relationNames: readonly string[]
  readonly relationList: readonly Relation[]
  /**
   * Casts, mutators, hooks, visibility, meta, inheritance (see `features.ts`, which declares their
   * shape); `undefined` when the model declares none.
   */
  readonly features: SchemaFeatures | undefined
  /**
   * Builds a model instance from a stored record, without copying defaults over its values. Given
   * the database it was read from, the instance remembers it (for `$isDirty()` and `$refresh()`).
   */
  hydrate: (record: StoredRecord, db?: SchemaDatabase) => ModelInstance
  /**
   * A complete stored record, in field order: `keys` first, then `values`, then each attribute's
   * default where both have none.
   */
  withDefaults: (values: StoredRecord, keys?: StoredRecord) => StoredRecord
  /**
   * Makes the objects {@link Schema.shapes} keeps. Called once, by `getSchema` after it stored the
   * schema (a model's constructor may ask for its schema).
   */
  readonly makeShapes: () => readonly unknown[]
  /**
   * A blank instance and a blank stored record (every attribute `null`, no database), kept for as
   * long as the model class: they hold no record of any Pinia, and keep V8's hidden classes of
   * the model's instances and records alive (see `getSchema`).
   */
  shapes: readonly unknown[]
  /**
   * The visitor of the model's last nested save, emptied of it, kept so that V8's optimized save
   * code outlives a GC (see `NO_CONTEXT` in `normalize.ts`).
   */
  lastVisitor: unknown
}

/** The nested records a relation of one input record links to. */
export type SavedLink = SavedNode | SavedNode[] | null

/**
 * One record of the input, after normalization: which record it is, its attributes as they will be
 * stored, and the nested records found under its relations (used to build `save()`'s result).
 */
export interface SavedNode {
  readonly schema: Schema
  readonly key: string
  /** The record as it will be stored; shared by every node that names the same record. */
  readonly attributes: StoredRecord
  /** The relation fields the input filled, and what each links to (same positions). */
  fields: string[] | undefined
  links: SavedLink[] | undefined
  /** Pivot records to attach to the result's instance, by the name they are loaded under. */
  pivots?: Map<string, SavedNode>
}

/** What relation types use to split their nested input into records. */
export interface NormalizeVisitor {
  /**
   * Normalizes one nested record of `schema`, with `keys` forced onto it, under path `segment`
   * (`.posts`) and, in a list, `index` (kept apart: the path is written out only for an error).
   */
  visit: (schema: Schema, record: unknown, keys: StoredRecord | undefined, segment: string, index?: number, extraKey?: string) => SavedNode
  /**
   * {@link visit} for a caller that keeps only the record's stored attributes (a pivot record):
   * returns them, and makes no node unless the record leads on to others.
   */
  visitAttributes: (schema: Schema, record: unknown, keys: StoredRecord | undefined, segment: string) => StoredRecord
  /** The input of the record whose relation is being normalized, keys that are no field included. */
  input: () => StoredRecord
  /**
   * Whether the record whose relation is being normalized gives each of `fields` a value (not
   * `null`, `undefined` or `''`), itself or through the keys its parent forces onto it.
   */
  gives: (fields: readonly string[]) => boolean
  /** Throws an error for bad input, naming where in the input it is. */
  fail: (message: string) => never
  /** The record as stored before this save, if any. */
  stored: (schema: Schema, key: string) => StoredRecord | undefined
  /** Marks a record to be unlinked: `fields` set to null, or the record deleted when `fields` is 'delete'. */
  unlink: (schema: Schema, key: string, fields: readonly string[] | 'delete') => void
  /** Warns once per Pinia and `key`, in dev only (does nothing in production). */
  warn: (key: string, message: string) => void
}

/** What deleting a record does to a related record: delete it too, or set `fields` to null. */
export type DeleteRule = 'cascade' | 'set null'

/** Collects what a delete does, so every store is written once. */
export interface DeletePlan {
  remove: (schema: Schema, key: string) => void
  nullify: (schema: Schema, key: string, fields: readonly string[]) => void
}

/** The records one parent links to: ids in `schema`'s store, and for pivot relations the pivot ids at the same positions. */
export interface Linked {
  readonly schema: Schema
  readonly ids: readonly string[]
  readonly pivots?: readonly string[]
}

/** Finds the linked records of a parent record in the current data. */
export type LinkReader = (parent: StoredRecord) => Linked | undefined

/** Ids of records by the values of some fields; see `FkIndex`. */
export interface KeyLookup {
  get: (value: string) => readonly string[] | undefined
}

/** What a relation needs from the database (one per Pinia) it is bound to. */
export interface RelationHost {
  /** Resolves (and registers) a related model given as class, thunk or entity name. */
  schemaOf: (ref: RelatedRef, owner: Schema, field: string) => Schema
  data: (entity: string) => Record<string, StoredRecord>
  /** The index of `entity`'s records by `fields`, kept per Pinia. */
  index: (entity: string, fields: readonly string[], data: Record<string, StoredRecord>) => KeyLookup
  /** The registered models of the same entity as `schema` in other namespaces. */
  twinsOf: (schema: Schema) => Schema[]
}

/**
 * A relation of one model bound to one database: resolved, checked, and able to read, save and
 * unlink its records. Built once per Pinia and relation.
 */
export interface RelationLink {
  readonly owner: Schema
  readonly field: string
  readonly many: boolean
  /** The related model (for morphTo, the first listed). */
  readonly related: Schema
  /** Every model the related records may belong to (several only for morphTo). */
  readonly targets: readonly Schema[]
  /** Equal keys on both sides, for relations matched that way (hasOne, hasMany, belongsTo): the fast path. */
  readonly keys?: { readonly parent: readonly string[], readonly related: readonly string[] }
  /** The pivot model and the name each related instance carries its pivot under. */
  readonly pivot?: { readonly schema: Schema, readonly as: string }
  /** The intermediate model the reader goes through (hasManyThrough), whose writes change what it links. */
  readonly through?: Schema
  /** The fields of the parent record a nested save under this relation sets (belongsTo's foreign key, morphTo's id and type, hasManyBy's list of keys). */
  readonly setsOnParent?: readonly string[]
  /** A reader over the data as it is now. */
  reader: () => LinkReader
  /** Splits nested input under this relation's field into records; see `NormalizeVisitor`. */
  normalize: (visitor: NormalizeVisitor, parent: SavedNode, value: unknown) => SavedLink
  /** Applies the relation's delete rule (given) for a deleted parent record. */
  deleted: (parent: StoredRecord, rule: DeleteRule, plan: DeletePlan, read: LinkReader) => void
}

/**
 * The contract every relation type fulfils: it names its related model, holds one record or a list,
 * may carry a delete rule, and binds to a database as a {@link RelationLink}.
 */
export abstract class Relation<R extends RelatedModel = RelatedModel> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** A blank instance of the model whose field this is (pinia-orm's `parent`). */
  declare readonly parent: ModelInstance
  /** A blank instance of the related model (of a morphTo: of the parent, as in pinia-orm); `undefined` when it is named by entity. */
  declare readonly related: ModelInstance | undefined
  /** The delete rule `onDelete()` set, if any. */
  declare readonly onDeleteMode: DeleteRule | undefined

  /** @internal */
  readonly _related: RelatedRef<R> | readonly RelatedRef<R>[]
  /** @internal */
  _onDelete: DeleteRule | undefined

  /** Whether the relation holds a list (`true`) or a single record or `null` (`false`). */
  abstract readonly many: boolean

  constructor(related: RelatedRef<R> | readonly RelatedRef<R>[]) {
    this._related = related
  }

  /**
   * What deleting a record (`destroy`, `delete`, `flush`) does to the records this relation links
   * it to: `'cascade'` deletes them too, `'set null'` sets their keys to `null`.
   */
  onDelete(rule: DeleteRule): this {
    this._onDelete = rule
    return this
  }

  /**
   * Fields of the owner model this relation keeps its keys in, added as attributes (default
   * `null`) when `fields()` leaves them out.
   *
   * @internal
   */
  _ownFields(): readonly string[] {
    return []
  }

  /**
   * Whether the relation writes its owner's entity into a type column (morphOne, morphMany,
   * morphToMany), where a model of the same entity in another namespace would write the same.
   *
   * @internal
   */
  _typesOwner(): boolean {
    return false
  }

  /**
   * Keys of the owner's input, other than its field, that this relation reads (so no dev warning
   * calls them unknown).
   *
   * @internal
   */
  _ownInputKeys(): readonly string[] {
    return []
  }

  /**
   * Resolves the related models through `host`, checks the keys and returns the bound relation.
   *
   * @internal
   */
  abstract _bind(host: RelationHost, owner: Schema, field: string): RelationLink
}

/**
 * `'userId'` or `['userId', 'teamId']` as a list of field names.
 *
 * @internal
 */
export function toFieldList(key: string | readonly string[]): readonly string[] {
  return typeof key === 'string' ? [key] : key
}

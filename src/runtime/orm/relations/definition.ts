import { modelOfRef } from '../relatedRef'
import { BelongsTo } from './belongsTo'
import { ChildrenRelation } from './children'
import { HasManyBy } from './hasManyBy'
import { HasManyThrough } from './hasManyThrough'
import { MorphTo } from './morphTo'
import { MorphedByMany } from './morphedByMany'
import { PivotRelation } from './pivot'
import type { RelatedRef, Relation, SchemaModel } from './Relation'

// pinia-orm's relation objects show their definition as public properties (`foreignKey`,
// `localKey`, `related`, `parent`, ...), which code reading `$fields()` uses: form builders,
// API helpers. Here a relation keeps its own internals; these properties give the same view, each
// read when asked, so a related model named by a function is not called before it exists.

/** A key as pinia-orm shows it: one field name, or the list of a composite key. */
type KeyForm = string | string[]

function keyForm(fields: readonly string[]): KeyForm {
  return fields.length === 1 ? fields[0]! : [...fields]
}

/** The model class a reference names, or `undefined` for an entity name. */
function classOf(ref: RelatedRef): SchemaModel | undefined {
  const model = modelOfRef(ref)
  return typeof model === 'function' ? model as unknown as SchemaModel : undefined
}

/** A blank instance of the model `ref` names, as pinia-orm's relations hold their models. */
function blankOf(ref: RelatedRef | SchemaModel): unknown {
  const model = typeof ref === 'function' && 'entity' in ref ? ref as SchemaModel : classOf(ref as RelatedRef)
  return model === undefined ? undefined : new model(undefined, { fill: false })
}

/** The primary key of the model `ref` names, as pinia-orm shows it (`undefined` for an entity name). */
function primaryKeyOf(ref: RelatedRef | SchemaModel): KeyForm | undefined {
  const model = typeof ref === 'function' && 'entity' in ref ? ref as SchemaModel : classOf(ref as RelatedRef)
  if (model === undefined)
    return undefined
  const key = model.primaryKey ?? 'id'
  return typeof key === 'string' ? key : [...key]
}

type Properties = Record<string, () => unknown>

/** `read`, run once: a relation's blank instances stay the same objects, as pinia-orm's. */
function once<T>(read: () => T): () => T {
  let done = false
  let value: T
  return () => {
    if (!done) {
      value = read()
      done = true
    }
    return value
  }
}

function propertiesOf(relation: Relation, owner: SchemaModel): Properties {
  const related = (Array.isArray(relation._related) ? relation._related[0] : relation._related) as RelatedRef
  const parent = once(() => blankOf(owner))
  // A morphTo's `related` is its parent in pinia-orm (its models are `relatedModels`).
  const common: Properties = { parent, related: relation instanceof MorphTo ? parent : once(() => blankOf(related)), onDeleteMode: () => relation._onDelete }
  if (relation instanceof ChildrenRelation) {
    const localKey = () => relation._localKey === undefined ? primaryKeyOf(owner) : keyForm(relation._localKey)
    return relation._type === undefined
      ? { ...common, foreignKey: () => keyForm(relation._foreignKey), localKey }
      : { ...common, morphId: () => relation._foreignKey[0], morphType: () => relation._type, localKey }
  }
  if (relation instanceof BelongsTo) {
    const ownerKey = () => relation._ownerKey === undefined ? primaryKeyOf(related) : keyForm(relation._ownerKey)
    return { ...common, child: common.related!, foreignKey: () => keyForm(relation._foreignKey), ownerKey }
  }
  if (relation instanceof HasManyBy)
    return { ...common, child: common.related!, foreignKey: () => relation._foreignKey, ownerKey: () => relation._ownerKey ?? primaryKeyOf(related) }
  if (relation instanceof HasManyThrough) {
    return {
      ...common,
      through: once(() => blankOf(relation._through)),
      firstKey: () => relation._firstKey,
      secondKey: () => relation._secondKey,
      localKey: () => relation._localKey ?? primaryKeyOf(owner),
      secondLocalKey: () => relation._secondLocalKey ?? primaryKeyOf(relation._through),
    }
  }
  if (relation instanceof MorphTo) {
    const refs = relation._related as readonly RelatedRef[]
    return {
      ...common,
      relatedModels: once(() => refs.map(blankOf).filter(model => model !== undefined)),
      relatedTypes: once(() => Object.fromEntries(refs.map(classOf).filter(model => model !== undefined).map(model => [model.entity, blankOf(model)]))),
      morphId: () => relation._id,
      morphType: () => relation._type,
      ownerKey: () => relation._ownerKey ?? '',
    }
  }
  if (relation instanceof PivotRelation) {
    const fields = relation._fields
    const keys: Properties = {
      pivot: once(() => blankOf(relation._pivot)),
      parentKey: () => relation._parentKey ?? primaryKeyOf(owner),
      relatedKey: () => relation._relatedKey ?? primaryKeyOf(related),
      pivotKey: () => relation._as,
    }
    if (fields.type === undefined)
      return { ...common, ...keys, foreignPivotKey: () => fields.parent[0], relatedPivotKey: () => fields.related }
    // pinia-orm's argument names: morphToMany(related, pivot, relatedId, id, type), and the same
    // for morphedByMany, whose pivot holds the owner's key in `relatedId`.
    const inverse = relation instanceof MorphedByMany
    return {
      ...common,
      ...keys,
      relatedId: () => inverse ? fields.parent[0] : fields.related,
      morphId: () => inverse ? fields.related : fields.parent[0],
      morphType: () => fields.type!.field,
    }
  }
  return common
}

/**
 * Gives `relation`, a field of `owner`, pinia-orm's public properties: own and enumerable (a
 * spread of the relation copies them, as of pinia-orm's), each computed when read.
 *
 * @internal
 */
export function _definePiniaOrmProperties<R extends Relation>(relation: R, owner: SchemaModel): R {
  for (const [name, get] of Object.entries(propertiesOf(relation, owner)))
    Object.defineProperty(relation, name, { get, enumerable: true, configurable: true })
  return relation
}

import { Attr, Attribute } from './attributes'
import { createOrmError } from './errors'
import { withDecoratedFields } from './decorators/registry'
import type { DecoratedClass } from './decorators/registry'
import { checkFieldName, checkFieldsObject } from './fieldNames'
import { Relation } from './relations/Relation'
import type { ModelInstance, Schema, SchemaDatabase, SchemaModel } from './relations/Relation'
import type { StoredRecord } from './keys'
import { _buildFeatures } from './features'
import { _modelEntityOf } from './modelInfo'
import type { InfoModel } from './modelInfo'
import { _fillFor } from './compiledFill'
import { describeKeyValue } from './keyValues'
import type { ModelFeatures } from './features'
import { _stripHidden } from './visibility'
import type { VisibilityStatics } from './visibility'
import { _warnUnknownVisibilityNames } from './visibilityNames'
import { _stripByDefaults } from './modelDefaults'

export type { Schema } from './relations/Relation'

const SCHEMA = Symbol('nuxt-pinia-orm:schema')
/** `Model._newIn`: an instance of `model` read from `db`, no field filled. */
type NewIn = (model: SchemaModel, db: SchemaDatabase | undefined) => StoredRecord
/** An instance with the stored attributes of `record`, read from `db`. */
type Filled = (record: StoredRecord, db: SchemaDatabase | undefined) => StoredRecord

/**
 * The schema of a model class, built on first use and kept on that class (not inherited by
 * subclasses, which have their own fields).
 *
 * @internal
 */
export function getSchema(model: SchemaModel): Schema {
  if (Object.prototype.hasOwnProperty.call(model, SCHEMA))
    return (model as unknown as { [SCHEMA]: Schema })[SCHEMA]
  const schema = buildSchema(model)
  Object.defineProperty(model, SCHEMA, { value: schema, enumerable: false })
  // V8 gives objects built field by field a chain of hidden classes (one per field added), kept
  // only while an object has them. When every instance (or stored record) of a model is garbage,
  // as between two server requests, the next full GC drops that chain, and with it the optimized
  // code of every function that makes or reads them (the constructor, the compiled fill, the
  // readers): the next request runs them unoptimized and pays to optimize them again. One blank
  // instance and one blank record per model keep the chains (bench/README.md, "Hidden classes").
  // Only a speed-up: a constructor of the user's that refuses a blank instance loses nothing else.
  try {
    schema.shapes = schema.makeShapes()
  }
  catch {
    // No blank objects: instances are made and read as before, only optimized less often.
  }
  return schema
}

/** The relation, once its `onDelete()` rule is one the ORM applies (a typo once acted as 'set null'). */
function checkedDeleteRule(name: string, field: string, relation: Relation): Relation {
  const rule: unknown = relation._onDelete
  // onDelete(null) is no rule, as in pinia-orm.
  if (rule === null)
    relation._onDelete = undefined
  else if (rule !== undefined && rule !== 'cascade' && rule !== 'set null')
    throw createOrmError(`${name}.${field} has onDelete(${typeof rule === 'string' ? `'${rule}'` : describeKeyValue(rule)}): the rules are 'cascade' (delete the linked records too) and 'set null' (set their keys to null); leave onDelete() out to leave them as they are.`)
  return relation
}

/** `static primaryKey` as a list of distinct field names that are not relations. */
function checkedPrimaryKey(name: string, key: unknown, relations: ReadonlyMap<string, Relation>): readonly string[] {
  const fields = typeof key === 'string' ? [key] : key
  if (!Array.isArray(fields) || fields.length === 0 || fields.some(field => typeof field !== 'string' || field === ''))
    throw createOrmError(`${name} has \`static primaryKey = ${Array.isArray(key) ? JSON.stringify(key) : describeKeyValue(key)}\`: it names the key field (\`'id'\`, the default) or, for a composite key, a list of at least one field (\`['userId', 'roleId']\`).`)
  const names = fields as string[]
  const twice = names.find((field, i) => names.indexOf(field) !== i)
  if (twice !== undefined)
    throw createOrmError(`${name}'s primaryKey names '${twice}' twice (${JSON.stringify(names)}). Name each key field once.`)
  const relation = names.find(field => relations.has(field))
  if (relation !== undefined)
    throw createOrmError(`${name}'s primaryKey names '${relation}', which is a relation of ${name}. A key field is an attribute, e.g. \`${relation}Id: this.attr(null)\`.`)
  return names
}

function buildSchema(model: SchemaModel): Schema {
  const name = model.name || 'AnonymousModel'
  const entity = model.entity
  if (typeof entity !== 'string' || entity === '')
    throw createOrmError(`Model ${name} has no entity. Add \`static entity = '...'\` naming its store, e.g. \`static entity = '${name.toLowerCase()}s'\`.`)
  // Pinia finds a store's state as `pinia.state.value[id]`: under such a name it would find the
  // prototype's member, and the records would land on a built-in shared by every request.
  if (entity in Object.prototype)
    throw createOrmError(`Model ${name} has the entity '${entity}', a name every JavaScript object already has (Object.prototype.${entity}), so its store could not be told from it. Choose another entity, e.g. \`static entity = '${name.toLowerCase()}s'\`.`)
  const namespace = (model as { namespace?: unknown }).namespace
  if (namespace !== undefined && namespace !== null && typeof namespace !== 'string')
    throw createOrmError(`Model ${name} has \`static namespace = ${describeKeyValue(namespace)}\`: a namespace is a string, prefixed to the store id (\`'app'\` gives 'app/${entity}').`)

  let fields: unknown
  try {
    fields = model.fields()
  }
  catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw createOrmError(`${name}.fields() never returns: it calls itself, directly or through another model's fields() (${error.message}). Return the fields as an object literal; refer to related models only inside relations, e.g. this.hasMany(Post, 'userId').`, { cause: error })
    throw error
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields))
    throw createOrmError(`${name}.fields() must return an object of fields, e.g. \`{ id: this.attr(null) }\`, not ${describeKeyValue(fields)}.`)
  checkFieldsObject(name, fields)
  const allFields = withDecoratedFields(model as unknown as DecoratedClass, name, fields as never) as Record<string, unknown>

  const attributes = new Map<string, Attribute>()
  const relations = new Map<string, Relation>()
  for (const [field, definition] of Object.entries(allFields)) {
    checkFieldName(model as never, name, field)
    if (definition instanceof Attribute)
      attributes.set(field, definition)
    else if (definition instanceof Relation)
      relations.set(field, checkedDeleteRule(name, field, definition))
    else
      throw createOrmError(`${name}.fields() gives '${field}' a value that is not a field. Make it with this.attr(), this.string(), this.number(), this.boolean(), this.uid(), or a relation such as this.hasOne(), this.hasMany(), this.belongsTo() or this.belongsToMany().`)
  }

  // A belongsTo's foreign key (a hasManyBy's key list) is this model's own field even when fields()
  // leaves it out (as in `user: this.belongsTo(User, 'userId')` with no `userId` attribute): keep
  // it, default null.
  for (const relation of relations.values()) {
    for (const key of relation._ownFields()) {
      if (!attributes.has(key))
        attributes.set(key, new Attr(null))
    }
  }

  const primaryKey = checkedPrimaryKey(name, model.primaryKey ?? 'id', relations)
  // As in pinia-orm, a key fields() leaves out is an attribute defaulting to null.
  for (const key of primaryKey) {
    if (!attributes.has(key))
      attributes.set(key, new Attr(null))
  }

  const features = _buildFeatures(model as never, name, attributes, new Set(relations.keys()))
  _warnUnknownVisibilityNames(model as VisibilityStatics, name, field => attributes.has(field) || relations.has(field))

  const attributeNames = [...attributes.keys()]
  const attributeList = [...attributes.values()]
  // A default stored by a save takes the field's cast and mutator `set`, as a value given does
  // (pinia-orm converts defaults too): a DateCast field defaulting to a Date keeps its ISO string.
  const convertDefault = _defaultConversions(features?.conversions, attributeNames)
  // Model._newIn, reached through the class: schema.ts cannot import Model.ts (it imports this file).
  const newIn = (model as unknown as { _newIn: NewIn })._newIn
  const fill = _fillFor(attributeNames, attributeList)
  /** The instance with its stored attributes, read from `db`. */
  const filled: Filled = (record, db) => {
    const instance = newIn(model, db)
    fill(instance, record)
    return instance
  }

  function hydrate(record: StoredRecord, db?: SchemaDatabase): ModelInstance {
    const instance = filled(record, db)
    if (db?._defaults)
      _stripByDefaults(db._defaults, getSchema(model), instance)
    return instance as unknown as ModelInstance
  }

  return {
    model,
    name,
    // The database's key: `namespace/entity` with the model's own namespace (the base model's under
    // single-table inheritance), as `modelEntity()` gives it without a Pinia. A Pinia-wide default
    // namespace names stores only: the same for every model, it tells no two apart.
    entity: _modelEntityOf((features?.inheritance?.root ?? model) as unknown as InfoModel),
    type: features?.inheritance?.entity ?? entity,
    primaryKey,
    attributeNames,
    attributes,
    relations,
    relationNames: [...relations.keys()],
    relationList: [...relations.values()],
    features,
    hydrate: features ? hydrateWithFeatures(model, features, attributeNames, hydrate, filled) : hydrate,
    makeShapes() {
      // An id field holds '' rather than null, which would draw an id: only saves and new
      // instances draw ids, so an app's test that mocks the id source counts one per record.
      const blank = Object.fromEntries(attributeNames.map((field, i) => [field, attributeList[i]!._generated ? '' : null]))
      return [filled(blank, undefined), this.withDefaults(blank)]
    },
    shapes: [],
    lastVisitor: undefined,
    withDefaults(values, keys) {
      const record: StoredRecord = {}
      for (let i = 0; i < attributeNames.length; i++) {
        const field = attributeNames[i]!
        let value = keys === undefined ? undefined : keys[field]
        if (value === undefined)
          value = values[field]
        if (value === undefined) {
          value = attributeList[i]!._makeDefault()
          const convert = convertDefault?.[i]
          if (convert !== undefined && value !== null && value !== undefined)
            value = convert(value)
        }
        else if (value === null && attributeList[i]!._generated) {
          // An id field (this.uid(), an id cast) given null gets a new id, as in pinia-orm.
          value = attributeList[i]!._makeDefault()
        }
        record[field] = value
      }
      return record
    },
  }
}

/** A hydrate that dispatches to subclasses, applies casts and mutators, and hides fields. */
function hydrateWithFeatures(model: SchemaModel, features: ModelFeatures, names: readonly string[], plain: Schema['hydrate'], filled: Filled): Schema['hydrate'] {
  const { inheritance, visibility } = features
  const read = features.conversions?.read
  if (!inheritance && !visibility && (!read || read.size === 0))
    return plain
  // The conversions as two arrays: walking a Map for every record read would allocate its entries.
  const readFields = read ? [...read.keys()] : []
  const readConverts = read ? [...read.values()] : []
  return (record, db) => {
    if (inheritance) {
      const type = inheritance.classOf(record[inheritance.typeKey])
      if (type && type !== model)
        return getSchema(type).hydrate(record, db)
    }
    // The fields its Pinia's model defaults hide go after the casts.
    const instance = filled(record, db)
    for (let i = 0; i < readFields.length; i++) {
      const field = readFields[i]!
      instance[field] = readConverts[i]!(instance[field])
    }
    if (visibility)
      _stripHidden(instance, names, visibility)
    if (db?._defaults)
      _stripByDefaults(db._defaults, getSchema(model), instance)
    return instance as unknown as ModelInstance
  }
}

/**
 * The schema a record of `schema`'s model is saved with: a subclass's when single-table inheritance
 * maps the record's type to one.
 *
 * @internal
 */
export function _schemaForRecord(schema: Schema, record: StoredRecord): Schema {
  const inheritance = schema.features?.inheritance
  const type = inheritance?.classOf(record[inheritance.typeKey])
  return type && type !== schema.model && type.prototype instanceof schema.model ? getSchema(type) : schema
}

/**
 * The schema a save through `schema`'s model writes a record with, under single-table inheritance:
 * that of the class its `type` value names, any class of the hierarchy (a save through `Kid` of a
 * record typed `'ADULT'` saves an `Adult`, as in pinia-orm); `schema` itself when it gives none;
 * the hierarchy's base when the value names no class, as a read of it gives a base instance.
 *
 * @internal
 */
export function _schemaOfType(schema: Schema, type: unknown): Schema {
  if (type === undefined || type === null)
    return schema
  const inheritance = schema.features!.inheritance!
  const model = inheritance.classOf(type) ?? inheritance.root
  return model === schema.model ? schema : getSchema(model)
}

/**
 * Whether a write of `values` over `stored` changes the record's type under single-table
 * inheritance.
 *
 * @internal
 */
export function _retyped(schema: Schema, stored: StoredRecord, values: StoredRecord): boolean {
  const typeKey = schema.features!.inheritance!.typeKey
  return values[typeKey] !== undefined && values[typeKey] !== stored[typeKey]
}

/**
 * Whether the primary key is generated when missing (every field of it is a `uid`, or has an id
 * cast such as `UidCast`).
 *
 * @internal
 */
export function hasGeneratedKey(schema: Schema): boolean {
  return schema.primaryKey.every(field => schema.attributes.get(field)?._generated === true)
}

/**
 * The write conversion of each attribute whose default a save converts, by attribute index, or
 * `undefined` when none has one. Fields whose default a cast makes (the id casts) are left out:
 * that default is already in stored form.
 */
function _defaultConversions(conversions: ModelFeatures['conversions'], names: readonly string[]): ((value: unknown) => unknown)[] | undefined {
  if (!conversions || conversions.write.size === 0)
    return undefined
  const list: ((value: unknown) => unknown)[] = []
  for (let i = 0; i < names.length; i++) {
    const convert = conversions.write.get(names[i]!)
    if (convert !== undefined && !conversions.defaults.has(names[i]!))
      list[i] = convert
  }
  return list.length === 0 ? undefined : list
}

import { Attr, Attribute, Uid } from './attributes'
import { createOrmError } from './errors'
import { Relation, toFieldList } from './relations/Relation'
import type { ModelInstance, Schema, SchemaModel } from './relations/Relation'
import type { StoredRecord } from './keys'

export type { Schema } from './relations/Relation'

const SCHEMA = Symbol('nuxt-pinia-orm:schema')
const NO_FILL = Object.freeze({ fill: false })

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
  return schema
}

function buildSchema(model: SchemaModel): Schema {
  const name = model.name || 'AnonymousModel'
  const entity = model.entity
  if (typeof entity !== 'string' || entity === '')
    throw createOrmError(`Model ${name} has no entity. Add \`static entity = '...'\` naming its store, e.g. \`static entity = '${name.toLowerCase()}s'\`.`)

  const fields = model.fields()
  if (fields === null || typeof fields !== 'object')
    throw createOrmError(`${name}.fields() must return an object of fields, e.g. \`{ id: this.attr(null) }\`.`)

  const attributes = new Map<string, Attribute>()
  const relations = new Map<string, Relation>()
  for (const [field, definition] of Object.entries(fields)) {
    if (definition instanceof Attribute)
      attributes.set(field, definition)
    else if (definition instanceof Relation)
      relations.set(field, definition)
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

  const primaryKey = toFieldList(model.primaryKey ?? 'id')
  for (const key of primaryKey) {
    if (!attributes.has(key))
      throw createOrmError(`${name}.primaryKey names '${key}', which is not an attribute of ${name}. Declare it in fields(), e.g. \`${key}: this.attr(null)\` or \`${key}: this.uid()\`.`)
  }

  const attributeNames = [...attributes.keys()]
  const attributeList = [...attributes.values()]

  return {
    model,
    name,
    entity,
    primaryKey,
    attributeNames,
    attributes,
    relations,
    relationNames: [...relations.keys()],
    relationList: [...relations.values()],
    hydrate(record) {
      const instance = new model(undefined, NO_FILL) as unknown as StoredRecord
      for (let i = 0; i < attributeNames.length; i++) {
        const field = attributeNames[i]!
        const value = record[field]
        instance[field] = value === undefined ? attributeList[i]!._makeDefault() : value
      }
      return instance as unknown as ModelInstance
    },
    withDefaults(values, keys) {
      const record: StoredRecord = {}
      for (let i = 0; i < attributeNames.length; i++) {
        const field = attributeNames[i]!
        let value = keys === undefined ? undefined : keys[field]
        if (value === undefined)
          value = values[field]
        record[field] = value === undefined ? attributeList[i]!._makeDefault() : value
      }
      return record
    },
  }
}

/**
 * Whether the primary key is generated when missing (every field of it is a `uid`).
 *
 * @internal
 */
export function hasGeneratedKey(schema: Schema): boolean {
  return schema.primaryKey.every(field => schema.attributes.get(field) instanceof Uid)
}

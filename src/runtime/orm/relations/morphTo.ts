import { createOrmError } from '../errors'
import { checkKeys, checkTypeColumn, finder } from './lookup'
import { Relation } from './Relation'
import type { LinkReader, NormalizeVisitor, RelatedModel, RelatedRef, RelationHost, RelationLink, SavedNode, Schema, ModelInstance } from './Relation'

/** The model a related reference stands for: the class, what the function returns, or any model for a name. */
export type RefModel<T> = T extends string ? RelatedModel : T extends () => infer R ? Extract<R, RelatedModel> : Extract<T, RelatedModel>

/**
 * The record this record points to in one of several models: its `type` field holds the related
 * model's entity and its `id` field that record's `ownerKey` (by default its primary key). An image
 * belongs to a user or a post by `imageableId` and `imageableType`. A type naming none of the
 * listed models loads `null`.
 */
export class MorphTo<R extends RelatedModel = RelatedModel> extends Relation<R> {
  // pinia-orm's public view of the definition, read-only (see definition.ts): each computed when read.
  /** A blank instance of each listed model. */
  declare readonly relatedModels: ModelInstance[]
  /** The listed models' blank instances by entity. */
  declare readonly relatedTypes: Record<string, ModelInstance>
  /** This record's field holding the owner's key. */
  declare readonly morphId: string
  /** This record's field holding the owner's entity. */
  declare readonly morphType: string
  /** The owners' field holding the key, `''` for each one's primary key. */
  declare readonly ownerKey: string

  readonly many = false as const
  /** @internal */
  readonly _id: string
  /** @internal */
  readonly _type: string
  /** @internal */
  readonly _ownerKey: string | undefined

  constructor(related: readonly RelatedRef<R>[], id: string, type: string, ownerKey?: string) {
    super(related)
    this._id = id
    this._type = type
    this._ownerKey = ownerKey === '' ? undefined : ownerKey
  }

  _bind(host: RelationHost, owner: Schema, field: string): RelationLink {
    const name = `${owner.name}.${field}`
    const refs = this._related as readonly RelatedRef[]
    if (!Array.isArray(refs) || refs.length === 0)
      throw createOrmError(`${name} is a morphTo relation: give the list of models it may point to, e.g. this.morphTo([User, Post], 'imageableId', 'imageableType').`)
    const targets = refs.map(ref => host.schemaOf(ref, owner, field))
    const { _id: id, _type: type } = this
    const idAndType = [id, type]
    if (!owner.attributes.has(type))
      throw createOrmError(`${name} is a morphTo relation whose type column '${type}' is not an attribute of ${owner.name}. Declare it in ${owner.name}.fields(), e.g. \`${type}: this.string('')\`.`)
    checkKeys([id], owner, name)
    const byEntity = new Map<string, { schema: Schema, keys: readonly string[] }>()
    for (const schema of targets) {
      const keys = this._ownerKey === undefined ? schema.primaryKey : [this._ownerKey]
      checkKeys(keys, schema, name)
      const listedBefore = byEntity.get(schema.type)?.schema
      if (listedBefore && listedBefore.entity !== schema.entity)
        throw createOrmError(`${name} lists ${listedBefore.name} and ${schema.name}, two models of the entity '${schema.type}' in different namespaces: its type column holds the entity only, as in pinia-orm, so it cannot tell them apart. List one of them.`)
      byEntity.set(schema.type, { schema, keys })
    }
    for (const schema of targets)
      checkTypeColumn(host, schema, name, 'related')
    const reader = (): LinkReader => {
      const finders = new Map<string, (key: string) => readonly string[]>()
      return (parent) => {
        const entity = parent[type]
        const value = parent[id]
        if (typeof entity !== 'string' || value === null || value === undefined)
          return undefined
        const target = byEntity.get(entity)
        if (!target)
          return undefined
        let find = finders.get(entity)
        if (!find)
          finders.set(entity, find = finder(host, target.schema, target.keys))
        return { schema: target.schema, ids: find(String(value)) }
      }
    }
    const listed = targets.map(schema => `'${schema.type}'`).join(', ')
    return {
      owner,
      field,
      many: false,
      related: targets[0]!,
      targets,
      setsOnParent: [id, type],
      reader,
      normalize(visitor: NormalizeVisitor, parent: SavedNode, value: unknown) {
        if (value === null) {
          // As a belongsTo's: the id and type go, but those the record gives.
          for (const key of idAndType) {
            if (!visitor.gives([key]))
              parent.attributes[key] = null
          }
          return null
        }
        if (typeof value !== 'object' || Array.isArray(value))
          visitor.fail(`${name} is a morphTo relation: save an object or null under '${field}', not ${Array.isArray(value) ? 'an array' : typeof value}.`)
        const entity = parent.attributes[type]
        const target = typeof entity === 'string' ? byEntity.get(entity) : undefined
        if (!target)
          visitor.fail(`${name} cannot tell which model the nested record is: give '${type}' one of ${listed} in the saved ${owner.name} record.`)
        const node = visitor.visit(target.schema, value, undefined, `.${field}`)
        const ownerValue = node.attributes[target.keys[0]!]
        if (ownerValue === null || ownerValue === undefined)
          visitor.fail(`${name} cannot link its ${target.schema.entity}: the ${target.schema.name} record ${node.key} has no value in '${target.keys[0]}'. Include it in the saved record.`)
        parent.attributes[id] = ownerValue
        return node
      },
      deleted(parent, rule, plan, read) {
        if (rule !== 'cascade')
          return
        const linked = read(parent)
        for (const key of linked?.ids ?? [])
          plan.remove(linked!.schema, key)
      },
    }
  }
}

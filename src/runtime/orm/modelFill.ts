import { createOrmError } from './errors'
import { warnAboutMadeTypes } from './inputWarnings'
import type { ModelInstance, RelatedRef, Relation, Schema, SchemaModel } from './relations/Relation'
import type { StoredRecord } from './keys'
import { modelOfRef } from './relatedRef'
import { getSchema } from './schema'
import type { ModelOptions } from './types'
import { _buildVisibility, _stripHidden } from './visibility'
import { _filledEmpty, _markFilledEmpty, _stillEmpty, _unmarkFilledEmpty } from './filledRelations'

/** The constructor options of an instance its caller fills (or leaves empty) itself. @internal */
export const NO_FILL: ModelOptions = Object.freeze({ fill: false })

/** The constructor options this library has; pinia-orm's others are refused by name. */
const OPTIONS: ReadonlySet<string> = new Set(['fill', 'relations', 'hidden', 'visible', 'operation', 'action'])
const OPERATIONS: ReadonlySet<string> = new Set(['get', 'set'])
const ACTIONS: ReadonlySet<string> = new Set(['save', 'update', 'insert'])

/**
 * What the model constructor and `$fill(attributes, options)` do (pinia-orm's `$fill`):
 * - each attribute is set from `attributes`; one they leave out keeps the value the instance
 *   already has (an instance filled for the first time has none) or gets its default. Values set
 *   go through the model's read conversions (casts' `get`, mutators); a value kept is not
 *   converted again;
 * - unless `relations: false`, each relation is set too: nested data become instances of the
 *   related model (filled the same way), and a relation left out is `[]` (to-many) or `null`
 *   (to-one), or keeps what the instance has;
 * - `hidden` leaves fields off the instance; `visible`, when not empty, keeps only the attributes
 *   it names and the primary key (as `static hidden` and `static visible` do for query results);
 * - pinia-orm's `operation: 'get'` makes the instance a query would give (read conversions, and
 *   the model's own hidden fields left off); `operation: 'set'` the record a save would store
 *   (write conversions: mutators' `set`, then casts'), with `_meta` filled for a model that keeps
 *   it (`action: 'update'` keeps the `createdAt` the attributes give).
 *
 * Never on the read path: the ORM builds the instances a query returns without filling them.
 *
 * @internal
 */
export function _fill(schema: Schema, instance: StoredRecord, attributes: StoredRecord, options: ModelOptions | undefined, warnNulls = true): void {
  if (attributes === null || typeof attributes !== 'object')
    throw createOrmError(`new ${schema.name}() and $fill() take an object of attributes (or nothing), not ${attributes === null ? 'null' : typeof attributes}.`)
  if (options !== undefined)
    checkOptions(schema, options)
  const operation = options?.operation
  fillAttributes(schema, instance, attributes, operation === 'set')
  if (process.env.NODE_ENV !== 'production' && warnNulls) {
    warnNotNullable(schema, instance, attributes)
    warnAboutMadeTypes(schema, attributes)
  }
  if (operation === 'set' && schema.features?.meta)
    fillMeta(instance, attributes, options!.action)
  if (options?.relations !== false)
    fillRelations(schema, instance, attributes, new Map([[attributes, instance as unknown as ModelInstance]]))
  const own = operation === 'get' ? schema.features?.visibility : undefined
  if (own)
    _stripHidden(instance, schema.attributeNames, own)
  const hidden = options?.hidden ?? []
  const visible = options?.visible ?? []
  const visibility = _buildVisibility(hidden, visible.length > 0 ? [...visible, ...schema.primaryKey] : [])
  if (visibility) {
    _stripHidden(instance, schema.attributeNames, visibility)
    for (const field of hidden) {
      if (schema.relations.has(field))
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a relation field of the model
        delete instance[field]
    }
  }
}

/** An instance that `$fill` fills. */
interface Fillable<I> {
  $fill: (attributes: Record<string, unknown>, options?: ModelOptions) => I
}

/**
 * A new instance of `model` filled from `attributes` (as `$fill(attributes, options)` does) once
 * constructed, so that class fields of the model (`@Attr() id!: number` compiled with define
 * semantics) cannot overwrite the values afterwards.
 *
 * @internal
 */
export function _madeInstance<I extends Fillable<I>>(model: new (attributes: undefined, options: ModelOptions) => I, attributes: Record<string, unknown>, options?: ModelOptions): I {
  return new model(undefined, NO_FILL).$fill(attributes, options)
}

/**
 * An instance filled with every field's default, warning about none (pinia-orm's `getModel()`
 * is an instance nobody filled, so it warns about nothing).
 *
 * @internal
 */
export function _defaultsInstance<I>(model: new (attributes: undefined, options: ModelOptions) => I): I {
  const instance = new model(undefined, NO_FILL)
  _fill(getSchema(model as unknown as SchemaModel), instance as StoredRecord, {}, { relations: false }, false)
  return instance
}

/**
 * `null` given to a `.notNullable()` field (a typed one: string, number, boolean): a dev warning
 * each time, as pinia-orm's constructor, `make()` and `$fill()` give one. A field left out keeps
 * its default without a word, as there (a save warns once per Pinia, also for a left-out field).
 */
function warnNotNullable(schema: Schema, instance: StoredRecord, given: StoredRecord): void {
  const fields = schema.features?.notNullable
  if (fields === undefined)
    return
  for (const field of fields) {
    if (given[field] === null && instance[field] === null)
      console.warn(`[nuxt-pinia-orm] ${schema.name}.${field} is declared notNullable(), but ${schema.name} is given null there. Give it a value, or drop .notNullable() if null is valid.`)
  }
}

function checkOptions(schema: Schema, options: ModelOptions): void {
  for (const key of Object.keys(options)) {
    if (!OPTIONS.has(key))
      throw createOrmError(`new ${schema.name}(attributes, { ${key} }): the option '${key}' is not supported yet, see docs/migration-from-pinia-orm.md. The options are: ${[...OPTIONS].join(', ')}.`)
  }
  checkChoice(schema, 'operation', options.operation, OPERATIONS)
  checkChoice(schema, 'action', options.action, ACTIONS)
}

function checkChoice(schema: Schema, option: string, value: unknown, choices: ReadonlySet<string>): void {
  if (value !== undefined && !choices.has(value as string))
    throw createOrmError(`new ${schema.name}(attributes, { ${option}: ${JSON.stringify(value)} }): '${option}' is one of ${[...choices].map(choice => `'${choice}'`).join(', ')}.`)
}

/** Sets the attributes; `stored` converts them as a save stores them, else as a read shows them. */
function fillAttributes(schema: Schema, instance: StoredRecord, attributes: StoredRecord, stored = false): void {
  const conversions = stored ? schema.features?.conversions?.write : schema.features?.conversions?.read
  for (const [field, attribute] of schema.attributes) {
    let value = attributes[field]
    if (value === undefined) {
      if (instance[field] !== undefined)
        continue
      value = attribute._makeDefault()
    }
    else if (value === null && attribute._generated) {
      // An id field (this.uid(), an id cast) given null gets a new id, as in pinia-orm.
      value = attribute._makeDefault()
    }
    const convert = conversions?.get(field)
    instance[field] = convert ? convert(value) : value
  }
}

/** `_meta` as a save of the record would keep it (seconds since the epoch, as pinia-orm's). */
function fillMeta(instance: StoredRecord, attributes: StoredRecord, action: ModelOptions['action']): void {
  const now = Math.floor(Date.now() / 1000)
  const given = attributes._meta as { createdAt?: number } | null | undefined
  instance._meta = { createdAt: action === 'update' ? given?.createdAt ?? now : now, updatedAt: now }
}

/**
 * `made` maps each nested object to its instance, so input that repeats an object (or cycles) ends.
 * A model instance given as nested data is copied into a new one, as pinia-orm does.
 */
function fillRelations(schema: Schema, instance: StoredRecord, attributes: StoredRecord, made: Map<object, ModelInstance>): void {
  // An instance given as the attributes (nested data copied, `new Model(instance)`) passes on which
  // of its relations nobody gave: still empty, they are as left out here.
  const filled = _filledEmpty(attributes)
  for (const [field, relation] of schema.relations) {
    const value = attributes[field]
    if (value === undefined || (filled !== undefined && _stillEmpty(filled, field, value))) {
      if (instance[field] === undefined) {
        const empty = relation.many ? [] : null
        instance[field] = empty
        _markFilledEmpty(instance, field, empty)
      }
      continue
    }
    // Given a value (`$fill({ phone: null })` included): a request like any other.
    _unmarkFilledEmpty(instance, field)
    const related = relatedModel(relation, attributes)
    instance[field] = related === undefined
      ? value
      : Array.isArray(value)
        ? value.map(item => toInstance(related, item, made))
        : toInstance(related, value, made)
  }
}

function toInstance(model: SchemaModel, value: unknown, made: Map<object, ModelInstance>): unknown {
  if (value === null || typeof value !== 'object')
    return value
  let instance = made.get(value)
  if (!instance) {
    instance = new model(undefined, NO_FILL)
    made.set(value, instance)
    const schema = getSchema(model)
    const record = instance as unknown as StoredRecord
    fillAttributes(schema, record, value as StoredRecord)
    fillRelations(schema, record, value as StoredRecord, made)
  }
  return instance
}

/**
 * The class nested data of `relation` become: the related model, or for a morphTo the listed model
 * whose entity the record's type field names. `undefined` when it cannot be known without a Pinia
 * (a related model given by entity name): the data are then kept as given.
 */
function relatedModel(relation: Relation, attributes: StoredRecord): SchemaModel | undefined {
  const refs = relation._related
  if (!Array.isArray(refs))
    return classOf(refs as RelatedRef)
  const type = attributes[(relation as { _type?: string })._type ?? '']
  for (const ref of refs as readonly RelatedRef[]) {
    const model = classOf(ref)
    if (model && model.entity === type)
      return model
  }
  return undefined
}

function classOf(ref: RelatedRef): SchemaModel | undefined {
  const model = modelOfRef(ref)
  return typeof model === 'string' ? undefined : model as SchemaModel | undefined
}

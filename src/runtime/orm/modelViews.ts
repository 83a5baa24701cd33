import type { ModelConfig } from './features'
import { _fieldsOf, _relationOf } from './modelInfo'
import type { InfoModel } from './modelInfo'
import { createOrmError } from './errors'
import type { Casts, Mutators } from './mutators'
import type { ModelInstance, RelatedModel, Relation, SchemaModel } from './relations/Relation'
import { getSchema } from './schema'
import type { Fields } from './types'

// Model's instance methods that are plain reads of its definition, installed on its prototype so
// that Model.ts stays one class of moderate size; and the pinia-orm methods it does not have,
// which throw saying so.

/**
 * pinia-orm's views of a model's definition that need no Pinia, on every model instance
 * (`Model.ts` merges this interface into the class and installs them on its prototype).
 */
export interface ModelDefinitionViews {
  /** The primary key's field name, or names for a composite key (as `$getKeyName()`). */
  $primaryKey(): string | string[]
  /**
   * The model's fields: its attributes (the primary key and the foreign keys its relations keep,
   * even when `fields()` leaves them out), then its relations.
   */
  $fields(): Fields
  /** The model's `static config`, or `{}`. */
  $config(): ModelConfig
  /** The entity of the store that keeps the records: the base model's under single-table inheritance. */
  $baseEntity(): string
  /** The field that holds the type under single-table inheritance (`static typeKey`). */
  $typeKey(): string
  /** The subclasses by type value (`static types()`). */
  $types(): Record<string, RelatedModel>
  /** The model's `static piniaOptions`, or `{}`. */
  $piniaOptions(): object
  /** The model's casts by field (`static casts()`, `@Cast` included). */
  $casts(): Casts
  /** The model's casts by field (as `$casts()`). */
  $getCasts(): Casts
  /** The model's mutators by field (`static mutators()`, `@Mutate` included). */
  $getMutators(): Mutators
  /** The relation declared as `name`; throws, listing the model's relations, when there is none. */
  $getRelation(name: string): Relation
  /**
   * Sets the relation `relation` of this instance to `model` (an instance, a list, or `null`) and
   * returns the instance; throws when the model has no such relation, unless `isPivot` (a pivot
   * record, set under any name).
   */
  $setRelation<T>(this: T, relation: string, model: ModelInstance | ModelInstance[] | null, isPivot?: boolean): T
}

/** The statics the views read. */
type ViewModel = SchemaModel & InfoModel & {
  config?: ModelConfig
  typeKey: string
  types: () => Record<string, RelatedModel>
  casts: () => Casts
  mutators: () => Mutators
}

function modelOf(instance: object): ViewModel {
  return instance.constructor as ViewModel
}

const VIEWS: { [K in keyof ModelDefinitionViews]: (this: object, ...args: never[]) => unknown } = {
  $primaryKey() {
    return modelOf(this).primaryKey
  },
  $fields() {
    return _fieldsOf(getSchema(modelOf(this)))
  },
  $config() {
    return modelOf(this).config ?? {}
  },
  $baseEntity() {
    return modelOf(this).baseEntity ?? getSchema(modelOf(this)).type
  },
  $typeKey() {
    return modelOf(this).typeKey
  },
  $types() {
    return modelOf(this).types()
  },
  $piniaOptions() {
    return modelOf(this).piniaOptions ?? {}
  },
  $casts() {
    return modelOf(this).casts()
  },
  $getCasts() {
    return modelOf(this).casts()
  },
  $getMutators() {
    return modelOf(this).mutators()
  },
  $getRelation(name: string) {
    return _relationOf(getSchema(modelOf(this)), name)
  },
  $setRelation(relation: string, model: unknown, isPivot = false) {
    if (!isPivot)
      _relationOf(getSchema(modelOf(this)), relation)
    ;(this as Record<string, unknown>)[relation] = model
    return this
  },
}

/**
 * Installs the {@link ModelDefinitionViews} on Model's prototype, as class methods are (not
 * enumerable).
 *
 * @internal
 */
export function _installDefinitionViews(prototype: object): void {
  for (const [name, view] of Object.entries(VIEWS))
    Object.defineProperty(prototype, name, { value: view, writable: true, configurable: true, enumerable: false })
}

const UNSUPPORTED_METHODS: Readonly<Record<string, string>> = {
  $fillMeta: 'Keep meta data with `static config = { withMeta: true }`: saving a record fills its `_meta`.',
  $piniaExtend: 'Add state, getters and actions to the entity store with `static piniaOptions`.',
}

/**
 * Gives Model's prototype the pinia-orm model methods this library does not have, each throwing an
 * error that names it and points at the migration table instead of `TypeError: ... is not a
 * function`. Not typed: TypeScript already refuses the call.
 *
 * @internal
 */
export function _unsupportedModelMethods(prototype: object): void {
  for (const [method, instead] of Object.entries(UNSUPPORTED_METHODS)) {
    const stub = {
      [method](this: object) {
        const model = (this.constructor as { name?: string } | undefined)?.name || 'Model'
        throw createOrmError(`${model}: ${method}() is a pinia-orm model method that is not supported yet, see docs/migration-from-pinia-orm.md. ${instead}`)
      },
    }[method]!
    Object.defineProperty(prototype, method, { value: stub, writable: true, configurable: true, enumerable: false })
  }
}

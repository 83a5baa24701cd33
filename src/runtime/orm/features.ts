import { Attr } from './attributes'
import type { Attribute } from './attributes'
import { createOrmError } from './errors'
import { _buildHooks } from './hooks'
import type { ModelHooks } from './hooks'
import { _buildInheritance, _withType } from './inheritance'
import type { Inheritance } from './inheritance'
import type { StoredRecord } from './keys'
import type { DevWarn } from './inputWarnings'
import { _buildConversions } from './mutators'
import { _applyCastDefaults } from './castDefaults'
import type { FieldConversions } from './mutators'
import { _declaredVisibility, _modelVisibility } from './visibility'
import type { Visibility } from './visibility'
import { _warnUnsupportedStatics } from './modelStatics'
import type { ModelClass } from './types'

/** `static config` of a model, as pinia-orm names it. */
export interface ModelConfig {
  /**
   * Keep `_meta: { createdAt, updatedAt }` (seconds since the epoch, as pinia-orm) on every record; hidden
   * unless the query asks `withMeta()`.
   * @default false
   */
  withMeta?: boolean
  /** Fields hidden like `static hidden`. @default [] */
  hidden?: readonly string[]
  /** Fields shown like `static visible`. @default [] */
  visible?: readonly string[]
  /** Options of plugins (pinia-orm's axios plugin reads `axiosApi`), kept as given. */
  [option: string]: unknown
}

/**
 * What a model declares beyond its fields (casts, mutators, visibility, hooks, meta, inheritance),
 * read once with its schema. A model that declares none has no features object at all, so its
 * reads and writes take the plain path.
 *
 * @internal
 */
declare module './relations/Relation' {
  // A schema's `features` are these (the contract file imports no feature file).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SchemaFeatures extends ModelFeatures {}
}

export interface ModelFeatures {
  readonly conversions: FieldConversions | undefined
  readonly visibility: Visibility | undefined
  readonly hooks: ModelHooks | undefined
  readonly meta: boolean
  readonly inheritance: Inheritance | undefined
  /** A copy of a save's input in stored form, or `undefined` when nothing changes input. */
  readonly write: ((input: StoredRecord, warn?: DevWarn) => StoredRecord) | undefined
  /** The fields declared `.notNullable()`, warned about in dev when a save stores `null` in them. */
  readonly notNullable: readonly string[]
}

interface ModelStatics extends ModelClass {
  casts?: () => unknown
  mutators?: () => unknown
  hidden?: readonly string[]
  visible?: readonly string[]
  config?: ModelConfig
}

/**
 * Reads a model's features; may add attributes the features need (`_meta`, the type key) to
 * `attributes`.
 *
 * @internal
 */
export function _buildFeatures(model: ModelClass, name: string, attributes: Map<string, Attribute>, relationNames?: ReadonlySet<string>): ModelFeatures | undefined {
  _warnUnsupportedStatics(model, name)
  const statics = model as ModelStatics
  const config = statics.config ?? {}
  const inheritance = _buildInheritance(model, name)
  if (inheritance && !attributes.has(inheritance.typeKey))
    attributes.set(inheritance.typeKey, new Attr(null))
  const meta = config.withMeta === true
  if (meta) {
    if (attributes.has('_meta'))
      throw createOrmError(`${name} keeps meta data (config.withMeta), which uses the field '_meta'. Rename its own '_meta' field.`)
    attributes.set('_meta', new Attr(null))
  }
  const conversions = _buildConversions(name, statics.casts?.(), statics.mutators?.(), Object.fromEntries(attributes), relationNames)
  if (conversions)
    _applyCastDefaults(conversions.defaults, attributes)
  const declared = _declaredVisibility(statics)
  const visibility = _modelVisibility(statics, declared.hidden, declared.visible, meta)
  const hooks = _buildHooks(model)
  // As in pinia-orm, the typed attributes check it (string, number, boolean); attr() takes any value.
  const notNullable = [...attributes].filter(([, attribute]) => attribute._notNullable && !(attribute instanceof Attr)).map(([field]) => field)
  if (!conversions && !visibility && !hooks && !meta && !inheritance && notNullable.length === 0)
    return undefined

  const write = conversions?.write
  const needsWrite = (write && write.size > 0) || inheritance?.ownTypes !== undefined || notNullable.length > 0
  return {
    conversions,
    visibility,
    hooks,
    meta,
    inheritance,
    notNullable,
    write: needsWrite
      ? (input, warn) => {
          const record = inheritance ? _withType(input, inheritance) : input
          const copy = record === input ? { ...input } : record
          if (write) {
            for (const [field, convert] of write) {
              if (copy[field] !== undefined)
                copy[field] = convert(copy[field])
            }
          }
          if (process.env.NODE_ENV !== 'production') {
            for (const field of notNullable) {
              if (copy[field] !== null)
                continue
              // Once per Pinia through a save's warner (a list of records with nulls warns once).
              const message = `${name}.${field} is declared notNullable(), but a save gives it null. Give it a value, or drop .notNullable() if null is valid.`
              if (warn)
                warn(`notNullable ${name}.${field}`, message)
              else
                console.warn(`[nuxt-pinia-orm] ${message}`)
            }
          }
          return copy
        }
      : undefined,
  }
}

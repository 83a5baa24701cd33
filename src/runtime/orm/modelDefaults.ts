import type { ModelDefaults } from './config'
import type { StoredRecord } from './keys'
import type { Schema, SchemaDatabase, SchemaModel } from './relations/Relation'
import { _declaredVisibility, _modelVisibility, _stripHidden } from './visibility'
import type { Visibility, VisibilityStatics } from './visibility'

/**
 * `createORM({ model: { withMeta, hidden, visible } })` applied per Pinia. Schemas are built once
 * per class and shared by every Pinia, so what a Pinia's defaults change for a model is worked out
 * here, per model, and kept in that Pinia's database. A Pinia without model defaults has no
 * {@link AppliedModelDefaults} at all: its reads and writes take the model's own path.
 *
 * As pinia-orm reads them, a model's own statics win: `static config.withMeta` (true or false) over
 * the default `withMeta`, a non-empty `static hidden`/`config.hidden` over the default `hidden`,
 * a non-empty `static visible`/`config.visible` over the default `visible`.
 */

/** What a Pinia's model defaults make of one model. @internal */
export interface AppliedDefaults {
  /** The model's visibility in this Pinia. */
  readonly visibility: Visibility | undefined
  /** Whether it differs from the model's own, so instances are stripped once more. */
  readonly strips: boolean
  /** Whether records keep `_meta` in this Pinia. */
  readonly meta: boolean
  /** The fields its stored records hold: the attributes, and `_meta` when the defaults add it. */
  readonly storedFields: readonly string[]
}

type DefaultsStatics = VisibilityStatics & { config?: { withMeta?: boolean } }

/** The defaults that change how a model reads and writes (a namespace only names its store). @internal */
export type FieldDefaults = Readonly<Required<Pick<ModelDefaults, 'withMeta' | 'hidden' | 'visible'>>>

/**
 * The model defaults of one Pinia and what they make of each model, worked out on first use.
 * Lives in the Pinia's database (`db._defaults`).
 *
 * @internal
 */
export class AppliedModelDefaults {
  private readonly models = new Map<SchemaModel, AppliedDefaults>()

  constructor(readonly defaults: FieldDefaults) {}

  /** What the defaults make of the model of `schema`. */
  of(schema: Schema): AppliedDefaults {
    let applied = this.models.get(schema.model)
    if (!applied)
      this.models.set(schema.model, applied = this.apply(schema))
    return applied
  }

  private apply(schema: Schema): AppliedDefaults {
    const model = schema.model as unknown as DefaultsStatics
    const own = _declaredVisibility(model)
    const ownMeta = model.config?.withMeta
    const meta = typeof ownMeta === 'boolean' ? ownMeta : this.defaults.withMeta
    const hidden = own.hidden.length > 0 ? own.hidden : this.defaults.hidden
    const visible = own.visible.length > 0 ? own.visible : this.defaults.visible
    const visibility = _modelVisibility(model, hidden, visible, meta)
    return {
      visibility,
      strips: !sameVisibility(visibility, schema.features?.visibility),
      meta,
      storedFields: meta && !schema.attributes.has('_meta') ? [...schema.attributeNames, '_meta'] : schema.attributeNames,
    }
  }
}

/**
 * The model defaults of a Pinia's config, or `undefined` when they change nothing (the default).
 *
 * @internal
 */
export function _applyModelDefaults(defaults: FieldDefaults): AppliedModelDefaults | undefined {
  const { withMeta, hidden, visible } = defaults
  const changes = withMeta || hidden.length > 0 || (visible.length > 0 && !visible.includes('*'))
  return changes ? new AppliedModelDefaults(defaults) : undefined
}

/**
 * Removes from a new instance the fields the Pinia's defaults hide for its model.
 *
 * @internal
 */
export function _stripByDefaults(defaults: AppliedModelDefaults, schema: Schema, instance: StoredRecord): void {
  const applied = defaults.of(schema)
  if (applied.strips && applied.visibility)
    _stripHidden(instance, schema.attributeNames, applied.visibility)
}

/**
 * The visibility of a model's instances read from `db` (the model's own when `db` is not given
 * or its Pinia has no model defaults).
 *
 * @internal
 */
export function _visibilityIn(schema: Schema, db: SchemaDatabase | undefined): Visibility | undefined {
  return db?._defaults ? db._defaults.of(schema).visibility : schema.features?.visibility
}

/**
 * Whether records of the model keep `_meta` in `db`'s Pinia.
 *
 * @internal
 */
export function _keepsMeta(schema: Schema, db: SchemaDatabase): boolean {
  return db._defaults ? db._defaults.of(schema).meta : schema.features?.meta === true
}

/**
 * The fields the stored records of the model hold in `db`'s Pinia.
 *
 * @internal
 */
export function _storedFields(schema: Schema, db: SchemaDatabase): readonly string[] {
  return db._defaults ? db._defaults.of(schema).storedFields : schema.attributeNames
}

function sameVisibility(a: Visibility | undefined, b: Visibility | undefined): boolean {
  if (!a || !b)
    return a === b
  return sameSet(a.hidden, b.hidden) && (a.visible === b.visible || (!!a.visible && !!b.visible && sameSet(a.visible, b.visible)))
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size)
    return false
  for (const value of a) {
    if (!b.has(value))
      return false
  }
  return true
}

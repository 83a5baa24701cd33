import type { StoredRecord } from './keys'

/**
 * Which attributes a model shows: `static hidden` (and `config.hidden`) leave fields out,
 * `static visible` (and `config.visible`), when not empty, keeps only the fields it names.
 *
 * @internal
 */
export interface Visibility {
  readonly hidden: ReadonlySet<string>
  readonly visible: ReadonlySet<string> | undefined
}

/** Per query changes: `makeHidden()`, `makeVisible()` and `withMeta()`. @internal */
export interface VisibilityOverride {
  hidden?: Set<string>
  visible?: Set<string>
}

/** The statics a model declares its visibility with. @internal */
export interface VisibilityStatics {
  primaryKey?: string | readonly string[]
  hidden?: readonly string[]
  visible?: readonly string[]
  config?: { hidden?: readonly string[], visible?: readonly string[] }
}

/**
 * The fields a model itself hides and shows: `static hidden` with `config.hidden`, and
 * `static visible` with `config.visible` (decorators such as `@Hidden()` fill the statics).
 *
 * @internal
 */
export function _declaredVisibility(model: VisibilityStatics): { hidden: string[], visible: string[] } {
  return {
    hidden: [...model.hidden ?? [], ...model.config?.hidden ?? []],
    visible: [...model.visible ?? [], ...model.config?.visible ?? []],
  }
}

/**
 * A model's visibility from the fields it hides and shows, and whether it keeps `_meta` (hidden
 * then). As pinia-orm documents, a model that lists its visible fields still shows its primary key,
 * so its instances keep their identity ($getKey(), saving them back); `'*'` in `visible` (pinia-orm's
 * default) shows every field.
 *
 * @internal
 */
export function _modelVisibility(model: VisibilityStatics, hidden: readonly string[], visible: readonly string[], meta: boolean): Visibility | undefined {
  const shown = visible.includes('*') ? [] : [...visible]
  if (shown.length > 0) {
    const key = model.primaryKey ?? 'id'
    shown.push(...typeof key === 'string' ? [key] : key)
  }
  return _buildVisibility(meta ? [...hidden, '_meta'] : hidden, shown)
}

/**
 * The model's visibility, or `undefined` when it shows every attribute.
 *
 * @internal
 */
export function _buildVisibility(hidden: Iterable<string>, visible: Iterable<string>): Visibility | undefined {
  const hiddenSet = new Set(hidden)
  const visibleSet = new Set(visible)
  if (hiddenSet.size === 0 && visibleSet.size === 0)
    return undefined
  return { hidden: hiddenSet, visible: visibleSet.size > 0 ? visibleSet : undefined }
}

/**
 * Whether `field` is shown under the model's visibility and a query's override: a field named by
 * `makeVisible()` is shown, one named by `makeHidden()` is not, else the model decides.
 *
 * @internal
 */
export function _isVisible(field: string, visibility: Visibility | undefined, override?: VisibilityOverride): boolean {
  if (override?.hidden?.has(field))
    return false
  if (override?.visible?.has(field))
    return true
  if (!visibility)
    return true
  if (visibility.hidden.has(field))
    return false
  return visibility.visible === undefined || visibility.visible.has(field)
}

/**
 * Removes the fields the model hides from a new instance.
 *
 * @internal
 */
export function _stripHidden(instance: StoredRecord, names: readonly string[], visibility: Visibility): void {
  for (const field of names) {
    if (!_isVisible(field, visibility))
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the field is a model attribute
      delete instance[field]
  }
}

const SHOWN = Symbol('nuxt-pinia-orm:shown')

/**
 * Remembers on an instance the hidden fields a query made visible, so `$toJson()` shows them too.
 * A non-enumerable property: it is neither serialized nor copied by a spread.
 *
 * @internal
 */
export function _markShown(instance: object, fields: ReadonlySet<string>): void {
  Object.defineProperty(instance, SHOWN, { value: fields, enumerable: false, configurable: true })
}

/** The fields a query made visible on this instance. @internal */
export function _shownOn(instance: object): ReadonlySet<string> | undefined {
  return (instance as { [SHOWN]?: ReadonlySet<string> })[SHOWN]
}

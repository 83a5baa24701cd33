import { createOrmError } from '../errors'
import type { DeleteRule } from '../relations/Relation'
import type { Fields } from '../types'

/** A field definition as `static fields()` gives it: an attribute or a relation. */
type FieldDefinition = Fields[string]

/**
 * Makes a field's definition from its model class, when the schema is built (`(model) =>
 * model.string('')`): the model's own factory runs then, so a decorator holds no definition object.
 * @internal
 */
export type FieldFactory = (model: DecoratedClass) => FieldDefinition

/** Changes a field's definition once it is made (e.g. `.onDelete(mode)` on a relation). @internal */
export type FieldModifier = (definition: FieldDefinition, model: DecoratedClass, field: string) => FieldDefinition

/** A model class as the registry sees it: any function, whose statics it may read and set. @internal */
export type DecoratedClass = (abstract new (...args: never[]) => object) & Record<PropertyKey, unknown>

/**
 * What decorators and `Model.setRegistry()` & co. declared for one class (its own, not inherited).
 * A definition, never records: it lives on the class (legacy decorators) or in the class's
 * decorator metadata (standard decorators).
 * @internal
 */
export interface FieldRegistry {
  fields: Record<string, FieldFactory>
  modifiers: Record<string, FieldModifier[]>
  casts: Record<string, unknown>
  mutators: Record<string, unknown>
  hidden: string[]
  /** Properties made non-enumerable by `@NonEnumerable`: helpers, never fields of the model. */
  nonEnumerable: string[]
  /** The statics the class had before the registry set its own (see {@link installStatics}). */
  base?: { casts?: unknown, mutators?: unknown, hidden?: unknown }
}

const REGISTRY = Symbol.for('nuxt-pinia-orm:fields')

function newRegistry(): FieldRegistry {
  return { fields: {}, modifiers: {}, casts: {}, mutators: {}, hidden: [], nonEnumerable: [] }
}

function ownRegistry(holder: object): FieldRegistry | undefined {
  return Object.prototype.hasOwnProperty.call(holder, REGISTRY)
    ? (holder as Record<symbol, FieldRegistry>)[REGISTRY]
    : undefined
}

/**
 * The registry a class keeps itself (legacy decorators, `Model.setRegistry()`), created on first
 * use as a non-enumerable own static.
 * @internal
 */
export function classRegistry(model: object): FieldRegistry {
  let registry = ownRegistry(model)
  if (!registry) {
    registry = newRegistry()
    Object.defineProperty(model, REGISTRY, { value: registry, enumerable: false, configurable: true })
  }
  return registry
}

/**
 * The registry kept in the decorator metadata of a class being defined (standard decorators),
 * which becomes `Class[Symbol.metadata]`; the metadata of a subclass inherits from its parent's,
 * so only an own entry is this class's.
 * @internal
 */
export function metadataRegistry(metadata: object): FieldRegistry {
  let registry = ownRegistry(metadata)
  if (!registry) {
    registry = newRegistry()
    Object.defineProperty(metadata, REGISTRY, { value: registry, enumerable: false })
  }
  return registry
}

/** The registries of one class (kept on it, and in its metadata), if it has any. */
function registriesOf(model: object): FieldRegistry[] {
  const found: FieldRegistry[] = []
  const own = ownRegistry(model)
  if (own)
    found.push(own)
  const metadataKey = (Symbol as { metadata?: symbol }).metadata
  const metadata = metadataKey && Object.prototype.hasOwnProperty.call(model, metadataKey)
    ? (model as Record<symbol, unknown>)[metadataKey]
    : undefined
  const fromMetadata = metadata !== null && typeof metadata === 'object' ? ownRegistry(metadata) : undefined
  if (fromMetadata)
    found.push(fromMetadata)
  return found
}

/** The class and its ancestors that hold registries, base class first, each with its registries. */
function chainOf(model: DecoratedClass): Array<[DecoratedClass, FieldRegistry[]]> {
  const chain: Array<[DecoratedClass, FieldRegistry[]]> = []
  for (let current: unknown = model; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    const registries = registriesOf(current)
    if (registries.length > 0)
      chain.unshift([current as DecoratedClass, registries])
  }
  return chain
}

/**
 * The fields of a model: those its decorators (and its ancestors') declare, then those of its
 * `static fields()`. Gives `fields` itself, at no cost, when nothing is decorated. Also sets the
 * statics the decorators declare (`casts()`, `mutators()`, `hidden`), so they exist before any
 * record of the model is read. A field declared twice throws, naming it.
 * @internal
 */
export function withDecoratedFields(model: DecoratedClass, name: string, fields: Fields): Fields {
  const chain = chainOf(model)
  if (chain.length === 0)
    return fields
  const decorated: Fields = {}
  const modified: string[] = []
  for (const [owner, registries] of chain) {
    for (const registry of registries) {
      installStatics(owner, registry)
      for (const field in registry.fields) {
        let definition = registry.fields[field]!(model)
        for (const modify of registry.modifiers[field] ?? [])
          definition = modify(definition, model, field)
        decorated[field] = definition
      }
      modified.push(...Object.keys(registry.modifiers), ...Object.keys(registry.casts), ...Object.keys(registry.mutators), ...registry.hidden)
    }
  }
  for (const field in fields) {
    if (field in decorated)
      throw createOrmError(`${name}.${field} is declared twice: by a decorator and in static fields(). Declare each field once.`)
  }
  for (const [, registries] of chain) {
    for (const registry of registries) {
      for (const field of registry.nonEnumerable) {
        if (field in decorated || field in fields)
          throw createOrmError(`${name}.${field}: @NonEnumerable on a field of the model is not supported yet. It keeps a helper property the ORM does not store out of Object.keys() and JSON; to keep a stored field out of query results and JSON, use @Hidden() instead.`)
      }
    }
  }
  for (const field of modified) {
    if (!(field in decorated) && !(field in fields))
      throw createOrmError(`${name}.${field} has a modifier decorator (@Cast, @Mutate, @Hidden or @OnDelete) but is no field. Declare the field too, e.g. \`@Attr(null) ${field}!: unknown\`, or in static fields().`)
  }
  // fields() first: in a class that mixes both, it is usually the older part, written above.
  const all = { ...fields, ...decorated }
  // Modifiers of fields declared elsewhere: by fields() (`Model.setFieldDeleteMode('posts',
  // 'cascade')`), or by a decorated base class (`@OnDelete('cascade') override posts!: Post[]`).
  for (const [, registries] of chain) {
    for (const registry of registries) {
      for (const field in registry.modifiers) {
        if (field in all && !(field in registry.fields)) {
          for (const modify of registry.modifiers[field]!)
            all[field] = modify(all[field]!, model, field)
        }
      }
    }
  }
  return all
}

/**
 * Sets a class's own `casts()`, `mutators()` and `hidden` to what it had (its own, a hand-written
 * static, or its parent's) plus what its registry declares. The registry is read each time
 * `casts()` or `mutators()` is called, and `hidden` is made again from the base on each call, so
 * calling this again after a new decoration is safe. A parent's array is never changed.
 * @internal
 */
export function installStatics(model: DecoratedClass, registry: FieldRegistry): void {
  const base = registry.base ??= {}
  if (Object.keys(registry.casts).length > 0 && !('casts' in base)) {
    base.casts = model.casts
    defineStatic(model, 'casts', mergedMethod(base.casts, registry.casts))
  }
  if (Object.keys(registry.mutators).length > 0 && !('mutators' in base)) {
    base.mutators = model.mutators
    defineStatic(model, 'mutators', mergedMethod(base.mutators, registry.mutators))
  }
  if (registry.hidden.length > 0) {
    if (!('hidden' in base))
      base.hidden = model.hidden
    const inherited = Array.isArray(base.hidden) ? base.hidden as string[] : []
    defineStatic(model, 'hidden', [...inherited, ...registry.hidden.filter(field => !inherited.includes(field))])
  }
}

/** A static method returning what `base` returns (if a function) with `own` over it. */
function mergedMethod(base: unknown, own: Record<string, unknown>) {
  return function (this: unknown): Record<string, unknown> {
    const inherited = typeof base === 'function' ? (base as (this: unknown) => Record<string, unknown>).call(this) : undefined
    return { ...inherited, ...own }
  }
}

function defineStatic(model: object, key: string, value: unknown): void {
  Object.defineProperty(model, key, { value, writable: true, enumerable: false, configurable: true })
}

/**
 * Records that the relation `field` of a class deletes with `mode` (`.onDelete(mode)` applied when
 * the schema is built), as `@OnDelete(mode)` and `Model.setFieldDeleteMode()` declare it.
 * @internal
 */
export function addDeleteMode(registry: FieldRegistry, field: string, mode: DeleteRule, declaredBy: string): void {
  (registry.modifiers[field] ??= []).push((definition, model, fieldName) => {
    const onDelete = (definition as { onDelete?: unknown }).onDelete
    if (typeof onDelete !== 'function')
      throw createOrmError(`${model.name}.${fieldName}: ${declaredBy} needs a relation with .onDelete(), and this field's ${definition.constructor.name} has none. Remove it from '${fieldName}', or use it on a relation field.`)
    return (onDelete as (mode: DeleteRule) => typeof definition | undefined).call(definition, mode) ?? definition
  })
}

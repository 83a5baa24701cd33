import { createOrmError } from './errors'
import type { StoredRecord } from './keys'
import type { ModelClass } from './types'

/**
 * Single-table inheritance: a base model whose `static types()` maps values of its `typeKey` field
 * to subclasses. The subclasses listed there share the base's store.
 *
 * @internal
 */
export interface Inheritance {
  /** The class that declares `types()`. */
  readonly root: ModelClass
  /** The store's entity: the root's. */
  readonly entity: string
  readonly typeKey: string
  /** The type values a query of this class keeps (this class and its subclasses); none for the root. */
  readonly ownTypes: readonly unknown[] | undefined
  /** The class of a record with this type value, if `types()` names one. */
  classOf: (type: unknown) => ModelClass | undefined
  /** The classes `types()` names, each once. */
  readonly classes: readonly ModelClass[]
}

interface InheritingClass extends ModelClass {
  types?: () => Record<string, unknown>
  typeKey?: string
  baseEntity?: string
}

/**
 * The inheritance of a model class: `undefined` unless it (or a class it extends) declares a
 * non-empty `types()` that lists it or is it.
 *
 * @internal
 */
export function _buildInheritance(model: ModelClass, name: string): Inheritance | undefined {
  let root = model as InheritingClass
  while (!Object.prototype.hasOwnProperty.call(root, 'types')) {
    const parent = Object.getPrototypeOf(root) as InheritingClass | null
    if (!parent || typeof parent.types !== 'function')
      return undefined
    root = parent
  }
  const types = readTypes(root, name)
  if (types.size === 0)
    return undefined
  const isRoot = root === model
  // The values naming this class come first: a record saved through it with no type gets the first
  // (a subclass's value listed before it in types() is not its own).
  const ownTypes = isRoot
    ? undefined
    : [...types].filter(([, type]) => type === model).concat([...types].filter(([, type]) => type.prototype instanceof model)).map(([value]) => value)
  // A subclass that types() does not list keeps a store of its own.
  if (ownTypes && ownTypes.length === 0)
    return undefined
  const declaredBase = (model as InheritingClass).baseEntity
  if (!isRoot && declaredBase !== undefined && declaredBase !== root.entity)
    throw createOrmError(`${name}.baseEntity is '${declaredBase}', but ${root.name}, whose types() lists ${name}, keeps its records in '${root.entity}'. Set baseEntity to '${root.entity}' or remove it.`)
  const typeKey = root.typeKey ?? 'type'
  if (!isRoot && Object.prototype.hasOwnProperty.call(model, 'typeKey') && (model as InheritingClass).typeKey !== typeKey)
    throw createOrmError(`${name}.typeKey is '${(model as InheritingClass).typeKey}', but ${root.name}, whose types() lists ${name}, reads the type of its records from '${typeKey}'. Declare typeKey on ${root.name} only.`)
  return {
    root,
    entity: root.entity,
    typeKey,
    ownTypes,
    classOf: type => types.get(String(type)),
    classes: [...new Set(types.values())],
  }
}

function readTypes(root: InheritingClass, name: string): Map<string, ModelClass> {
  const types = root.types!()
  const map = new Map<string, ModelClass>()
  for (const [value, type] of Object.entries(types ?? {})) {
    if (typeof type !== 'function' || !(type === root || type.prototype instanceof root))
      throw createOrmError(`${root.name}.types() maps '${value}' to something that is not ${root.name} or a class extending it (while reading ${name}). Map each type value to a model class, e.g. { ADULT: Adult }.`)
    map.set(value, type as ModelClass)
  }
  return map
}

/**
 * The input of a save through a subclass with its type value set when it has none.
 *
 * @internal
 */
export function _withType(input: StoredRecord, inheritance: Inheritance): StoredRecord {
  if (inheritance.ownTypes === undefined || input[inheritance.typeKey] !== undefined)
    return input
  return { ...input, [inheritance.typeKey]: inheritance.ownTypes[0] }
}

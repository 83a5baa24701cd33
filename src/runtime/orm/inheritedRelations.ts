import type { Database } from './database'
import type { ModelInstance, Schema } from './relations/Relation'

const NONE: readonly Schema[] = Object.freeze([])

/**
 * Under single-table inheritance, the schemas of the subclasses of `schema`'s model that declare the
 * relation `field` when the model itself does not: a query of the base model loads a relation of a
 * subclass into the records of that subclass, as pinia-orm's inheritance guide shows
 * (`useRepo(Person).with('work_address')`, where only `Adult` declares it). Empty otherwise.
 *
 * @internal
 */
export function _subclassOwners(db: Database, schema: Schema, field: string): readonly Schema[] {
  const inheritance = schema.features?.inheritance
  if (!inheritance || schema.relations.has(field))
    return NONE
  const owners: Schema[] = []
  for (const type of inheritance.classes) {
    if (type.prototype instanceof schema.model) {
      const sub = db.register(type)
      if (sub.relations.has(field))
        owners.push(sub)
    }
  }
  return owners
}

/**
 * The relations `withAll()` loads on a query of `schema`'s model: its own, and under single-table
 * inheritance those only its subclasses declare (loaded into their records), as pinia-orm's
 * `withAll()` takes the fields of every type.
 *
 * @internal
 */
export function _relationNamesWithSubclasses(db: Database, schema: Schema): readonly string[] {
  const inheritance = schema.features?.inheritance
  if (!inheritance)
    return schema.relationNames
  const names = [...schema.relationNames]
  for (const type of inheritance.classes) {
    if (type.prototype instanceof schema.model) {
      for (const name of db.register(type).relationNames) {
        if (!names.includes(name))
          names.push(name)
      }
    }
  }
  return names
}

/**
 * The instances of `items` whose class is exactly `owner`'s model (a subclass of it has a schema of
 * its own, which loads its records).
 *
 * @internal
 */
export function _itemsOf(owner: Schema, items: readonly ModelInstance[]): ModelInstance[] {
  return items.filter(item => item.constructor === owner.model)
}

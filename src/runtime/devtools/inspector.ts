import type { Pinia } from 'pinia'
import { useRepo } from '../orm'
import type { Model, ModelClass } from '../orm'
import { getDatabase } from '../orm/database'
import { keyOf } from '../orm/keys'
import type { StoredRecord } from '../orm/keys'
import type { Schema } from '../orm/schema'

/** One relation of a model, as the DevTools tab shows it. */
export interface RelationInfo {
  field: string
  /** The relation's class name: `HasOne`, `HasMany`, `BelongsTo`, ... */
  kind: string
  /** The related entity, or `null` when the relation cannot be resolved. */
  related: string | null
}

/** One entity store and its model. */
export interface EntityInfo {
  entity: string
  model: string
  /** The model file, relative to the app's root, when the model comes from a scanned file. */
  file: string | null
  count: number
  primaryKey: readonly string[]
  attributes: readonly string[]
  relations: RelationInfo[]
}

/** One record: its store key, its attributes for display, and the keys of its related records. */
export interface RecordInfo {
  key: string
  attributes: Record<string, string>
  relations: { field: string, entity: string | null, keys: string[] }[]
}

/** What to show of an entity's records. */
export interface RecordSearch {
  /** Keeps records whose key contains this text. */
  key?: string
  /** Keeps only the record whose key is exactly `key` (a followed relation). @default false */
  exactKey?: boolean
  /** With `value`: keeps records whose `field`, as shown, contains `value` (any case). */
  field?: string
  value?: string
  /** @default 100 */
  limit?: number
}

/**
 * Reads a Pinia's entity stores for the DevTools tab: entities, records, relations, and a signal on
 * every write. Everything it returns is plain data (strings for values), safe to hand to a page
 * in another window.
 * @internal
 */
export interface Inspector {
  /** The entities of registered models, by model name. */
  entities: () => EntityInfo[]
  records: (entity: string, search?: RecordSearch) => { total: number, records: RecordInfo[] }
  /** Calls `listener` once after each burst of writes to any entity store; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void
}

/** A value as the tab shows it: strings quoted, dates, maps, sets and bigints readable. */
export function displayValue(value: unknown): string {
  if (value === undefined)
    return 'undefined'
  if (typeof value === 'bigint')
    return `${value}n`
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`
  if (value instanceof Map)
    return `Map(${displayValue([...value.entries()])})`
  if (value instanceof Set)
    return `Set(${displayValue([...value])})`
  try {
    return JSON.stringify(value, (_key, nested: unknown) => typeof nested === 'bigint' ? `${nested}n` : nested) ?? String(value)
  }
  catch {
    return String(value)
  }
}

/** Creates the inspector of a Pinia; `fileOf` names the file a model class comes from. @internal */
export function createInspector(pinia: Pinia, fileOf: (model: ModelClass) => string | null): Inspector {
  const db = getDatabase(pinia)

  const schemas = (): Schema[] => {
    const list: Schema[] = []
    for (const id in pinia.state.value) {
      // A namespaced store's id (`app/users`) is not its entity.
      const schema = db.schemaOf(db._entityOfStore(id))
      if (schema)
        list.push(schema)
    }
    return list.sort((a, b) => a.name.localeCompare(b.name) || a.entity.localeCompare(b.entity))
  }

  const relatedOf = (schema: Schema, field: string): Schema | null => {
    try {
      return db.related(schema.relations.get(field)!, schema, field)
    }
    catch {
      return null
    }
  }

  return {
    entities: () => schemas().map(schema => ({
      entity: schema.entity,
      model: schema.name,
      file: fileOf(schema.model as unknown as ModelClass),
      count: Object.keys(db.data(schema.entity)).length,
      primaryKey: schema.primaryKey,
      attributes: schema.attributeNames,
      relations: schema.relationNames.map(field => ({
        field,
        kind: schema.relations.get(field)!.constructor.name,
        related: relatedOf(schema, field)?.entity ?? null,
      })),
    })),

    records(entity, search = {}) {
      const schema = db.schemaOf(entity)
      if (!schema)
        return { total: 0, records: [] }
      const data = db.data(entity)
      const keyText = search.key?.trim() ?? ''
      const valueText = search.value?.trim().toLowerCase() ?? ''
      const matching: StoredRecord[] = []
      for (const key in data) {
        const record = data[key]!
        if (keyText && (search.exactKey ? key !== keyText : !key.includes(keyText)))
          continue
        if (search.field && valueText && !displayValue(record[search.field]).toLowerCase().includes(valueText))
          continue
        matching.push(record)
      }
      const shown = matching.slice(0, search.limit ?? 100)
      // Loaded through the ORM's own query, so every relation type is followed as the app sees it.
      const ids = shown.map(record => schema.primaryKey.length === 1 ? record[schema.primaryKey[0]!] : schema.primaryKey.map(field => record[field]))
      const items = shown.length === 0
        ? []
        : useRepo(schema.model as unknown as ModelClass, pinia).query().whereId(ids as never).withAll().get() as unknown as Record<string, unknown>[]
      return {
        total: matching.length,
        records: items.map(item => ({
          key: keyOf(item, schema.primaryKey) ?? '',
          attributes: Object.fromEntries(schema.attributeNames.map(field => [field, displayValue(item[field])])),
          relations: schema.relationNames.map((field) => {
            const related = relatedOf(schema, field)
            const value = item[field] as Model | Model[] | null | undefined
            const list = value == null ? [] : Array.isArray(value) ? value : [value]
            return {
              field,
              entity: related?.entity ?? null,
              keys: related ? list.map(child => keyOf(child as unknown as StoredRecord, related.primaryKey) ?? '') : [],
            }
          }),
        })),
      }
    },

    subscribe(listener) {
      let scheduled = false
      const notify = () => {
        if (scheduled)
          return
        scheduled = true
        queueMicrotask(() => {
          scheduled = false
          listener()
        })
      }
      const stops = schemas().map(schema =>
        db.store(schema.entity).$subscribe(notify, { detached: true, flush: 'sync' }))
      return () => stops.forEach(stop => stop())
    },
  }
}

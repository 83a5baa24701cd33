import type { Pinia, StateTree } from 'pinia'
import { isRef, toRaw } from 'vue'
import { getDatabase } from './database'
import type { EntityData, EntityState } from './database'
import { createOrmError } from './errors'
import { keyOf } from './keys'
import type { StoredRecord } from './keys'
import { hasRecord, setRecord } from './ownRecords'
import { _storedFields } from './modelDefaults'

/**
 * An entity's records packed for transfer (an SSR payload): the field names once, then one row of
 * values per record, instead of every record repeating its field names and its key. Records whose
 * fields are not exactly the model's (written behind the ORM's back) travel as they are in `extra`.
 *
 * No record key is ever an object key of the packed form (keys are rebuilt from the records, and
 * `extra` is a list of `[key, record]` pairs), so any id, `'__proto__'` included, survives a
 * serializer that refuses or mangles such object keys (devalue refuses `__proto__`).
 */
export interface PackedEntity {
  /** The primary key's fields, to key the records again. */
  key: readonly string[]
  fields: readonly string[]
  rows: unknown[][]
  /**
   * `[key, record, rows before it]`: where it stood among the rows, so that string keys (whose
   * object order is insertion order) come back in the server's order.
   */
  extra?: [string, StoredRecord, number?][]
  /** The rest of the store's state (a model's `static piniaOptions`), as it is. */
  state?: Record<string, unknown>
}

/** Pinia state with the ORM's entity stores packed; other stores as they are. */
export type PackedState = Record<string, unknown>

const PACKED = '__nuxtPiniaOrm'
const hasOwn = Object.prototype.hasOwnProperty

/**
 * Pinia's state ready to be serialized, with every entity store of a registered model packed
 * (see {@link PackedEntity}). The result shares the records' values with the store; serialize it,
 * do not change it.
 */
export function packState(pinia: Pinia): PackedState {
  const state = toRaw(pinia.state.value) as Record<string, unknown>
  const packed: PackedState = {}
  for (const id in state) {
    const entity = packEntityState(pinia, state[id])
    packed[id] = entity ? { [PACKED]: entity } : withoutRefs(state[id])
  }
  return packed
}

/**
 * A setup store's state holds its refs themselves: their values, for JSON (Nuxt's payload
 * serializer unwraps refs itself). Other state as it is.
 */
function withoutRefs(state: unknown): unknown {
  if (state === null || typeof state !== 'object')
    return state
  let copy: Record<string, unknown> | undefined
  for (const key in state) {
    const value = (state as Record<string, unknown>)[key]
    if (isRef(value))
      (copy ??= { ...state as Record<string, unknown> })[key] = toRaw(value.value)
  }
  return copy ?? state
}

/**
 * The Pinia state a {@link packState} result stands for: each packed entity store back as
 * `{ data: { [id]: attributes } }`, in the same order.
 */
export function unpackState(packed: PackedState): Record<string, StateTree> {
  const state: Record<string, StateTree> = {}
  for (const id in packed) {
    const value = packed[id] as Record<string, unknown> | null
    state[id] = value !== null && typeof value === 'object' && PACKED in value
      ? unpackEntityState(value[PACKED] as PackedEntity)
      : value as StateTree
  }
  return state
}

/**
 * The packed form of `state` when it is the state of one of the entity stores of a registered
 * model in this Pinia (as a payload reducer meets it), else `undefined`.
 */
export function packEntityState(pinia: Pinia, state: unknown): PackedEntity | undefined {
  if (state === null || typeof state !== 'object' || !('data' in state))
    return undefined
  const states = toRaw(pinia.state.value) as Record<string, unknown>
  const database = getDatabase(pinia)
  for (const id in states) {
    if (states[id] !== state)
      continue
    const schema = database.schemaOf(database._entityOfStore(id))
    if (!schema)
      return undefined
    // A setup store (createORM({ pinia: { storeType: 'setupStore' } })) keeps `data` as a ref.
    const data = (state as { data: unknown }).data
    const packed = packEntity((isRef(data) ? toRaw(data.value) : data) as EntityData, schema.primaryKey, _storedFields(schema, database))
    // More state than the records (a model's `static piniaOptions`): beside them, refs unwrapped.
    const rest = withoutRefs(state) as Record<string, unknown>
    for (const key in rest) {
      if (key !== 'data')
        (packed.state ??= {})[key] = rest[key]
    }
    return packed
  }
  return undefined
}

/** An entity store's state, `{ data: { [id]: attributes } }` and any other state, from its packed form. */
export function unpackEntityState(packed: PackedEntity): EntityState {
  if (packed === null || typeof packed !== 'object')
    throw notPacked()
  return packed.state ? { ...packed.state, data: unpackEntity(packed) } : { data: unpackEntity(packed) }
}

/**
 * Packs one entity's records.
 *
 * @internal
 */
export function packEntity(data: EntityData, key: readonly string[], fields: readonly string[]): PackedEntity {
  const rows: unknown[][] = []
  let extra: [string, StoredRecord, number][] | undefined
  for (const id in data) {
    if (!hasRecord(data, id))
      continue
    const record = data[id]!
    const row = rowOf(record, fields)
    if (row && keyOf(record, key) === id)
      rows.push(row)
    else
      (extra ??= []).push([id, record, rows.length])
  }
  return extra ? { key, fields, rows, extra } : { key, fields, rows }
}

/**
 * Unpacks one entity's records.
 *
 * @internal
 */
export function unpackEntity(packed: PackedEntity): EntityData {
  const { key, fields, rows, extra } = packed
  if (!isStringList(key) || key.length === 0 || !isStringList(fields) || !Array.isArray(rows) || (extra !== undefined && !(Array.isArray(extra) && extra.every(isExtra))))
    throw notPacked()
  const data: EntityData = {}
  let e = 0
  for (let r = 0; r < rows.length; r++) {
    // The records that stood before this row on the server (an extra without a place goes last).
    for (; extra !== undefined && e < extra.length && (extra[e]![2] ?? Infinity) <= r; e++)
      setRecord(data, extra[e]![0], extra[e]![1])
    const row: unknown = rows[r]
    if (!Array.isArray(row))
      throw notPacked()
    const record: StoredRecord = {}
    // Through setRecord: a field named '__proto__' is an own field, not the record's prototype.
    for (let i = 0; i < fields.length; i++)
      setRecord(record, fields[i]!, row[i])
    const id = keyOf(record, key)
    if (id === undefined || key.some(field => typeof record[field] === 'object'))
      throw createOrmError(`A packed entity store in the payload has a record without its key (${key.map(field => `'${field}'`).join(', ')}) in row ${r}. Give unpackState() what packState() returned, serialized and parsed.`)
    setRecord(data, id, record)
  }
  for (; extra !== undefined && e < extra.length; e++)
    setRecord(data, extra[e]![0], extra[e]![1])
  return data
}

function notPacked() {
  return createOrmError('A packed entity store in the payload is not in the form packState() makes ({ key, fields, rows, extra? }). Give unpackState() what packState() returned, serialized and parsed.')
}

/** `[key, record, rows before it?]`, as `packEntity` writes an extra record. */
function isExtra(entry: unknown): boolean {
  return Array.isArray(entry) && typeof entry[0] === 'string' && entry[1] !== null && typeof entry[1] === 'object' && (entry[2] === undefined || typeof entry[2] === 'number')
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string')
}

/** The record's values in field order, or undefined when its own fields are not exactly these. */
function rowOf(record: StoredRecord, fields: readonly string[]): unknown[] | undefined {
  // Inherited enumerable fields are counted too: with every field below an own one, the count
  // can only equal their number when there is no other field, own or inherited.
  let count = 0
  for (const _ in record)
    count++
  if (count !== fields.length)
    return undefined
  // eslint-disable-next-line unicorn/no-new-array -- a length, filled below
  const row: unknown[] = new Array(fields.length)
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!
    if (!hasOwn.call(record, field))
      return undefined
    row[i] = record[field]
  }
  return row
}

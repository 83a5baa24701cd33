// Property test (issue #8): random sequences of writes (also through a query: save, and destroy
// with a where; through Pinia's $patch; make() and new(false), which write nothing; a record read
// with its relations and saved back, which changes nothing) on two interleaved Pinia instances, with ids
// drawn from a pool of prototype member names, `__proto__` and ordinary ids. After every step,
// every relation lookup (with, has, whereHas) equals a brute-force join over `pinia.state.value`, every `data` object
// holds only own records with exactly the model's attributes under their own key, a write that
// throws changed nothing, and the other Pinia saw nothing.
//
// `npm test` runs 500 sequences with a fixed seed; `npm run test:props` runs 20,000 with a random
// seed (fast-check prints it with any counterexample; PROPERTY_SEED=<seed> replays it).
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { toRaw } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { OrmError, registerModels, useRepo } from '../../src/runtime/orm'
import type { ModelClass, Relation } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'
import { bruteForceWith, linkedRecords, relatedModel, rowsOf } from './support/bruteForce'
import type { Row } from './support/bruteForce'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500)
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : process.env.PROPERTY_RUNS ? undefined : 20_261_201

const MODELS: readonly ModelClass[] = [User, Phone, Post]
const ENTITIES = { users: User, phones: Phone, posts: Post } as const
type Entity = keyof typeof ENTITIES
const ATTRIBUTES: Record<Entity, string[]> = {
  users: ['id', 'name', 'email'],
  phones: ['id', 'userId', 'number'],
  posts: ['id', 'userId', 'title', 'published'],
}
const TEXT_FIELD: Record<Entity, string> = { users: 'name', phones: 'number', posts: 'title' }

// Ids that name prototype members, `__proto__`, integer-like strings and numbers that name the
// same record ('1' and 1), and a bigint.
const id = fc.constantFrom<string | number | bigint>('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '0', '1', 1, 2, 'a', 3n)
const text = fc.constantFrom('', 'x', 'y', '__proto__', 'toString', 'hi \uD800')

// Nested input in every direction: users hold a phone and posts, phones and posts hold their user.
const { user, phone, post } = fc.letrec<{ user: Row, phone: Row, post: Row }>(tie => ({
  user: fc.record({
    id,
    name: text,
    phone: fc.option(fc.oneof({ depthSize: 'small' }, tie('phone')), { nil: null }),
    posts: fc.array(tie('post'), { maxLength: 3 }),
  }, { requiredKeys: ['id'] }),
  phone: fc.record({
    id,
    number: text,
    userId: id,
    user: fc.option(tie('user'), { nil: null }),
  }, { requiredKeys: ['id'] }),
  post: fc.record({
    id,
    title: text,
    published: fc.boolean(),
    userId: id,
    author: fc.option(tie('user'), { nil: null }),
  }, { requiredKeys: ['id'] }),
}))
const nested: Record<Entity, fc.Arbitrary<Row>> = { users: user, phones: phone, posts: post }
const flat: Record<Entity, fc.Arbitrary<Row>> = {
  users: fc.record({ id, name: text }, { requiredKeys: ['id'] }),
  phones: fc.record({ id, userId: id, number: text }, { requiredKeys: ['id'] }),
  posts: fc.record({ id, userId: id, title: text }, { requiredKeys: ['id'] }),
}

type Step
  = | { on: number, op: 'save', entity: Entity, input: Row | Row[] }
    | { on: number, op: 'insert' | 'fresh', entity: Entity, input: Row[] }
    | { on: number, op: 'update', entity: Entity, id: unknown, value: string }
    | { on: number, op: 'destroy', entity: Entity, ids: unknown[] }
    | { on: number, op: 'delete', entity: Entity, value: string }
    | { on: number, op: 'flush', entity: Entity }
    | { on: number, op: 'destroyWhere', entity: Entity, ids: unknown[], value: string }
    | { on: number, op: 'querySave', entity: Entity, input: Row | Row[] }
    | { on: number, op: 'make', entity: Entity, input: Row }
    | { on: number, op: 'hydrate' | 'dropState', entity: Entity }
    | { on: number, op: 'patch', entity: Entity, row: Row }
    | { on: number, op: 'saveMade', entity: Entity, input: Row }
    | { on: number, op: 'resave', entity: Entity, id: unknown }

const entity = fc.constantFrom<Entity>('users', 'phones', 'posts')
const on = fc.integer({ min: 0, max: 1 })
const step: fc.Arbitrary<Step> = entity.chain(name => fc.oneof(
  { arbitrary: fc.record({ on, op: fc.constant('save' as const), entity: fc.constant(name), input: fc.oneof(nested[name], fc.array(nested[name], { maxLength: 3 })) }), weight: 5 },
  fc.record({ on, op: fc.constantFrom('insert' as const, 'fresh' as const), entity: fc.constant(name), input: fc.array(flat[name], { maxLength: 3 }) }),
  fc.record({ on, op: fc.constant('update' as const), entity: fc.constant(name), id, value: text }),
  fc.record({ on, op: fc.constant('destroy' as const), entity: fc.constant(name), ids: fc.array(id, { maxLength: 2 }) }),
  fc.record({ on, op: fc.constant('delete' as const), entity: fc.constant(name), value: text }),
  fc.record({ on, op: fc.constant('flush' as const), entity: fc.constant(name) }),
  fc.record({ on, op: fc.constant('destroyWhere' as const), entity: fc.constant(name), ids: fc.array(id, { maxLength: 2 }), value: text }),
  fc.record({ on, op: fc.constant('querySave' as const), entity: fc.constant(name), input: fc.oneof(nested[name], fc.array(nested[name], { maxLength: 2 })) }),
  fc.record({ on, op: fc.constant('make' as const), entity: fc.constant(name), input: nested[name] }),
  fc.record({ on, op: fc.constantFrom('hydrate' as const, 'dropState' as const), entity: fc.constant(name) }),
  fc.record({ on, op: fc.constant('patch' as const), entity: fc.constant(name), row: flat[name] }),
  fc.record({ on, op: fc.constant('saveMade' as const), entity: fc.constant(name), input: nested[name] }),
  fc.record({ on, op: fc.constant('resave' as const), entity: fc.constant(name), id }),
))

function apply(pinia: Pinia, s: Step): void {
  const repo = useRepo(ENTITIES[s.entity] as ModelClass, pinia)
  switch (s.op) {
    case 'save':
      repo.save(s.input as Row)
      break
    case 'insert':
      repo.insert(s.input)
      break
    case 'fresh':
      repo.fresh(s.input)
      break
    case 'update':
      repo.where('id', (value: unknown) => String(value) === String(s.id)).update({ [TEXT_FIELD[s.entity]]: s.value })
      break
    case 'destroy':
      repo.destroy(s.ids as string[])
      break
    case 'delete':
      repo.where(TEXT_FIELD[s.entity], s.value).delete()
      break
    case 'flush':
      repo.flush()
      break
    case 'destroyWhere': {
      // pinia-orm's query destroy: only the records with these ids that pass the where go.
      const named = new Set(s.ids.map(String))
      const kept = rowsOf(pinia, s.entity).filter(row => !(named.has(String(row.id)) && row[TEXT_FIELD[s.entity]] === s.value)).map(row => row.id)
      repo.where(TEXT_FIELD[s.entity], s.value).destroy(s.ids as string[])
      expect(rowsOf(pinia, s.entity).map(row => row.id)).toEqual(kept)
      break
    }
    case 'querySave':
      repo.query().save(s.input as Row)
      break
    case 'hydrate':
      // SSR hydration: Pinia's whole state replaced by a copy of itself; every lookup stays.
      pinia.state.value = structuredClone(toRaw(pinia.state.value))
      break
    case 'dropState': {
      // A whole-state replacement that leaves one entity out: it has no records until written.
      const state = Object.fromEntries(Object.entries(structuredClone(toRaw(pinia.state.value))).filter(([id]) => id !== s.entity))
      pinia.state.value = state as typeof pinia.state.value
      break
    }
    case 'patch': {
      // A write behind the ORM: a record set through Pinia's $patch, its foreign key included.
      const record = Object.fromEntries(ATTRIBUTES[s.entity].map(field => [field, s.row[field] ?? null]))
      // After dropState the store has no state in Pinia to patch until the ORM writes it again.
      if (pinia.state.value[s.entity] === undefined)
        break
      repo.piniaStore().$patch((state) => {
        Object.defineProperty(state.data, String(s.row.id), { value: record, writable: true, enumerable: true, configurable: true })
      })
      break
    }
    case 'saveMade':
      // An instance made from the input, its relations left out filled empty, saved.
      repo.save(repo.make(s.input))
      break
    case 'resave': {
      // A record read with all its relations, saved back as it is: nothing changes, but a key
      // written as a string may come back as the number that names the same record ('1' and 1).
      const before = asKeys(snapshot(pinia))
      const item = repo.withAll().find(s.id as string)
      if (item)
        repo.save(item)
      expect(asKeys(snapshot(pinia))).toEqual(before)
      break
    }
    case 'make': {
      // Makes instances (nested ones too) and saves nothing.
      const before = snapshot(pinia)
      repo.make(s.input)
      repo.new(false)
      expect(snapshot(pinia)).toEqual(before)
      break
    }
  }
}

/** A copy of the entity stores' records that keeps own `__proto__` keys and bigints. */
function snapshot(pinia: Pinia): unknown {
  return structuredClone(toRaw(pinia.state.value))
}

/** `value` with every number and bigint written as the string key it names. */
function asKeys(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => typeof v === 'number' || typeof v === 'bigint' ? String(v) : v))
}

function attributesOf(item: { $getAttributes: () => Row } | null): Row | null {
  return item === null ? null : item.$getAttributes()
}

/**
 * What one entity store must look like, computed from its `data` object alone: a plain object of
 * own records, each a plain object with exactly the model's attributes, stored under its own key.
 */
function storeShape(data: Record<string, Row>, name: Entity) {
  const attributes = [...ATTRIBUTES[name]].sort()
  let inherited = 0
  for (const key in data) {
    if (!Object.prototype.hasOwnProperty.call(data, key))
      inherited++
  }
  return {
    prototype: Object.getPrototypeOf(data) === Object.prototype,
    inherited,
    records: Object.keys(data).map((key) => {
      const record = Object.getOwnPropertyDescriptor(data, key)!.value as Row
      return { key, plain: Object.getPrototypeOf(record) === Object.prototype, fields: Object.keys(record).sort(), id: String(record.id) }
    }),
    expected: Object.keys(data).map(key => ({ key, plain: true, fields: attributes, id: key })),
  }
}

/** The records `has(field)` counts for `row`, found by scanning the store. */
function linked(pinia: Pinia, row: Row, model: ModelClass, field: string): Row[] {
  return linkedRecords(pinia, row, model, model.fields()[field] as Relation, MODELS)
}

/** The text attribute of the model `field` relates to, for a whereHas constraint. */
function textOf(model: ModelClass, field: string): string {
  return TEXT_FIELD[relatedModel(model.fields()[field] as Relation, MODELS).entity as Entity]
}

/** Every invariant of one Pinia's state and lookups, in one comparison per entity. */
function check(pinia: Pinia): void {
  for (const name of Object.keys(ENTITIES) as Entity[]) {
    const model = ENTITIES[name]
    // A store left out of a replaced state ('dropState') has no records until its next write.
    const data = toRaw((pinia.state.value as Record<string, { data: Record<string, Row> } | undefined>)[name]?.data ?? {})
    const { expected: shape, ...store } = storeShape(data, name)
    const rows = rowsOf(pinia, name)
    const repo = useRepo(model, pinia)
    const relations = Object.keys(model.fields()).filter(field => !ATTRIBUTES[name].includes(field))
    const actual = {
      store,
      found: rows.map(row => attributesOf(repo.find(row.id as string))),
      all: repo.all().map(item => item.$getAttributes()),
      with: relations.map(field => repo.with(field).get().map((item) => {
        const value = (item as unknown as Record<string, unknown>)[field] as { $getAttributes: () => Row }[] | { $getAttributes: () => Row } | null
        return { record: item.$getAttributes(), related: Array.isArray(value) ? value.map(attributesOf) : attributesOf(value) }
      })),
      has: relations.map(field => repo.has(field).get().map(item => item.$getAttributes())),
      whereHas: relations.map(field => repo.whereHas(field, query => query.where(textOf(model, field), 'x')).get().map(item => item.$getAttributes())),
    }
    expect(actual, name).toEqual({
      store: { prototype: true, inherited: 0, records: shape },
      found: rows,
      all: rows,
      with: relations.map(field => bruteForceWith(pinia, model, field, MODELS)),
      has: relations.map(field => rows.filter(row => linked(pinia, row, model, field).length > 0)),
      whereHas: relations.map(field => rows.filter(row => linked(pinia, row, model, field).some(related => related[textOf(model, field)] === 'x'))),
    })
  }
}

describe('random write sequences on two Pinia instances', () => {
  it('keep every relation lookup equal to a brute-force join, and every store plain own data', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const pinias = [createPinia(), createPinia()]
        for (const pinia of pinias)
          registerModels(pinia, MODELS)
        for (const s of steps) {
          const target = pinias[s.on]!
          const other = pinias[1 - s.on]!
          const before = snapshot(target)
          const otherBefore = snapshot(other)
          try {
            apply(target, s)
          }
          catch (error) {
            // A write may be refused (say, a nested record that names its parent under another
            // id); it must then be an OrmError and change nothing.
            expect(error).toBeInstanceOf(OrmError)
            expect(snapshot(target)).toEqual(before)
          }
          expect(snapshot(other)).toEqual(otherBefore)
          check(target)
        }
      }),
      { numRuns: RUNS, seed: SEED },
    )
    // Random sequences leave foreign keys pointing at no record on purpose: the dev warning about
    // that is expected here, any other console output is not.
    const warn = vi.mocked(console.warn)
    const others = warn.mock.calls.filter(args => !/but no \w+ record has that/.test(String(args[0])))
    warn.mockClear()
    expect(others).toEqual([])
  }, 600_000)
})

// Property: after any interleaving of plain writes, optimistic writes (committed or rolled back in
// any order), undone transactions and nested undone transactions, the records are those that the
// surviving writes alone give, applied in the order they were made.
//
// The model, written apart from the ORM: each write is, when it is made, one of
// - create: the record did not exist; it is set whole (defaults, then the given fields);
// - patch: the record existed; the fields whose value it changed are set;
// - delete: the record existed and is removed (a delete of a missing record does nothing).
// The visible state is the initial one with the writes of every plain write, committed write and
// pending write replayed in order (a patch of a missing record does nothing, a create replaces the
// record, a delete removes it); rolled-back writes and undone transactions are left out.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { toRaw } from 'vue'
import { Model, optimistic, registerModels, transaction, useRepo } from '../../../src/runtime/orm'
import type { OptimisticWrite } from '../../../src/runtime/orm'
import { getDatabase } from '../../../src/runtime/orm/database'

class List extends Model {
  static override entity = 'lists'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), todos: this.hasMany(() => Todo, 'listId') }
  }
}

class Todo extends Model {
  static override entity = 'todos'
  static override fields() {
    return { id: this.attr(null), title: this.string(''), done: this.boolean(false), listId: this.attr(null) }
  }
}

type Entity = 'lists' | 'todos'
type Rec = Record<string, unknown>
type Write = { type: 'save', entity: Entity, id: number, fields: Rec } | { type: 'delete', entity: Entity, id: number }
type Op
  = | { kind: 'plain', write: Write }
    | { kind: 'optimistic', writes: Write[] }
    | { kind: 'commit' | 'rollback', pick: number }
    | { kind: 'undone', writes: Write[] }
    | { kind: 'innerUndone', before: Write[], inner: Write[], after: Write[] }

const DEFAULTS: Record<Entity, Rec> = { lists: { name: '' }, todos: { title: '', done: false, listId: null } }
const MODELS = { lists: List, todos: Todo }

interface Effect {
  entity: Entity
  id: number
  kind: 'create' | 'patch' | 'delete'
  values: Rec
  owner: number | null
}

/** The model: every effect in order, and which optimistic writes were rolled back. */
class Reference {
  private effects: Effect[] = []
  readonly rolledBack = new Set<number>()

  get length() {
    return this.effects.length
  }

  truncate(length: number) {
    this.effects.length = length
  }

  state(): Record<Entity, Map<number, Rec>> {
    const state = { lists: new Map<number, Rec>(), todos: new Map<number, Rec>() }
    for (const effect of this.effects) {
      if (effect.owner !== null && this.rolledBack.has(effect.owner))
        continue
      const records = state[effect.entity]
      const current = records.get(effect.id)
      if (effect.kind === 'delete')
        records.delete(effect.id)
      else if (effect.kind === 'create')
        records.set(effect.id, effect.values)
      else if (current)
        records.set(effect.id, { ...current, ...effect.values })
    }
    return state
  }

  write(write: Write, owner: number | null) {
    const current = this.state()[write.entity].get(write.id)
    if (write.type === 'delete') {
      if (current)
        this.effects.push({ entity: write.entity, id: write.id, kind: 'delete', values: {}, owner })
      return
    }
    if (!current) {
      this.effects.push({ entity: write.entity, id: write.id, kind: 'create', values: { id: write.id, ...DEFAULTS[write.entity], ...write.fields }, owner })
      return
    }
    const changed: Rec = {}
    for (const [field, value] of Object.entries(write.fields)) {
      if (!Object.is(current[field], value))
        changed[field] = value
    }
    this.effects.push({ entity: write.entity, id: write.id, kind: 'patch', values: changed, owner })
  }
}

function apply(pinia: Pinia, write: Write) {
  const repo = useRepo(MODELS[write.entity], pinia)
  if (write.type === 'delete')
    repo.destroy(write.id)
  else
    repo.save({ id: write.id, ...write.fields })
}

function expectSame(pinia: Pinia, reference: Reference) {
  const expected = reference.state()
  const state = toRaw(pinia.state.value) as Record<Entity, { data: Record<string, Rec> }>
  for (const entity of ['lists', 'todos'] as const)
    expect(state[entity].data).toEqual(Object.fromEntries([...expected[entity]].map(([id, record]) => [String(id), record])))
  // Relation lookups through the foreign-key index agree with the records.
  const lists = useRepo(List, pinia).with('todos').get().map(list => [list.id, (list as unknown as { todos: { id: number }[] }).todos.map(todo => todo.id)])
  const byList = [...expected.lists.keys()].sort((a, b) => a - b).map(id => [id, [...expected.todos.values()].filter(todo => todo.listId === id).map(todo => todo.id as number).sort((a, b) => a - b)])
  expect(lists).toEqual(byList)
  expect(useRepo(Todo, pinia).count()).toBe(expected.todos.size)
}

const id = fc.integer({ min: 1, max: 4 })
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ type: fc.constant('save' as const), entity: fc.constant('todos' as const), id, fields: fc.record({ title: fc.constantFrom('a', 'b', 'c'), done: fc.boolean(), listId: fc.constantFrom(1, 2, 3, null) }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('save' as const), entity: fc.constant('lists' as const), id: fc.integer({ min: 1, max: 3 }), fields: fc.record({ name: fc.constantFrom('x', 'y') }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('delete' as const), entity: fc.constantFrom('todos' as const, 'lists' as const), id }),
)
const writes = fc.array(write, { minLength: 1, maxLength: 3 })
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('plain' as const), write }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('optimistic' as const), writes }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constantFrom('commit' as const, 'rollback' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('undone' as const), writes }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('innerUndone' as const), before: writes, inner: writes, after: writes }), weight: 1 },
)

describe('optimistic writes interleaved with plain writes and transactions', () => {
  it('leave the records the surviving writes give, applied in order, after every step', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 25 }), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (ops, endings) => {
      const pinia = createPinia()
      registerModels(pinia, [List, Todo])
      const reference = new Reference()
      const seed: Write[] = [
        { type: 'save', entity: 'lists', id: 1, fields: { name: 'x' } },
        { type: 'save', entity: 'lists', id: 2, fields: { name: 'y' } },
        { type: 'save', entity: 'todos', id: 1, fields: { title: 'a', listId: 1 } },
        { type: 'save', entity: 'todos', id: 2, fields: { title: 'b', listId: 1 } },
        { type: 'save', entity: 'todos', id: 3, fields: { title: 'c', listId: 2 } },
      ]
      for (const each of seed) {
        apply(pinia, each)
        reference.write(each, null)
      }
      const pending: { write: OptimisticWrite, owner: number }[] = []
      let next = 0

      const run = (current: Op) => {
        switch (current.kind) {
          case 'plain':
            apply(pinia, current.write)
            reference.write(current.write, null)
            break
          case 'optimistic': {
            const owner = next++
            const handle = optimistic(() => {
              for (const each of current.writes) {
                apply(pinia, each)
                reference.write(each, owner)
              }
            }, pinia)
            pending.push({ write: handle, owner })
            break
          }
          case 'commit':
          case 'rollback': {
            if (pending.length === 0)
              break
            const [chosen] = pending.splice(current.pick % pending.length, 1)
            if (current.kind === 'commit') {
              chosen!.write.commit()
            }
            else {
              chosen!.write.rollback()
              reference.rolledBack.add(chosen!.owner)
            }
            break
          }
          case 'undone': {
            const mark = reference.length
            expect(() => transaction(() => {
              for (const each of current.writes) {
                apply(pinia, each)
                reference.write(each, null)
              }
              throw new Error('undo')
            }, pinia)).toThrow('undo')
            reference.truncate(mark)
            break
          }
          case 'innerUndone': {
            const owner = next++
            const handle = optimistic(() => {
              for (const each of current.before) {
                apply(pinia, each)
                reference.write(each, owner)
              }
              const mark = reference.length
              try {
                transaction(() => {
                  for (const each of current.inner) {
                    apply(pinia, each)
                    reference.write(each, owner)
                  }
                  throw new Error('undo inner')
                }, pinia)
              }
              catch {
                reference.truncate(mark)
              }
              for (const each of current.after) {
                apply(pinia, each)
                reference.write(each, owner)
              }
            }, pinia)
            pending.push({ write: handle, owner })
            break
          }
        }
      }

      for (const current of ops) {
        run(current)
        expectSame(pinia, reference)
      }
      // Settle what is left, in the order given.
      let i = 0
      while (pending.length > 0)
        run({ kind: endings[i++ % endings.length] ? 'commit' : 'rollback', pick: i * 7 })
      expectSame(pinia, reference)
      expect(getDatabase(pinia)._interceptor).toBeUndefined()
    }), { numRuns: 300 })
  })
})

// pinia-orm documents overriding the entity store's actions in `static piniaOptions` ("Overwriting
// (e.g. actions)"). The ORM here writes through the Pinia's database, so such an override never runs:
// it is warned about in dev, never silently ignored (issue #12).
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { Model, createORM, useRepo } from '../../src/runtime/orm'
import { _overriddenStoreActions } from '../../src/runtime/orm/overriddenStoreActions'
import { expectWarning } from './expectWarning'

const calls: string[] = []

// pinia-orm's documented example, without its `...useStoreActions()` spread.
class User extends Model {
  static override entity = 'users'
  static override piniaOptions = {
    actions: {
      save(this: { data: Record<string, unknown> }, records: Record<string, unknown>) {
        calls.push('save')
        this.data = { ...this.data, ...records }
      },
    },
  }

  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

class Todo extends Model {
  static override entity = 'todos'
  static override piniaOptions = {
    state: () => ({ filter: 'all' }),
    actions: {
      setFilter(this: { filter: string }, filter: string) {
        this.filter = filter
      },
    },
  }

  static override fields() {
    return { id: this.attr(null), done: this.boolean(false) }
  }
}

class Note extends Model {
  static override entity = 'notes'
  static override piniaOptions = () => ({
    delete() {
      calls.push('delete')
    },
    flush() {
      calls.push('flush')
    },
  })

  static override fields() {
    return { id: this.attr(null), text: this.string('') }
  }
}

afterEach(() => {
  calls.length = 0
  vi.unstubAllEnvs()
})

describe('an entity store action overridden in static piniaOptions', () => {
  it('is never called by the ORM, which saves anyway, and is warned about once per model, naming it and what to use instead', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    users.save({ id: 1, name: 'Ann' })
    expectWarning('User.piniaOptions.actions.save', 'never called by useRepo(User).save()', 'lifecycle hook', 'plugin', 'custom repository')
    users.save({ id: 2, name: 'Bob' })
    useRepo(User, pinia).where('name', 'Bob').delete()
    expect(calls).toEqual([])
    expect(users.all().map(user => user.name)).toEqual(['Ann'])
    expect(vi.mocked(console.warn)).not.toHaveBeenCalled()
  })

  it('is warned about in each Pinia (once per request on a server)', () => {
    useRepo(User, createPinia()).save({ id: 1 })
    expectWarning('User.piniaOptions.actions.save')
    useRepo(User, createPinia()).save({ id: 1 })
    expectWarning('User.piniaOptions.actions.save')
  })

  it('names every overridden member a setup store returns', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ pinia: { storeType: 'setupStore' } }))
    const notes = useRepo(Note, pinia)
    notes.save({ id: 1, text: 'x' })
    expectWarning('Note.piniaOptions.delete, piniaOptions.flush', 'these overrides are never called')
    notes.flush()
    expect(calls).toEqual([])
    expect(notes.count()).toBe(0)
  })

  it('is not warned about in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    useRepo(User, createPinia()).save({ id: 1 })
    expect(vi.mocked(console.warn)).not.toHaveBeenCalled()
  })

  it('is not what other actions are: those work and warn nothing', () => {
    const todos = useRepo(Todo, createPinia())
    const store = todos.piniaStore() as unknown as { filter: string, setFilter: (filter: string) => void }
    store.setFilter('done')
    expect(store.filter).toBe('done')
    expect(vi.mocked(console.warn)).not.toHaveBeenCalled()
  })
})

describe('_overriddenStoreActions', () => {
  it('lists the ORM write actions among an option store\'s actions, in pinia-orm\'s order', () => {
    const noop = () => {}
    expect(_overriddenStoreActions({ actions: { flush: noop, setFilter: noop, save: noop, insert: noop } }, 'optionStore')).toEqual(['save', 'insert', 'flush'])
  })

  it('lists the functions a setup store returns under those names, not other values', () => {
    expect(_overriddenStoreActions({ update: () => {}, fresh: 'not a function', destroy: () => {} }, 'setupStore')).toEqual(['update', 'destroy'])
  })

  it('finds nothing in options without actions, or in members that are not an object', () => {
    expect(_overriddenStoreActions({ persist: true }, 'optionStore')).toEqual([])
    expect(_overriddenStoreActions({ save: () => {} }, 'optionStore')).toEqual([])
    expect(_overriddenStoreActions(null, 'setupStore')).toEqual([])
  })
})

// How entity stores are made (two models of one entity in two namespaces: namespaces.test.ts): static namespace, static piniaOptions, createORM({ pinia: { storeType } }).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp, ref } from 'vue'
import { Model, createORM, packState, unpackState, useRepo } from '../../src/runtime/orm'

class Account extends Model {
  static override entity = 'accounts'
  static override namespace = 'auth'
  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

class Todo extends Model {
  static override entity = 'todos'
  static override piniaOptions = {
    state: () => ({ filter: 'all' }),
    getters: {
      doneCount: (state: { data: Record<string, { done: boolean }> }) => Object.values(state.data).filter(todo => todo.done).length,
    },
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
  static override piniaOptions = () => ({ draft: ref('') })
  static override fields() {
    return { id: this.attr(null), text: this.string('') }
  }
}

describe('static namespace', () => {
  it('names the store namespace/entity and the ORM reads and writes it', () => {
    const pinia = createPinia()
    const accounts = useRepo(Account, pinia)
    accounts.save({ id: 1, name: 'Ann' })
    expect(accounts.piniaStore().$id).toBe('auth/accounts')
    expect(pinia.state.value['auth/accounts']).toEqual({ data: { 1: { id: 1, name: 'Ann' } } })
    expect(pinia.state.value.accounts).toBeUndefined()
    expect(accounts.find(1)?.name).toBe('Ann')
    expect(accounts.count()).toBe(1)
  })

  it('survives a payload round trip', () => {
    const server = createPinia()
    useRepo(Account, server).save({ id: 1, name: 'Ann' })
    const client = createPinia()
    client.state.value = unpackState(JSON.parse(JSON.stringify(packState(server))))
    expect(useRepo(Account, client).find(1)?.name).toBe('Ann')
  })
})

describe('static piniaOptions', () => {
  it('adds state, getters and actions to an option store', () => {
    const pinia = createPinia()
    const todos = useRepo(Todo, pinia)
    todos.save([{ id: 1, done: true }, { id: 2 }])
    const store = todos.piniaStore() as unknown as { filter: string, doneCount: number, setFilter: (filter: string) => void }
    expect(store.filter).toBe('all')
    expect(store.doneCount).toBe(1)
    store.setFilter('done')
    expect(store.filter).toBe('done')
    expect(todos.count()).toBe(2)
  })

  it('keeps the extra state through a payload round trip', () => {
    const server = createPinia()
    const todos = useRepo(Todo, server)
    todos.save({ id: 1, done: true });
    (todos.piniaStore() as unknown as { setFilter: (filter: string) => void }).setFilter('done')
    const client = createPinia()
    client.state.value = unpackState(JSON.parse(JSON.stringify(packState(server))))
    const store = useRepo(Todo, client).piniaStore() as unknown as { filter: string }
    expect(store.filter).toBe('done')
    expect(useRepo(Todo, client).find(1)?.done).toBe(true)
  })

  it('gives a setup store the members a function returns, new refs for each Pinia', () => {
    const make = () => {
      const pinia = createPinia()
      createApp({}).use(pinia)
      return pinia.use(createORM({ pinia: { storeType: 'setupStore' } }))
    }
    const a = make()
    const b = make()
    const notes = useRepo(Note, a)
    notes.save({ id: 1, text: 'x' })
    const storeA = notes.piniaStore() as unknown as { draft: string }
    storeA.draft = 'typed'
    expect((useRepo(Note, b).piniaStore() as unknown as { draft: string }).draft).toBe('')
    expect(notes.find(1)?.text).toBe('x')
    expect(a.state.value.notes).toEqual({ draft: 'typed', data: { 1: { id: 1, text: 'x' } } })
  })
})

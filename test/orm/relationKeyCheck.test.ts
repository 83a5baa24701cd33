// A relation whose key is not an attribute of its model, as in pinia-orm's own Nuxt playground
// (`User.todos` links by 'user_id', which its ToDo model does not declare). pinia-orm 1.10 loads
// such a relation empty and drops the link of a nested save without a word; here the relation
// throws when it is used, naming the field to declare, and the models work otherwise.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, registerModels, useRepo } from '../../src/runtime/orm'

class Todo extends Model {
  static override entity = 'Todo'
  static override fields() {
    return { id: this.uid(), text: this.string(''), name: this.string('') }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.uid(), name: this.string(''), todos: this.hasMany(Todo, 'user_id') }
  }
}

const missingUserId = '[nuxt-pinia-orm] User.todos links records by \'user_id\', which is not an attribute of Todo. Declare it in Todo.fields(), e.g. `user_id: this.attr(null)`.'

describe('a relation keyed by a field its model does not declare', () => {
  it('leaves registration and the models\' own records working', () => {
    const pinia = createPinia()
    registerModels(pinia, [Todo, User])
    useRepo(Todo, pinia).insert({ text: 'Fix TS support', name: 'TS Todo' })
    useRepo(User, pinia).save({ id: 'u1', name: 'Ada' })
    expect(useRepo(Todo, pinia).all().map(todo => todo.text)).toEqual(['Fix TS support'])
    expect(useRepo(User, pinia).find('u1')?.name).toBe('Ada')
  })

  it('throws when the relation is loaded, naming the field to declare', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 'u1', name: 'Ada' })
    expect(() => useRepo(User, pinia).with('todos').get()).toThrowError(missingUserId)
  })

  it('throws on a nested save, and writes neither the parent nor its children', () => {
    const pinia = createPinia()
    expect(() => useRepo(User, pinia).save({ id: 'u2', name: 'Grace', todos: [{ text: 'Nested' }] })).toThrowError(missingUserId)
    expect(useRepo(User, pinia).all()).toEqual([])
    expect(useRepo(Todo, pinia).all()).toEqual([])
  })
})

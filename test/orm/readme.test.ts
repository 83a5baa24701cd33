// The core example of README.md, as written there.
import { createPinia } from 'pinia'
import { expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), phone: this.hasOne(Phone, 'userId') }
  }
}

class Phone extends Model {
  static override entity = 'phones'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), number: this.string(''), user: this.belongsTo(User, 'userId') }
  }
}

it('runs the README example of the core with the results it shows', () => {
  const pinia = createPinia()
  useRepo(User, pinia).save({ id: 1, name: 'John', phone: { id: 10, number: '555' } })

  expect(pinia.state.value).toEqual({
    users: { data: { 1: { id: 1, name: 'John' } } },
    phones: { data: { 10: { id: 10, userId: 1, number: '555' } } },
  })
  expect(useRepo(User, pinia).with('phone').find(1)!.phone!.number).toBe('555')
  expect(useRepo(Phone, pinia).with('user').first()!.user!.name).toBe('John')
})

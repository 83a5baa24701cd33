import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'

  static override fields() {
    return { id: this.attr(null), firstName: this.attr(''), lastName: this.attr('') }
  }

  static override mutators() {
    return {
      firstName: {
        get: (value: string) => value.toLowerCase(),
        set: (value: string) => value.toUpperCase(),
      },
      lastName: (value: string) => value.toLowerCase(),
    }
  }
}

describe('mutators', () => {
  it('stores what set returns and shows what get returns', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, firstName: 'John' })
    expect(useRepo(User, pinia).piniaStore().data['1']!.firstName).toBe('JOHN')
    expect(useRepo(User, pinia).find(1)!.firstName).toBe('john')
  })

  it('applies a mutator given as a function on read only', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, lastName: 'Doe' })
    expect(useRepo(User, pinia).piniaStore().data['1']!.lastName).toBe('Doe')
    expect(useRepo(User, pinia).find(1)!.lastName).toBe('doe')
  })

  it('applies get mutators to a new instance', () => {
    expect(new User({ firstName: 'JANE', lastName: 'ROE' })).toMatchObject({ firstName: 'jane', lastName: 'roe' })
  })

  it('throws, naming the field, when a mutator is neither a function nor { get, set }', () => {
    class Bad extends Model {
      static override entity = 'bad-mutators'
      static override fields() {
        return { id: this.attr(null), name: this.attr('') }
      }

      static override mutators() {
        return { name: { get: 'upper' } as never }
      }
    }
    expect(() => useRepo(Bad, createPinia())).toThrow(/Bad\.mutators\(\) gives 'name' a mutator whose get or set is not a function/)
  })
})

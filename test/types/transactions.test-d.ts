// transaction() returns what its function returns; an optimistic write's result and settle() keep
// their types.
import { createPinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, optimistic, transaction, useRepo } from '../../src/runtime/orm'
import type { Item, OptimisticStatus, OptimisticWrite } from '../../src/runtime/orm'

class Todo extends Model {
  static override entity = 'todos'
  static override fields() {
    return { id: this.attr(null), title: this.string(''), done: this.boolean(false) }
  }
}

describe('transactions', () => {
  const pinia = createPinia()

  it('transaction() gives the type its function returns', () => {
    expectTypeOf(transaction(() => useRepo(Todo, pinia).save({ id: 1 }), pinia)).toEqualTypeOf<Item<typeof Todo>>()
    expectTypeOf(transaction(() => 'done' as const, pinia)).toEqualTypeOf<'done'>()
  })

  it('optimistic() keeps the result type, and settle() the promise type', () => {
    const write = optimistic(() => useRepo(Todo, pinia).save([{ id: 1 }]), pinia)
    expectTypeOf(write).toEqualTypeOf<OptimisticWrite<Item<typeof Todo>[]>>()
    expectTypeOf(write.result[0]!.title).toEqualTypeOf<string>()
    expectTypeOf(write.status).toEqualTypeOf<OptimisticStatus>()
    expectTypeOf(write.settle(Promise.resolve(42))).toEqualTypeOf<Promise<number>>()
  })
})

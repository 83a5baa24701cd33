// A decorated subclass changes a field its decorated base declares: setFieldDeleteMode() applies
// to the inherited relation (@OnDelete on a redeclared field: legacy/subclassOnDelete.test.ts).
// @NonEnumerable on a stored field is refused by name.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { Attr, HasMany, NonEnumerable, Str } from '../../src/runtime/orm/decorators'

class Task extends Model {
  static override entity = 'tasks'
  @Attr(null) id!: number | null
  @Attr(null) ownerId!: number | null
}

class Owner extends Model {
  static override entity = 'owners'
  @Attr(null) id!: number | null
  @HasMany(() => Task, 'ownerId') tasks!: Task[]
}

class Manager extends Owner {
  static override entity = 'managers'
}
Manager.setFieldDeleteMode('tasks', 'cascade')

describe('a decorated subclass', () => {
  it('setFieldDeleteMode() on a relation its base declares makes the subclass\'s relation cascade, not the base\'s', () => {
    const pinia = createPinia()
    useRepo(Manager, pinia).save({ id: 1, tasks: [{ id: 10 }, { id: 11 }] })
    useRepo(Owner, pinia).save({ id: 2, tasks: [{ id: 20 }] })

    useRepo(Manager, pinia).destroy(1)
    useRepo(Owner, pinia).destroy(2)

    expect(Object.keys(pinia.state.value.tasks!.data)).toEqual(['20'])
  })

  it('@NonEnumerable on a stored field throws, naming the field and what to use', () => {
    class Secretive extends Model {
      static override entity = 'secretive'
      @Attr(null) id!: number | null
      @NonEnumerable @Str('') secret!: string
    }
    expect(() => useRepo(Secretive, createPinia()).save({ id: 1, secret: 's' })).toThrow('[nuxt-pinia-orm] Secretive.secret: @NonEnumerable on a field of the model is not supported yet. It keeps a helper property the ORM does not store out of Object.keys() and JSON; to keep a stored field out of query results and JSON, use @Hidden() instead.')
  })
})

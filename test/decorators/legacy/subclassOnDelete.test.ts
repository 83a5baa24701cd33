// @OnDelete on a subclass, for a relation its decorated base declares: the field redeclared with
// `declare`, as pinia-orm 1.x's decorated models write fields (standard decorators cannot decorate
// a `declare` field; there, setFieldDeleteMode() does it: ../subclassModifiers.test.ts).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../../src/runtime/orm'
import { Attr, HasMany, OnDelete } from '../../../src/runtime/orm/decorators'

class Chore extends Model {
  static override entity = 'chores'
  @Attr(null) declare id: number | null
  @Attr(null) declare ownerId: number | null
}

class Household extends Model {
  static override entity = 'households'
  @Attr(null) declare id: number | null
  @HasMany(() => Chore, 'ownerId') declare chores: Chore[]
}

class StrictHousehold extends Household {
  static override entity = 'strictHouseholds'
  @OnDelete('cascade') declare chores: Chore[]
}

describe('@OnDelete on a decorated subclass', () => {
  it('makes the relation its base declares cascade for the subclass, not for the base', () => {
    const pinia = createPinia()
    useRepo(StrictHousehold, pinia).save({ id: 1, chores: [{ id: 10 }] })
    useRepo(Household, pinia).save({ id: 2, chores: [{ id: 20 }] })

    useRepo(StrictHousehold, pinia).destroy(1)
    useRepo(Household, pinia).destroy(2)

    expect(Object.keys(pinia.state.value.chores!.data)).toEqual(['20'])
  })
})

import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { CastAttribute, Model, useRepo } from '../../src/runtime/orm'

class Note extends Model {
  static override entity = 'notes'

  static override fields() {
    return { id: this.attr(null), body: this.attr('') }
  }

  static override casts() {
    return { body: CastAttribute }
  }

  declare id: number | null
  declare body: unknown
}

class Vehicle extends Model {
  static override entity = 'vehicles'

  static override types() {
    return { VEHICLE: Vehicle, TRUCK: Truck }
  }

  static override fields() {
    return { id: this.attr(null), name: this.attr('') }
  }
}

class Truck extends Vehicle {
  static override entity = 'trucks'
  static override baseEntity = 'vehicles'

  static override fields() {
    return { ...super.fields(), load: this.number(0) }
  }
}

describe('model features as pinia-orm 1.10 has them', () => {
  it('takes the base CastAttribute as a cast that keeps values as they are given', () => {
    const pinia = createPinia()
    const saved = useRepo(Note, pinia).save({ id: 1, body: { lines: ['a', 'b'] } })
    expect(saved.body).toEqual({ lines: ['a', 'b'] })
    expect(useRepo(Note, pinia).piniaStore().data['1']!.body).toEqual({ lines: ['a', 'b'] })
    expect(useRepo(Note, pinia).find(1)!.body).toEqual({ lines: ['a', 'b'] })
    expect(new Note({ body: 'plain' }).body).toBe('plain')
  })

  it('makes the entity store of a model when useRepo is first called for it, before any save', () => {
    const pinia = createPinia()
    useRepo(Note, pinia).save([])
    expect(pinia.state.value).toEqual({ notes: { data: {} } })
  })

  it('shows the type of each record on its instance when fields() does not declare the type key', () => {
    const pinia = createPinia()
    useRepo(Vehicle, pinia).save([{ type: 'VEHICLE', id: 1, name: 'Cart' }, { type: 'TRUCK', id: 2, name: 'Lorry', load: 7 }])
    const [cart, lorry] = useRepo(Vehicle, pinia).all()
    expect(cart).toBeInstanceOf(Vehicle)
    expect(cart!.$toJson()).toEqual({ id: 1, name: 'Cart', type: 'VEHICLE' })
    expect(lorry).toBeInstanceOf(Truck)
    expect(lorry!.$toJson()).toEqual({ id: 2, name: 'Lorry', load: 7, type: 'TRUCK' })
  })

  it('says a subclass inherits its base\'s decorated fields when its fields() reads pinia-orm\'s schemas registry', () => {
    class Animal extends Model {
      static override entity = 'animals'

      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class Dog extends Animal {
      static override entity = 'dogs'

      // pinia-orm's pattern for a subclass of a decorated model; `schemas` is protected there.
      static override fields() {
        // @ts-expect-error -- not declared here, as TypeScript users of this library see.
        return { ...super.schemas[super.entity], race: this.attr('') }
      }
    }
    expect(() => useRepo(Dog, createPinia())).toThrow('[nuxt-pinia-orm] Dog.schemas is pinia-orm\'s registry of the fields decorators declare, which nuxt-pinia-orm does not have: a subclass inherits the fields of its base\'s decorators. Return only the subclass\'s own fields from its fields() (drop `...super.schemas[super.entity]`), or declare them with decorators.')
  })
})

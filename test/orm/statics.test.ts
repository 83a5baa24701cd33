// Issue 11: pinia-orm's public statics, as its users call them in their code and test set-ups.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, StringAttr, useRepo } from '../../src/runtime/orm'
import { getSchema } from '../../src/runtime/orm/schema'

let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
})

class Item extends Model {
  static override entity = 'items'
  static override primaryKey = 'uuid'

  static override fields() {
    return { name: this.string('') }
  }
}

describe('pinia-orm\'s registry statics', () => {
  it('clearRegistries() and clearBootedModels() can be called between tests and leave records and models working', () => {
    useRepo(Item, pinia).save({ uuid: 'a', name: 'Lamp' })
    Model.clearRegistries()
    Model.clearBootedModels()
    Item.clearRegistries()
    expect(useRepo(Item, pinia).find('a')!.name).toBe('Lamp')
    expect(useRepo(Item, createPinia()).all()).toEqual([])
  })

  it('newRawInstance() gives an instance of the model with no attribute set', () => {
    const raw = Item.newRawInstance()
    expect(raw).toBeInstanceOf(Item)
    expect(Object.keys(raw)).toEqual([])
  })

  it('setRegistry() declares a field as a decorator does', () => {
    class Tagged extends Model {
      static override entity = 'tagged'
    }
    Tagged.setRegistry('id', () => Tagged.attr(null)).setRegistry('label', () => Tagged.string('none'))
    expect(getSchema(Tagged).attributes.get('label')).toBeInstanceOf(StringAttr)
    expect(useRepo(Tagged, pinia).save({ id: 1 }).$getAttributes()).toEqual({ id: 1, label: 'none' })
  })

  it('setCast(), setMutator() and setHidden() add to the class\'s casts(), mutators() and hidden', () => {
    class Note extends Model {
      static override entity = 'notes'
      static override fields() {
        return { id: this.attr(null), body: this.string(''), secret: this.string('') }
      }
    }
    const lower = (value: string) => value.toLowerCase()
    Note.setCast('body', String).setMutator('body', { get: lower }).setHidden('secret')
    const statics = Note as unknown as { casts: () => unknown, mutators: () => unknown, hidden: string[] }
    expect(statics.casts()).toEqual({ body: String })
    expect(statics.mutators()).toEqual({ body: { get: lower } })
    expect(statics.hidden).toEqual(['secret'])
  })
})

describe('primary keys as pinia-orm treats them', () => {
  it('a static primaryKey that fields() does not declare is an attribute defaulting to null', () => {
    expect(getSchema(Item).attributeNames).toEqual(['name', 'uuid'])
    const items = useRepo(Item, pinia)
    items.save([{ uuid: 'a', name: 'Lamp' }, { uuid: 'b', name: 'Desk' }])
    expect(items.find('b')!.$getAttributes()).toEqual({ name: 'Desk', uuid: 'b' })
    expect((items.make({ name: 'Chair' }) as unknown as { uuid: unknown }).uuid).toBeNull()
  })

  it('$getKey() of a record without a key is null, for a simple and a composite key', () => {
    class Pair extends Model {
      static override entity = 'pairs'
      static override primaryKey = ['a', 'b']
      static override fields() {
        return { a: this.attr(null), b: this.attr(null) }
      }
    }
    expect(useRepo(Item, pinia).make().$getKey()).toBeNull()
    expect(new Item({ uuid: 'x' }).$getKey()).toBe('x')
    expect(useRepo(Pair, pinia).make({ a: 1 }).$getKey()).toBeNull()
    expect(useRepo(Pair, pinia).make({ a: 1, b: 2 }).$getKey()).toEqual([1, 2])
  })
})

// Which names a query reads on model instances (query/instanceFields.ts) and what update() writes of
// its values (query/updateValues.ts), tested on the schemas of small models.
import { describe, expect, it } from 'vitest'
import { DateCast, Model } from '../../../src/runtime/orm'
import { _isGetter, _isInstanceField, _readsOnInstance } from '../../../src/runtime/orm/query/instanceFields'
import { checkKeyKept, storedValues } from '../../../src/runtime/orm/query/updateValues'
import { getSchema } from '../../../src/runtime/orm/schema'

class Shift extends Model {
  declare label: string
  static override entity = 'if-shifts'
  static override hidden = ['code']
  static override fields() {
    return { id: this.attr(null), label: this.string(''), at: this.attr(null), code: this.string(''), plain: this.attr(0) }
  }

  static override casts() {
    return { at: DateCast }
  }

  static override mutators() {
    return { code: (value: string) => value.toUpperCase() }
  }

  get shout(): string {
    return this.label.toUpperCase()
  }
}

const schema = getSchema(Shift)

describe('instanceFields', () => {
  it('reads a getter, and a field with a cast\'s get, on instances; a plain or hidden field as stored', () => {
    expect(_isGetter(schema, 'shout')).toBe(true)
    expect(_isGetter(schema, 'label')).toBe(false)
    expect(_isGetter(schema, '$toJson')).toBe(false)
    expect(_readsOnInstance(schema, 'at')).toBe(true)
    expect(_readsOnInstance(schema, 'shout')).toBe(true)
    expect(_readsOnInstance(schema, 'plain')).toBe(false)
    expect(_readsOnInstance(schema, 'code')).toBe(false)
    expect(_isInstanceField(schema, 'nothing')).toBe(false)
  })
})

describe('updateValues', () => {
  it('storedValues keeps the attributes of the schema, in stored form', () => {
    expect(storedValues(schema, { label: 'a', other: 1, at: new Date(Date.UTC(2024, 0, 2)) })).toEqual({ label: 'a', at: '2024-01-02T00:00:00.000Z' })
  })

  it('checkKeyKept accepts the record\'s own key, in any form, and refuses another', () => {
    expect(() => checkKeyKept(schema, { id: 1 }, '1', { id: '1', label: 'x' })).not.toThrow()
    expect(() => checkKeyKept(schema, { id: 1 }, '1', { label: 'x' })).not.toThrow()
    expect(() => checkKeyKept(schema, { id: 1 }, '1', { id: 2 })).toThrow('update() on Shift cannot change the primary key \'id\' of the record 1.')
  })
})

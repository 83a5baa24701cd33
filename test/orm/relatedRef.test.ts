import { describe, expect, it } from 'vitest'
import { Model } from '../../src/runtime/orm'
import { isModelClass, modelOfRef } from '../../src/runtime/orm/relatedRef'

class Phone extends Model {
  static override entity = 'phones'
}

describe('modelOfRef', () => {
  it('names the class given, the class a function returns, or the entity name as given', () => {
    expect(modelOfRef(Phone)).toBe(Phone)
    expect(modelOfRef(() => Phone)).toBe(Phone)
    expect(modelOfRef('phones')).toBe('phones')
  })

  it('gives undefined when the function returns no model class', () => {
    expect(modelOfRef((() => undefined) as never)).toBeUndefined()
    expect(modelOfRef((() => ({ entity: 'x' })) as never)).toBeUndefined()
  })
})

describe('isModelClass', () => {
  it('takes a class with fields() and an entity, nothing else', () => {
    expect(isModelClass(Phone)).toBe(true)
    expect(isModelClass(() => Phone)).toBe(false)
    expect(isModelClass('phones')).toBe(false)
  })
})

// Issue 11: with standard decorators, a decorated class field keeps the value Model's constructor
// filled in, so `new Model(attributes)` works as with `static fields()`.
import { describe, expect, it } from 'vitest'
import { DecoratedUser } from '../models'
import { TwinUser } from '../twins'

describe('new on a decorated model (standard decorators)', () => {
  it('fills the decorated fields from the attributes and defaults, like its static fields() twin', () => {
    const decorated = new DecoratedUser({ id: 1, name: 'Ada' })
    const twin = new TwinUser({ id: 1, name: 'Ada' })
    expect(decorated.$getAttributes()).toEqual({ id: 1, name: 'Ada', age: 0, active: false })
    expect(decorated.$getAttributes()).toEqual(twin.$getAttributes())
    expect(Object.keys(decorated)).toEqual(Object.keys(twin))
  })
})

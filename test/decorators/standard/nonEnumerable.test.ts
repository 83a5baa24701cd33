// Issue 11: @NonEnumerable on a class field, which standard decorators make non-enumerable on each
// instance (legacy decorators need `declare` for it: see legacy/declare.test.ts).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../../src/runtime/orm'
import { Attr, NonEnumerable, Str } from '../../../src/runtime/orm/decorators'

class Draft extends Model {
  static override entity = 'drafts'

  @Attr(null) id!: number | null
  @Str('') body!: string
  @NonEnumerable cursor!: number
}

describe('@NonEnumerable', () => {
  it('keeps an instance property out of Object.keys, spreads and JSON, and still readable', () => {
    const draft = useRepo(Draft, createPinia()).save({ id: 1, body: 'Hello' })
    draft.cursor = 4
    expect(draft.cursor).toBe(4)
    expect(Object.keys(draft)).toEqual(['id', 'body'])
    expect({ ...draft }).toEqual({ id: 1, body: 'Hello' })
    expect(JSON.parse(JSON.stringify(draft))).toEqual({ id: 1, body: 'Hello' })
  })
})

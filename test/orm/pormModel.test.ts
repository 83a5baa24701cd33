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
})

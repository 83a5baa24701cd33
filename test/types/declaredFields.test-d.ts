// Type tests: models typed as pinia-orm's documentation types them, with `declare` fields, model
// statics written with `override` (Nuxt's tsconfig has noImplicitOverride).
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class Member extends Model {
  static override entity = 'members'
  static override namespace = 'crm'
  static override piniaOptions = { state: () => ({ filter: 'all' }) }
  static override config = { withMeta: true, axiosApi: { baseURL: '/api' } }

  static override fields() {
    return {
      id: this.attr(null),
      nick: this.string(null),
      votes: this.number(0),
      ids: this.attr([]),
    }
  }

  declare id: number | null
  declare nick: string | null
  declare votes: number
  declare ids: number[]
}

describe('declared fields', () => {
  it('keep the type the class declares over the one fields() gives', () => {
    const member = useRepo(Member, {} as Pinia).find(1)!
    expectTypeOf(member.nick).toEqualTypeOf<string | null>()
    expectTypeOf(member.ids).toEqualTypeOf<number[]>()
    member.nick = null
    member.ids.push(1)
  })
})

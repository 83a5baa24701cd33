// Two decorated models of one entity in different namespaces keep apart, as with static fields()
// (test/orm/namespaces.test.ts).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { Attr, BelongsTo, HasMany, Str } from '../../src/runtime/orm/decorators'

class Member extends Model {
  static override entity = 'members'
  @Attr(null) id!: number | null
  @Str('') name!: string
  @HasMany(() => Note, 'memberId') notes!: Note[]
}

class CrmMember extends Model {
  static override entity = 'members'
  static override namespace = 'crm'
  @Attr(null) id!: number | null
  @Str('lead') stage!: string
}

class Note extends Model {
  static override entity = 'notes'
  @Attr(null) id!: number | null
  @Attr(null) memberId!: number | null
  @BelongsTo(() => Member, 'memberId') member!: Member | null
}

describe('decorated models of one entity in two namespaces', () => {
  it('keep their records in their own stores and read them back as their own class', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save({ id: 1, name: 'Ann', notes: [{ id: 1 }] })
    useRepo(CrmMember, pinia).save({ id: 1, stage: 'won' })
    expect(pinia.state.value.members!.data).toEqual({ 1: { id: 1, name: 'Ann' } })
    expect(pinia.state.value['crm/members']!.data).toEqual({ 1: { id: 1, stage: 'won' } })
    expect(useRepo(CrmMember, pinia).find(1)).toBeInstanceOf(CrmMember)
    expect(useRepo(CrmMember, pinia).find(1)!.stage).toBe('won')
    expect(useRepo(Note, pinia).with('member').find(1)!.member).toBeInstanceOf(Member)
  })
})

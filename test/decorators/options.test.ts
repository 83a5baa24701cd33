// pinia-orm's decorator options: `@Str(value, { notNullable: true })`, `@Num`, `@Bool` and `@Uid(options)`.
// This file runs twice, once per decorator mode (vitest projects `decorators-standard` and
// `decorators-legacy`, see compile.ts).
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { getSchema } from '../../src/runtime/orm/schema'
import { Attr, Bool, Num, Str, Uid } from '../../src/runtime/orm/decorators'
import type { NanoidOptions, TypeOptions, UidOptions } from '../../src/runtime/orm/decorators'

class Contact extends Model {
  static override entity = 'option_contacts'
  @Attr(null) id!: number | null
  @Str('', { notNullable: true }) name!: string
  @Num(0, { notNullable: true }) age!: number
  @Bool(false, { notNullable: true }) active!: boolean
  @Str('') nick!: string
}

describe('decorator options', () => {
  it('{ notNullable: true } on @Str, @Num and @Bool makes the field notNullable(), as in static fields()', () => {
    const attributes = getSchema(Contact).attributes
    expect(['name', 'age', 'active', 'nick'].map(field => attributes.get(field)!._notNullable)).toEqual([true, true, true, false])
  })

  it('saving null to a notNullable decorated field warns, naming the model and the field', () => {
    useRepo(Contact, createPinia()).save({ id: 1, name: null, age: 3, active: true, nick: null })
    expect(vi.mocked(console.warn).mock.calls.map(([message]) => String(message))).toEqual([
      '[nuxt-pinia-orm] Contact.name is declared notNullable(), but a save gives it null. Give it a value, or drop .notNullable() if null is valid.',
    ])
    vi.mocked(console.warn).mockClear()
  })

  it('an option @Str does not have throws, naming it', () => {
    expect(() => Str('', { nullable: true } as TypeOptions)).toThrow('[nuxt-pinia-orm] @Str(value, { nullable }): the option \'nullable\' is not supported. Its only option is notNullable, e.g. @Str(\'\', { notNullable: true }).')
  })

  it('@Uid takes pinia-orm\'s UidOptions: { size, alphabet } or a size', () => {
    const nanoid: NanoidOptions = { size: 8, alphabet: 'ab' }
    const sized: UidOptions = 12
    class Token extends Model {
      static override entity = 'option_tokens'
      @Uid(nanoid) id!: string
      @Uid(sized) code!: string
    }
    const token = useRepo(Token, createPinia()).save({})
    expect(token.id).toMatch(/^[ab]{8}$/)
    expect(token.code).toMatch(/^[\w-]{12}$/)
  })
})

// `@Uid()` of pinia-orm's id cast packages (nuxt-pinia-orm/nanoid and nuxt-pinia-orm/uuid/*), in the
// form pinia-orm's documentation gives: the decorator declares the field with this.uid() and the
// package's UidCast. This file runs once per decorator mode (see compile.ts).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { Str } from '../../src/runtime/orm/decorators'
import { Uid as NanoidUid } from '../../src/runtime/orm/nanoid'
import { Uid as NonSecureUid } from '../../src/runtime/orm/nanoid/non-secure'
import { Uid as AsyncUid } from '../../src/runtime/orm/nanoid/async'
import { Uid as V1Uid } from '../../src/runtime/orm/uuid/v1'
import { Uid as V4Uid } from '../../src/runtime/orm/uuid/v4'

class NanoidNote extends Model {
  static override entity = 'uid_nanoid_notes'
  @NanoidUid() id!: string
  @Str('') text!: string
}

class SizedNote extends Model {
  static override entity = 'uid_sized_notes'
  @NonSecureUid({ size: 6, alphabet: '0123456789' }) id!: string
  @Str('') text!: string
}

class AsyncNote extends Model {
  static override entity = 'uid_async_notes'
  @AsyncUid() id!: string
}

class V1Note extends Model {
  static override entity = 'uid_v1_notes'
  @V1Uid({ node: [1, 2, 3, 4, 5, 6], clockseq: 0x0102 }) id!: string
  @Str('') text!: string
}

class V4Note extends Model {
  static override entity = 'uid_v4_notes'
  @V4Uid() id!: string
  @Str('') text!: string
}

describe.each([
  ['nanoid', NanoidNote, /^[\w-]{21}$/],
  ['nanoid/non-secure with size and alphabet', SizedNote, /^\d{6}$/],
  ['nanoid/async', AsyncNote, /^[\w-]{21}$/],
  ['uuid/v1 with node and clock sequence', V1Note, /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-8102-010203040506$/],
  ['uuid/v4', V4Note, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
] as const)('@Uid() of %s', (_name, model, shape) => {
  it('generates the id of a record saved without one, under which the store keeps it', () => {
    const pinia = createPinia()
    const saved = useRepo(model, pinia).save({})
    expect(saved.id).toMatch(shape)
    expect(Object.keys((pinia.state.value[model.entity] as { data: object }).data)).toEqual([saved.id])
    expect(useRepo(model, pinia).find(saved.id)!.id).toBe(saved.id)
  })

  it('keeps a given id and gives made instances one', () => {
    expect(useRepo(model, createPinia()).save({ id: 'mine' }).id).toBe('mine')
    // make(), not `new`: a class field compiled with legacy decorators is defined after the fill.
    expect(useRepo(model, createPinia()).make().id).toMatch(shape)
  })
})

it('gives the ids of one uuid/v1 model increasing timestamps', () => {
  const ids = useRepo(V1Note, createPinia()).save(Array.from({ length: 50 }, () => ({}))).map(note => note.id)
  const ticks = ids.map(id => BigInt(`0x${id.slice(15, 18)}${id.slice(9, 13)}${id.slice(0, 8)}`))
  expect(ticks.slice(1).every((tick, i) => tick > ticks[i]!)).toBe(true)
})

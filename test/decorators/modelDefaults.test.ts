// createORM({ model }) defaults on decorated models, as pinia-orm's own tests of its configuration
// write them. Runs once per decorator mode (see compile.ts).
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { Model, createORM, useRepo } from '../../src/runtime/orm'
import type { CreateOrmOptions } from '../../src/runtime/orm'
import { Attr, Hidden, Str } from '../../src/runtime/orm/decorators'

class Member extends Model {
  static override entity = 'members'

  @Attr(0) id!: number
  @Str('') name!: string
  @Str('') username!: string
}

class Agent extends Model {
  static override entity = 'agents'

  @Attr(0) id!: number
  @Str('') username!: string
  @Hidden() @Str('') codename!: string
}

function appPinia(options: CreateOrmOptions): Pinia {
  const pinia = createPinia()
  createApp({}).use(pinia)
  return pinia.use(createORM(options))
}

afterEach(() => {
  vi.useRealTimers()
})

describe('createORM({ model }) with decorated models', () => {
  it('withMeta: _meta is kept, and shown only by withMeta()', () => {
    vi.useFakeTimers({ now: 9_000 })
    const members = useRepo(Member, appPinia({ model: { withMeta: true } }))
    members.save({ id: 1, name: 'John', username: 'JD' })

    expect(members.find(1)?._meta).toBe(undefined)
    expect(members.withMeta().find(1)?._meta).toEqual({ createdAt: 9, updatedAt: 9 })
  })

  it('hidden: the field is not on the instance', () => {
    const members = useRepo(Member, appPinia({ model: { hidden: ['username'] } }))
    members.save({ id: 1, name: 'John', username: 'JD' })

    expect(members.find(1)?.username).toBe(undefined)
    expect(members.find(1)?.name).toBe('John')
  })

  it('visible: only these fields and the primary key are on the instance', () => {
    const members = useRepo(Member, appPinia({ model: { visible: ['name'] } }))
    members.save({ id: 1, name: 'John', username: 'JD' })

    expect(members.find(1)?.username).toBe(undefined)
    expect(members.find(1)?.$toJson()).toEqual({ id: 1, name: 'John' })
  })

  it('a field hidden with @Hidden() is the model\'s own hidden list, which wins over the default', () => {
    const agents = useRepo(Agent, appPinia({ model: { hidden: ['username'] } }))
    agents.save({ id: 7, username: 'jb', codename: '007' })

    expect(agents.find(7)?.$toJson()).toEqual({ id: 7, username: 'jb' })
  })
})

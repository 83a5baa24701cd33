// new Model(attributes, { operation, action }): pinia-orm's fill operations, 'get' giving the
// instance a query reads and 'set' the record a save stores.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { DateCast, Model, useRepo } from '../../src/runtime/orm'
import type { Item } from '../../src/runtime/orm'

class Event extends Model {
  static override entity = 'events'
  static override hidden = ['secret']
  static override fields() {
    return { id: this.attr(null), startsAt: this.attr<string | Date | null>(null), title: this.string(''), secret: this.string('') }
  }

  static override casts() {
    return { startsAt: DateCast }
  }

  static override mutators() {
    return { title: { get: (value: string) => value.toUpperCase(), set: (value: string) => value.trim() } }
  }
}

/** What `new Event(...)` holds; the constructor's type is the class's, without the fields. */
type EventItem = Item<typeof Event>

class Note extends Model {
  static override entity = 'notes'
  static override config = { withMeta: true }
  static override fields() {
    return { id: this.attr(null), body: this.string('') }
  }
}

describe('new Model(attributes, { operation })', () => {
  it('\'get\' gives the values a query reads: casts\' and mutators\' get, hidden fields left off', () => {
    const event = new Event({ id: 1, startsAt: '2024-03-01T10:00:00.000Z', title: 'launch', secret: 'x' }, { operation: 'get' }) as EventItem

    expect(event.startsAt).toEqual(new Date('2024-03-01T10:00:00.000Z'))
    expect(event.title).toBe('LAUNCH')
    expect('secret' in event).toBe(false)
  })

  it('\'set\' gives the values a save stores: mutators\' and casts\' set, hidden fields kept', () => {
    const pinia = createPinia()
    const input = { id: 1, startsAt: new Date('2024-03-01T10:00:00.000Z'), title: '  launch ', secret: 'x' }

    const event = new Event(input, { operation: 'set' })
    useRepo(Event, pinia).save(input)

    expect(event.$getAttributes()).toEqual({ id: 1, startsAt: '2024-03-01T10:00:00.000Z', title: 'launch', secret: 'x' })
    expect(event.$getAttributes()).toEqual(pinia.state.value.events!.data[1])
  })

  it('keeps null as null either way', () => {
    expect((new Event({ id: 1, startsAt: null }, { operation: 'get' }) as EventItem).startsAt).toBeNull()
    expect((new Event({ id: 1, startsAt: null }, { operation: 'set' }) as EventItem).startsAt).toBeNull()
  })

  it('\'set\' fills _meta for a model that keeps it, and \'update\' keeps the createdAt given', () => {
    const before = Math.floor(Date.now() / 1000)
    const saved = new Note({ id: 1, body: 'a' }, { operation: 'set', action: 'save' })
    const updated = new Note({ id: 1, body: 'b', _meta: { createdAt: 100, updatedAt: 100 } }, { operation: 'set', action: 'update' })
    const after = Math.floor(Date.now() / 1000)

    const meta = saved._meta as { createdAt: number, updatedAt: number }
    expect(meta.createdAt).toBeGreaterThanOrEqual(before)
    expect(meta.createdAt).toBeLessThanOrEqual(after)
    expect(meta.updatedAt).toBe(meta.createdAt)
    expect((updated._meta as { createdAt: number }).createdAt).toBe(100)
    expect((updated._meta as { updatedAt: number }).updatedAt).toBeGreaterThanOrEqual(before)
  })

  it('refuses an operation or action it does not know, naming the option and the choices', () => {
    expect(() => new Event({}, { operation: 'read' as 'get' })).toThrow(/new Event\(attributes, \{ operation: "read" \}\): 'operation' is one of 'get', 'set'/)
    expect(() => new Event({}, { operation: 'set', action: 'delete' as 'save' })).toThrow(/'action' is one of 'save', 'update', 'insert'/)
  })
})

// Type tests of the model features: casts change instance types; the instance API is on Item.
import type { Pinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { ArrayCast, CastAttribute, DateCast, Model, createORM, useRepo } from '../../src/runtime/orm'
import type { Element, Item } from '../../src/runtime/orm'

class Upper extends CastAttribute<string> {
  override get(value: unknown): string {
    return String(value).toUpperCase()
  }
}

class Event extends Model {
  static override entity = 'events'
  static override hidden = ['secret']
  static override fields() {
    return {
      id: this.attr<number>(null),
      name: this.string(''),
      startsAt: this.string(''),
      endsAt: this.attr(null),
      tags: this.attr<string>('[]'),
      code: this.attr<number>(0),
      secret: this.string(''),
    }
  }

  static override casts() {
    return { startsAt: DateCast, endsAt: DateCast, tags: ArrayCast, code: Upper }
  }

  static override saving(model: Event) {
    if (model.$isDirty('name'))
      return false
  }
}

declare const pinia: Pinia

describe('model feature types', () => {
  it('a date cast makes the field a Date, null-able where the field was', () => {
    const event = useRepo(Event, pinia).find(1)!
    expectTypeOf(event.startsAt).toEqualTypeOf<Date>()
    expectTypeOf(event.endsAt).toEqualTypeOf<Date | null>()
    expectTypeOf(event.tags).toEqualTypeOf<unknown[] | Record<string, unknown>>()
    expectTypeOf(event.code).toEqualTypeOf<string>()
    expectTypeOf(event.name).toEqualTypeOf<string>()
  })

  it('Item includes the instance API', () => {
    expectTypeOf<Item<typeof Event>['$isDirty']>().toEqualTypeOf<(field?: string) => boolean>()
    expectTypeOf<Item<typeof Event>['$getOriginal']>().returns.toEqualTypeOf<Element | null>()
    expectTypeOf<Item<typeof Event>['$refresh']>().toBeFunction()
    expectTypeOf<Item<typeof Event>['$getIndexId']>().returns.toEqualTypeOf<string | undefined>()
  })

  it('queries have makeHidden, makeVisible and withMeta', () => {
    expectTypeOf(useRepo(Event, pinia).makeVisible(['secret']).withMeta().get()).toEqualTypeOf<Item<typeof Event>[]>()
  })

  it('an instance has _meta, as pinia-orm types it: set after withMeta() when meta data is kept', () => {
    expectTypeOf(useRepo(Event, pinia).withMeta().find(1)!._meta).toEqualTypeOf<{ createdAt: number, updatedAt: number } | undefined>()
  })

  it('createORM({ model }) takes withMeta, hidden, visible and namespace', () => {
    expectTypeOf(createORM).toBeCallableWith({ model: { withMeta: true, hidden: ['password'], visible: ['*'], namespace: 'app' } })
    // @ts-expect-error pinia-orm's cache provider is not supported
    createORM({ cache: { provider: Map } })
  })

  it('every lifecycle hook may be overridden with pinia-orm\'s (model, record) signature', () => {
    class Audited extends Model {
      static override entity = 'audited'
      static override fields() {
        return { id: this.attr(null) }
      }

      static override saving(_model: Model, _record: Record<string, unknown>) {}
      static override deleting(_model: Model, _record: Record<string, unknown>) {}
      static override deleted(_model: Model, _record: Record<string, unknown>) {}
      static override retrieved(_model: Model, _record: Record<string, unknown>) {}
    }
    expectTypeOf(useRepo(Audited, pinia).find(1)).toEqualTypeOf<Item<typeof Audited> | null>()
  })
})

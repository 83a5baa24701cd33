// Behaviours a pinia-orm app relies on when it reads records and their relations, found by running
// pinia-orm's own relation-reading tests against this core.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

describe('a field declared without a default', () => {
  class Ticket extends Model {
    static override entity = 'tickets'
    static override fields() {
      return { id: this.attr(null), seat: this.attr<string>(), note: this.attr<string>(undefined) }
    }

    declare id: number | null
    declare seat: string | null
    declare note: string | null
  }

  it('is null in a record saved without it, in the store and on the instance', () => {
    const pinia = createPinia()
    const saved = useRepo(Ticket, pinia).save({ id: 1 })
    expect(saved.seat).toBeNull()
    expect(pinia.state.value.tickets!.data[1]).toEqual({ id: 1, seat: null, note: null })
    expect(useRepo(Ticket, pinia).find(1)!.$toJson()).toEqual({ id: 1, seat: null, note: null })
  })

  it('is null on a new instance and on a record whose stored data lacks it', () => {
    expect(new Ticket().seat).toBeNull()
    expect(useRepo(Ticket, createPinia()).make({ id: 2 }).note).toBeNull()
    const pinia = createPinia()
    pinia.state.value.tickets = { data: { 3: { id: 3 } } }
    expect(useRepo(Ticket, pinia).find(3)!.seat).toBeNull()
  })

  it('keeps a value given to it, and the null given to it', () => {
    const repo = useRepo(Ticket, createPinia())
    repo.save([{ id: 1, seat: '12A', note: null }])
    expect(repo.find(1)!.$toJson()).toEqual({ id: 1, seat: '12A', note: null })
  })
})

describe('a morphTo whose keys were never given', () => {
  class Album extends Model {
    static override entity = 'albums'
    static override fields() {
      return { id: this.attr(null), title: this.string('') }
    }
  }

  class Cover extends Model {
    static override entity = 'covers'
    static override fields() {
      return {
        id: this.attr(null),
        ownerId: this.attr(),
        ownerType: this.attr(),
        owner: this.morphTo([Album], 'ownerId', 'ownerType'),
      }
    }
  }

  it('loads as null, its keys read as null', () => {
    const pinia = createPinia()
    useRepo(Album, pinia).save({ id: 1, title: 'Blue' })
    useRepo(Cover, pinia).save({ id: 1 })
    expect(useRepo(Cover, pinia).with('owner').find(1)!.$toJson()).toEqual({ id: 1, ownerId: null, ownerType: null, owner: null })
  })
})

// A query's own visibility changes and what a read does to its instances (query/retrieve.ts).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../../src/runtime/orm'
import { makeHidden, makeVisible, retrieve } from '../../../src/runtime/orm/query/retrieve'
import type { VisibilitySource } from '../../../src/runtime/orm/query/retrieve'

let seen: { id: number, hasName: boolean, secret: string | undefined }[] = []

class Account extends Model {
  static override entity = 'retrieveAccounts'
  static override hidden = ['secret']
  static override fields() {
    return { id: this.attr(null), name: this.string(''), secret: this.string('') }
  }

  static override retrieved(account: Model): void {
    seen.push({ id: (account as Account).id, hasName: 'name' in account, secret: (account as Account).secret })
  }

  declare id: number
  declare name: string
  declare secret: string
}

describe('makeHidden and makeVisible', () => {
  it('start the query\'s override on first use and add to it after', () => {
    const query: VisibilitySource = { _visibility: undefined }

    makeHidden(query, ['a'])
    makeHidden(query, ['b'])

    expect(query._visibility).toEqual({ hidden: new Set(['a', 'b']) })
  })

  it('undo each other for the same field: the last call decides', () => {
    const query: VisibilitySource = { _visibility: undefined }

    makeHidden(query, ['a', 'b'])
    makeVisible(query, ['a'])
    expect(query._visibility).toEqual({ hidden: new Set(['b']), visible: new Set(['a']) })

    makeHidden(query, ['a'])
    expect(query._visibility).toEqual({ hidden: new Set(['b', 'a']), visible: new Set() })
  })
})

describe('retrieve', () => {
  it('applies the query\'s visibility to the instances, then runs the retrieved hook on each', () => {
    const pinia = createPinia()
    useRepo(Account, pinia).save([{ id: 1, name: 'Ann', secret: 's' }, { id: 2, name: 'Bob', secret: 't' }])
    const query = useRepo(Account, pinia).query()
    const items = query._selectFrom(Object.values(useRepo(Account, pinia).piniaStore().data))
    seen = []

    makeVisible(query, ['secret'])
    makeHidden(query, ['name'])
    retrieve(query, items)

    expect(seen).toEqual([{ id: 1, hasName: false, secret: 's' }, { id: 2, hasName: false, secret: 't' }])
    expect((items[0] as Account).$toJson()).toEqual({ id: 1, secret: 's' })
  })
})

// Writes through a query (query/write.ts): every check before the first write, and one store write
// for all the matching records.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useRepo } from '../../../src/runtime/orm'
import { deleteMatching, updateMatching } from '../../../src/runtime/orm/query/write'
import { User } from '../models'

let pinia: Pinia
let writes: number
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }, { id: 3, name: 'Cid' }])
  writes = 0
  useRepo(User, pinia).piniaStore().$subscribe(() => writes++, { flush: 'sync' })
})

const names = () => useRepo(User, pinia).orderBy('id').get().map(user => user.name)

describe('updateMatching', () => {
  it('sets the values on every matching record in one store write and returns them as instances', () => {
    const updated = updateMatching(useRepo(User, pinia).query().where('id', [1, 3]), { name: 'X' })

    expect(updated.map(user => (user as unknown as { id: number }).id)).toEqual([1, 3])
    expect(updated[0]).toBeInstanceOf(User)
    expect(names()).toEqual(['X', 'Bob', 'X'])
    expect(writes).toBe(1)
  })

  it('checks the primary key of every record before writing: a key change after a good field changes nothing', () => {
    expect(() => updateMatching(useRepo(User, pinia).query(), { name: 'X', id: 9 })).toThrow(/cannot change the primary key 'id'/)
    expect(names()).toEqual(['Ann', 'Bob', 'Cid'])
    expect(writes).toBe(0)
  })

  it('writes nothing when no record matches', () => {
    expect(updateMatching(useRepo(User, pinia).query().where('name', 'Nobody'), { name: 'X' })).toEqual([])
    expect(names()).toEqual(['Ann', 'Bob', 'Cid'])
  })
})

describe('deleteMatching', () => {
  it('deletes every matching record in one store write and returns them', () => {
    const deleted = deleteMatching(useRepo(User, pinia).query().where('name', (name: string) => name !== 'Bob'))

    expect(deleted.map(user => (user as unknown as { name: string }).name)).toEqual(['Ann', 'Cid'])
    expect(names()).toEqual(['Bob'])
    expect(writes).toBe(1)
  })
})

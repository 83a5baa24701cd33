import { createPinia } from 'pinia'
import { computed } from 'vue'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { recordsOfKeys, saveForKeys } from '../../src/runtime/repoKeys'
import { Phone, User } from '../orm/models'

class Seat extends Model {
  static override entity = 'seats'
  static override primaryKey = ['row', 'number']
  static override fields() {
    return { row: this.string(''), number: this.number(0) }
  }
}

describe('saveForKeys (what useFetchRepo keeps in its payload entry)', () => {
  it('saves a nested response into every store and returns only the top-level keys, in order', () => {
    const pinia = createPinia()
    const keys = saveForKeys(useRepo(User, pinia), [
      { id: 2, name: 'Linus', phone: { id: 20, number: '555-2' } },
      { id: 1, name: 'Ada', phone: { id: 10, number: '555-1' } },
    ], '\'/api/users\'')
    expect(keys).toEqual([2, 1])
    expect(useRepo(Phone, pinia).with('user').find(10)?.user?.name).toBe('Ada')
  })

  it('takes a single record as a list of one, and lists a key repeated in the response once', () => {
    const pinia = createPinia()
    expect(saveForKeys(useRepo(User, pinia), { id: 1, name: 'Ada' }, 'request')).toEqual([1])
    expect(saveForKeys(useRepo(User, pinia), [{ id: 1 }, { id: 2 }, { id: 1 }], 'request')).toEqual([1, 2])
  })

  it('returns a composite key as its list of values', () => {
    const pinia = createPinia()
    expect(saveForKeys(useRepo(Seat, pinia), [{ row: 'A', number: 1 }, { row: 'B', number: 2 }], 'request')).toEqual([['A', 1], ['B', 2]])
  })

  it('writes nothing when one record of the response cannot be saved', () => {
    const pinia = createPinia()
    expect(() => saveForKeys(useRepo(User, pinia), [{ id: 1, name: 'Ada', phone: { id: 10 } }, { name: 'No key' }], 'request')).toThrow(/User/)
    expect(useRepo(User, pinia).all()).toEqual([])
    expect(useRepo(Phone, pinia).all()).toEqual([])
  })

  it('refuses a response that is not records, naming the model and the request, and says to use transform', () => {
    const pinia = createPinia()
    expect(() => saveForKeys(useRepo(User, pinia), 'oops', '\'/api/users\'')).toThrow(
      '[nuxt-pinia-orm] useFetchRepo(User, \'/api/users\') received string, not records. Return a record or a list of records from the endpoint, or pass `transform` to pick them out of the response (e.g. `transform: response => response.items`).',
    )
  })
})

describe('recordsOfKeys (useFetchRepo\'s data)', () => {
  it('reads the records of the keys in their order, with the requested relations', () => {
    const pinia = createPinia()
    const repo = useRepo(User, pinia)
    repo.save([{ id: 1, name: 'Ada', phone: { id: 10, number: '555-1' } }, { id: 2, name: 'Linus' }, { id: 3, name: 'Grace' }])
    const users = recordsOfKeys(repo, [3, 1], 'phone')
    expect(users.map(user => [user.name, user.phone?.number ?? null])).toEqual([['Grace', null], ['Ada', '555-1']])
    expect(recordsOfKeys(repo, [1], ['phone', 'posts'])[0]?.posts).toEqual([])
  })

  it('gives an empty list before the fetch has keys', () => {
    const repo = useRepo(User, createPinia())
    expect(recordsOfKeys(repo, undefined, 'phone')).toEqual([])
    expect(recordsOfKeys(useRepo(Seat, createPinia()), [], undefined)).toEqual([])
  })

  it('finds records by composite key', () => {
    const repo = useRepo(Seat, createPinia())
    repo.save([{ row: 'A', number: 1 }, { row: 'B', number: 2 }])
    expect(recordsOfKeys(repo, [['B', 2]], undefined).map(seat => seat.row)).toEqual(['B'])
  })

  it('follows later saves and deletes when read in a computed', () => {
    const pinia = createPinia()
    const repo = useRepo(User, pinia)
    const keys = saveForKeys(repo, [{ id: 1, name: 'Ada' }, { id: 2, name: 'Linus' }], 'request')
    const users = computed(() => recordsOfKeys(repo, keys, 'phone').map(user => `${user.name}: ${user.phone?.number ?? 'no phone'}`))
    expect(users.value).toEqual(['Ada: no phone', 'Linus: no phone'])
    useRepo(Phone, pinia).save({ id: 10, userId: 2, number: '555-2' })
    repo.save({ id: 1, name: 'Ada Lovelace' })
    expect(users.value).toEqual(['Ada Lovelace: no phone', 'Linus: 555-2'])
    repo.destroy(1)
    expect(users.value).toEqual(['Linus: 555-2'])
  })
})

import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { keyOf, keyOfId } from '../../src/runtime/orm/keys'

class Member extends Model {
  static override entity = 'members'
  static override primaryKey = ['teamId', 'userId']
  static override fields() {
    return {
      teamId: this.attr(null),
      userId: this.attr(null),
      role: this.string('member'),
      badges: this.hasMany(() => Badge, ['memberTeamId', 'memberUserId']),
    }
  }
}

class Badge extends Model {
  static override entity = 'badges'
  static override fields() {
    return {
      id: this.attr(null),
      memberTeamId: this.attr(null),
      memberUserId: this.attr(null),
      label: this.string(''),
      member: this.belongsTo(Member, ['memberTeamId', 'memberUserId']),
    }
  }
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
})

describe('keyOf and keyOfId', () => {
  it('makes one string key for a single field and a JSON array for several', () => {
    expect(keyOf({ id: 1 }, ['id'])).toBe('1')
    expect(keyOf({ a: 1, b: 'x' }, ['a', 'b'])).toBe('[1,"x"]')
    expect(keyOfId(1, ['id'])).toBe('1')
    expect(keyOfId([1, 'x'], ['a', 'b'])).toBe('[1,"x"]')
  })

  it('writes each value of a composite key as JSON writes it, bigints as the number they are', () => {
    for (const values of [[1.5, -0], [1e21, -2], [Number.NaN, Infinity], ['1', 1], [true, 'a"b']])
      expect(keyOf({ a: values[0], b: values[1] }, ['a', 'b'])).toBe(JSON.stringify(values))
    expect(keyOf({ a: 3n, b: 1 }, ['a', 'b'])).toBe('[3,1]')
  })

  it('gives no key when a part is null or missing', () => {
    expect(keyOf({ id: null }, ['id'])).toBeUndefined()
    expect(keyOf({ a: 1 }, ['a', 'b'])).toBeUndefined()
    expect(keyOfId([1], ['a', 'b'])).toBeUndefined()
  })
})

describe('composite primary keys', () => {
  it('keys the store by the JSON array of the key values', () => {
    useRepo(Member, pinia).save([{ teamId: 1, userId: 2, role: 'owner' }, { teamId: 1, userId: 3 }])

    expect(pinia.state.value.members!.data).toEqual({
      '[1,2]': { teamId: 1, userId: 2, role: 'owner' },
      '[1,3]': { teamId: 1, userId: 3, role: 'member' },
    })
  })

  it('finds and destroys by an array of values, and several by an array of arrays', () => {
    const members = useRepo(Member, pinia)
    members.save([{ teamId: 1, userId: 2 }, { teamId: 1, userId: 3 }, { teamId: 2, userId: 2 }])

    expect(members.find([1, 3])!.$getKey()).toEqual([1, 3])
    expect(members.find([[2, 2], [1, 2]]).map(member => member.$getKey())).toEqual([[2, 2], [1, 2]])
    expect(members.destroy([1, 2])!.$getKey()).toEqual([1, 2])
    expect(Object.keys(pinia.state.value.members!.data)).toEqual(['[1,3]', '[2,2]'])
  })

  it('reads an array of another length than the key as a list of ids, as pinia-orm reads every array', () => {
    const members = useRepo(Member, pinia)
    members.save([{ teamId: 1, userId: 2 }, { teamId: 1, userId: 3 }])

    // `find(selected)` with nothing selected is an empty list, never null.
    expect(members.find([])).toEqual([])
    expect(members.find([1, 2, 3] as never)).toEqual([])
    expect((members.find(['[1,3]'] as never) as unknown as Member[]).map(member => member.$getKey())).toEqual([[1, 3]])
    expect(members.destroy([])).toEqual([])
    expect(Object.keys(pinia.state.value.members!.data)).toEqual(['[1,2]', '[1,3]'])
  })

  it('links relations by composite foreign keys both ways', () => {
    useRepo(Member, pinia).save({ teamId: 1, userId: 2, badges: [{ id: 1, label: 'gold' }] })
    useRepo(Badge, pinia).save({ id: 2, label: 'silver', member: { teamId: 7, userId: 8 } })

    expect(pinia.state.value.badges!.data).toEqual({
      1: { id: 1, memberTeamId: 1, memberUserId: 2, label: 'gold' },
      2: { id: 2, memberTeamId: 7, memberUserId: 8, label: 'silver' },
    })
    expect(useRepo(Member, pinia).with('badges').find([1, 2])!.badges!.map(badge => badge.label)).toEqual(['gold'])
    expect(useRepo(Badge, pinia).with('member').find(2)!.member!.$getKey()).toEqual([7, 8])
  })

  it('refuses destroy() of an id that does not give every key field, and deletes nothing', () => {
    const members = useRepo(Member, pinia)
    members.save([{ teamId: 1, userId: 2 }, { teamId: 2, userId: 1 }])

    expect(() => members.destroy(2 as never)).toThrow(/destroy\(\) on Member: the id 2 does not give its composite key \('teamId', 'userId'\)/)
    expect(() => members.destroy([[1, 2], [2]])).toThrow(/the id \[2\] does not give its composite key/)
    expect(() => members.destroy('[1]')).toThrow(/the id "\[1\]" does not give/)
    expect(() => members.query().where('role', 'member').destroy(1 as never)).toThrow(/destroy\(\) on Member: the id 1/)
    expect(Object.keys(pinia.state.value.members!.data)).toEqual(['[1,2]', '[2,1]'])
    expect(members.destroy('[2,1]')!.$getKey()).toEqual([2, 1])
    expect(members.destroy(null as never)).toBeNull()
  })
})

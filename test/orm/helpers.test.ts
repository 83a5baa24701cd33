// Collection helpers, used as pinia-orm's documentation shows them on what a repository returns.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { useCollect, useGroupBy, useKeys, useMax, useMin, usePluck, useSortBy, useSum } from '../../src/runtime/orm/helpers'

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }
}

class Person extends Model {
  static override entity = 'people'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), lastname: this.string(''), age: this.attr<number | null>(null), role: this.hasOne(Role, 'userId') }
  }
}

function people() {
  const pinia = createPinia()
  useRepo(Person, pinia).save([
    { id: 1, name: 'bob', lastname: 'b', age: 30, role: { id: 1, title: 'admin' } },
    { id: 2, name: 'Ann', lastname: 'z', age: 20 },
    { id: 3, name: 'ann', lastname: 'a', age: null, role: { id: 3, title: 'user' } },
  ])
  return useRepo(Person, pinia).with('role').get()
}

describe('collection helpers', () => {
  it('useSum, useMin and useMax work on number fields, skipping other values', () => {
    const users = people()
    expect(useSum(users, 'age')).toBe(50)
    expect(useMin(users, 'age')).toBe(20)
    expect(useMax(users, 'age')).toBe(30)
    expect(useMax([], 'age')).toBe(0)
  })

  it('usePluck gives each value, following one-to-one relations with dots, leaving out missing ones as pinia-orm does', () => {
    const users = people()
    expect(usePluck(users, 'name')).toEqual(['bob', 'Ann', 'ann'])
    expect(usePluck(users, 'role.title')).toEqual(['admin', 'user'])
  })

  it('useKeys gives the primary keys', () => {
    expect(useKeys(people())).toEqual([1, 2, 3])
  })

  it('useGroupBy groups by one field or several', () => {
    const users = people()
    expect(Object.keys(useGroupBy(users, 'name'))).toEqual(['bob', 'Ann', 'ann'])
    expect(Object.keys(useGroupBy(users, ['name', 'age']))).toEqual(['[bob,30]', '[Ann,20]', '[ann,]'])
  })

  it('useGroupBy puts a number and its string in one group, keeps groups named like members of Object.prototype, and fills every list', () => {
    const items = [{ k: '__proto__', i: 1 }, { k: 2, i: 2 }, { k: 'constructor', i: 3 }, { k: '2', i: 4 }, { k: '__proto__', i: 5 }, { k: 'toString', i: 6 }]
    const groups = useGroupBy(items, 'k')
    expect(Object.keys(groups)).toEqual(['2', '__proto__', 'constructor', 'toString'])
    expect(Object.getPrototypeOf(groups)).toBe(Object.prototype)
    const lists = Object.keys(groups).map(key => Object.getOwnPropertyDescriptor(groups, key)!.value as typeof items)
    expect(lists.map(list => list.map(item => item.i))).toEqual([[2, 4], [1, 5], [3], [6]])
    // No hole in any list: each index holds its item.
    expect(lists.every(list => Object.keys(list).length === list.length)).toBe(true)
  })

  it('useSortBy sorts by a field, case-insensitively with SORT_FLAG_CASE, by pairs, or by a function', () => {
    const users = people()
    const names = (list: typeof users) => list.map(user => user.id)
    expect(names(useSortBy(users, 'name'))).toEqual([2, 3, 1])
    expect(names(useSortBy(users, 'name', 'SORT_FLAG_CASE'))).toEqual([2, 3, 1])
    expect(names(useSortBy(users, [['name', 'desc'], ['lastname', 'asc']]))).toEqual([1, 3, 2])
    expect(names(useSortBy(users, user => user.age))).toEqual([2, 1, 3])
    expect(names(users)).toEqual([1, 2, 3])
    const letters = [{ n: 'b' }, { n: 'A' }, { n: 'C' }]
    expect(useSortBy(letters, 'n').map(item => item.n)).toEqual(['A', 'C', 'b'])
    expect(useSortBy(letters, 'n', 'SORT_FLAG_CASE').map(item => item.n)).toEqual(['A', 'b', 'C'])
    // Folded to upper case, as pinia-orm folds: what lies between 'Z' and 'a' sorts after letters.
    const marks = [{ n: '_x' }, { n: 'a b' }, { n: 'B' }, { n: '[' }]
    expect(useSortBy(marks, 'n', 'SORT_FLAG_CASE').map(item => item.n)).toEqual(['a b', 'B', '[', '_x'])
  })

  it('useCollect binds every helper to one collection', () => {
    const users = useCollect(people())
    expect(users.sum('age')).toBe(50)
    expect(users.min('age')).toBe(20)
    expect(users.max('age')).toBe(30)
    expect(users.pluck('name')).toEqual(['bob', 'Ann', 'ann'])
    expect(users.keys()).toEqual([1, 2, 3])
    expect(users.sortBy('age').map(user => user.id)).toEqual([2, 1, 3])
    expect(Object.keys(users.groupBy('name'))).toEqual(['bob', 'Ann', 'ann'])
  })
})

// pinia-orm 1.10's model instance API: each test uses a method as pinia-orm documents it (its API
// pages and type declarations), with values checked against pinia-orm 1.10.2 where its pages are
// silent.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string('') }
  }
}

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string('John Doe'), age: this.number(0), posts: this.hasMany(Post, 'userId') }
  }

  declare id: number | null
  declare name: string
  declare age: number
}

class Member extends Model {
  static override entity = 'members'
  static override primaryKey = ['teamId', 'userId']
  static override fields() {
    return { teamId: this.attr(null), userId: this.attr(null) }
  }
}

describe('$fill', () => {
  it('$fill() without attributes fills in the defaults of the fields that have no value', () => {
    const user = new User(undefined, { fill: false })
    user.$fill()
    expect({ ...user }).toEqual({ id: null, name: 'John Doe', age: 0 })
  })

  it('$fill() without attributes keeps the values an instance has', () => {
    const user = new User({ id: 1, name: 'Jane' })
    expect(user.$fill()).toBe(user)
    expect({ ...user }).toEqual({ id: 1, name: 'Jane', age: 0 })
  })

  it('$fill(attributes) sets the given fields and keeps the others', () => {
    const user = new User({ id: 1, name: 'Jane', age: 30 })
    user.$fill({ name: 'Ann' })
    expect({ ...user }).toEqual({ id: 1, name: 'Ann', age: 30 })
  })
})

describe('$getKey and $getIndexId with a record', () => {
  it('$getKey(record) gives the record\'s key, not the instance\'s', () => {
    const user = new User({ id: 1 })
    expect(user.$getKey({ id: 'zz' })).toBe('zz')
    expect(user.$getKey({})).toBeNull()
    expect(user.$getKey()).toBe(1)
  })

  it('$getKey(record) of a composite key gives the record\'s values, or null when one is missing', () => {
    const member = new Member({ teamId: 1, userId: 2 })
    expect(member.$getKey({ teamId: 3, userId: 4 })).toEqual([3, 4])
    expect(member.$getKey({ teamId: 3 })).toBeNull()
  })

  it('$getKey(record, true) gives a composite key as the string the store keys it by', () => {
    const member = new Member({ teamId: 1, userId: 2 })
    expect(member.$getKey(undefined, true)).toBe('[1,2]')
    expect(member.$getKey({ teamId: 3, userId: 4 }, true)).toBe('[3,4]')
    expect(member.$getKey({ teamId: 3 }, true)).toBeNull()
    // A one-field key is its value either way.
    expect(new User({ id: 1 }).$getKey(undefined, true)).toBe(1)
  })

  it('$getIndexId(record) gives the key the store keeps the record under', () => {
    expect(new User({ id: 1 }).$getIndexId({ id: 7 })).toBe('7')
    expect(new Member({ teamId: 1, userId: 2 }).$getIndexId({ teamId: 5, userId: 6 })).toBe('[5,6]')
  })
})

describe('$toJson(model?, options?)', () => {
  it('$toJson(model) serializes the given model instead of the instance', () => {
    const pinia = createPinia()
    const users = useRepo(User, pinia)
    const john = users.save({ id: 1, name: 'John', posts: [{ id: 3, title: 'a' }] })
    const jane = users.save({ id: 2, name: 'Jane' })
    expect(jane.$toJson(john)).toEqual({ id: 1, name: 'John', age: 0, posts: [{ id: 3, userId: 1, title: 'a' }] })
  })

  it('$toJson(model, { relations: false }) leaves the relations out', () => {
    const john = useRepo(User, createPinia()).save({ id: 1, name: 'John', posts: [{ id: 3, title: 'a' }] })
    expect(john.$toJson(undefined, { relations: false })).toEqual({ id: 1, name: 'John', age: 0 })
    expect(john.$toJson(john, { relations: false })).toEqual({ id: 1, name: 'John', age: 0 })
    expect(john.$toJson()).toEqual({ id: 1, name: 'John', age: 0, posts: [{ id: 3, userId: 1, title: 'a' }] })
  })
})

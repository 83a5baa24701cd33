// A pinia-orm method this library lacks is an error naming it, not "is not a function".
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Query, Repository, useRepo } from '../../src/runtime/orm'
import { isMissingMethod, missingMethodNames } from '../../src/runtime/orm/missingMethods'
import { User } from './models'

const stubsOf = (prototype: object) => missingMethodNames.filter(name => isMissingMethod((prototype as Record<string, unknown>)[name]))

/** The public methods a class has, its parents' included (`_` internals and guard stubs left out). */
function methodsOf(type: { prototype: object }): string[] {
  const names = new Set<string>()
  for (let prototype = type.prototype; prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const value = Object.getOwnPropertyDescriptor(prototype, name)!.value
      if (name !== 'constructor' && !name.startsWith('_') && typeof value === 'function' && !isMissingMethod(value))
        names.add(name)
    }
  }
  return [...names].sort()
}

describe('the repository as a shortcut to query()', () => {
  it('has every public method of Query, so none is a TypeError or a guard on it', () => {
    const repository = methodsOf(Repository)

    expect(methodsOf(Query).filter(name => !repository.includes(name))).toEqual([])
  })

  it('delete() deletes every record of the model and returns them', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save([{ id: 1, name: 'John' }, { id: 2, name: 'Jane' }])

    const deleted = useRepo(User, pinia).delete()

    expect(deleted.map(user => user.name)).toEqual(['John', 'Jane'])
    expect(useRepo(User, pinia).piniaStore().$state.data).toEqual({})
  })

  it('load(models) on the repository loads nothing, as a query without with() loads nothing', () => {
    const pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, name: 'John', posts: [{ id: 10, title: 'a' }] })
    const users = useRepo(User, pinia).all()

    useRepo(User, pinia).load(users)

    expect(users[0]).not.toHaveProperty('posts')
    useRepo(User, pinia).with('posts').load(users)
    expect(users[0]!.posts!.map(post => post.id)).toEqual([10])
  })
})

describe('pinia-orm methods that are missing', () => {
  it('a call through the repository names the method and the migration table', () => {
    const users = useRepo(User, createPinia()) as unknown as { api: () => unknown }
    expect(() => users.api()).toThrow('[nuxt-pinia-orm] api() is a pinia-orm repository method that nuxt-pinia-orm does not have. See docs/migration-from-pinia-orm.md for its status and what to use instead.')
  })

  it('every stub of the repository and of a query throws so', () => {
    const users = useRepo(User, createPinia()) as unknown as Record<string, () => unknown>
    const query = useRepo(User, createPinia()).query() as unknown as Record<string, () => unknown>
    for (const name of stubsOf(Repository.prototype))
      expect(() => users[name]!()).toThrow(`${name}() is a pinia-orm repository method`)
    for (const name of stubsOf(Query.prototype))
      expect(() => query[name]!()).toThrow(`${name}() is a pinia-orm query method`)
    expect(stubsOf(Query.prototype)).toContain('api')
  })

  it('are not enumerable and leave the methods the classes have alone', () => {
    expect(Object.keys(Repository.prototype)).toEqual([])
    expect(isMissingMethod(Query.prototype.where)).toBe(false)
  })

  it('give way to a method a plugin sets on the repository', () => {
    const users = useRepo(User, createPinia())
    Object.assign(users, { api: () => 'from plugin' })
    expect((users as unknown as { api: () => string }).api()).toBe('from plugin')
  })
})

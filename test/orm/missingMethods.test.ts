// A pinia-orm method this library lacks is an error naming it, not "is not a function".
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Query, Repository, useRepo } from '../../src/runtime/orm'
import { isMissingMethod, missingMethodNames } from '../../src/runtime/orm/missingMethods'
import { User } from './models'

const stubsOf = (prototype: object) => missingMethodNames.filter(name => isMissingMethod((prototype as Record<string, unknown>)[name]))

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

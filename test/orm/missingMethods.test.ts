// A pinia-orm method this library lacks is an error naming it, not "is not a function".
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Query, Repository, useRepo } from '../../src/runtime/orm'
import { isMissingMethod, missingMethodNames, missingPropertyNames } from '../../src/runtime/orm/missingMethods'
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
  it('a call through the repository names the method, what to use instead and the migration table', () => {
    const users = useRepo(User, createPinia()) as unknown as { api: () => unknown }
    expect(() => users.api()).toThrow('[nuxt-pinia-orm] api() is a pinia-orm repository method that nuxt-pinia-orm does not have. It comes from the @pinia-orm/axios plugin, which has no port here: fetch, then save() the result. See docs/migration-from-pinia-orm.md for its status.')
  })

  it('a call through a query names it as a method of both', () => {
    const query = useRepo(User, createPinia()).query() as unknown as { saveElements: (elements: object) => unknown }
    expect(() => query.saveElements({ 1: { id: 1 } })).toThrow('[nuxt-pinia-orm] saveElements() is a pinia-orm repository and query method that nuxt-pinia-orm does not have. It is a step inside pinia-orm\'s save(), on its normalized records: use save() or insert(). See docs/migration-from-pinia-orm.md for its status.')
  })

  it('every stub throws, calling a repository method a repository method, never a query method', () => {
    const users = useRepo(User, createPinia()) as unknown as Record<string, () => unknown>
    const query = useRepo(User, createPinia()).query() as unknown as Record<string, () => unknown>
    expect(stubsOf(Repository.prototype)).toEqual(['saveElements', 'newQueryForRelation', 'initialize', 'setConfig', 'api'])
    expect(stubsOf(Query.prototype)).toEqual(['saveElements', 'newQueryForRelation'])
    for (const name of ['initialize', 'setConfig', 'api'])
      expect(() => users[name]!()).toThrow(`${name}() is a pinia-orm repository method that`)
    for (const name of ['saveElements', 'newQueryForRelation']) {
      expect(() => users[name]!()).toThrow(`${name}() is a pinia-orm repository and query method that`)
      expect(() => query[name]!()).toThrow(`${name}() is a pinia-orm repository and query method that`)
    }
  })

  it('list no method the classes have (a method implemented later takes over its stub)', () => {
    for (const name of missingMethodNames)
      expect([Repository.prototype, Query.prototype].some(prototype => isMissingMethod((prototype as unknown as Record<string, unknown>)[name])), name).toBe(true)
  })

  it('reading database or hydratedDataCache throws, naming the property', () => {
    const users = useRepo(User, createPinia())
    expect(() => (users as unknown as { database: unknown }).database).toThrow('[nuxt-pinia-orm] database is a pinia-orm repository and query property that nuxt-pinia-orm does not have. Models are registered per Pinia here, with no database object: use useRepo(Model) or newQuery(entity). See docs/migration-from-pinia-orm.md for its status.')
    expect(() => (users.query() as unknown as { hydratedDataCache: unknown }).hydratedDataCache).toThrow('[nuxt-pinia-orm] hydratedDataCache is a pinia-orm repository and query property that nuxt-pinia-orm does not have. There is no cache of hydrated instances: each read makes its instances; for cached results use useCache(). See docs/migration-from-pinia-orm.md for its status.')
    expect(missingPropertyNames).toEqual(['database', 'hydratedDataCache'])
  })

  it('are not enumerable and leave the methods the classes have alone', () => {
    expect(Object.keys(Repository.prototype)).toEqual([])
    expect(Object.keys(Query.prototype)).toEqual([])
    expect(isMissingMethod(Query.prototype.where)).toBe(false)
  })

  it('give way to a method or a property a plugin sets on the repository', () => {
    const users = useRepo(User, createPinia())
    Object.assign(users, { api: () => 'from plugin', database: 'set by a plugin' })
    expect((users as unknown as { api: () => string }).api()).toBe('from plugin')
    expect((users as unknown as { database: string }).database).toBe('set by a plugin')
    expect(() => (useRepo(User, createPinia()) as unknown as { database: unknown }).database).toThrow('database is a pinia-orm')
  })
})

// Arguments of the wrong kind to query and API functions: each is an error naming the call and
// what it takes (a robustness probe found them as raw TypeErrors and RangeErrors, or accepted).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { transaction, useLiveQuery, useRepo } from '../../src/runtime/orm'
import { expectWarning } from './expectWarning'
import { User } from './models'

function filled() {
  const pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, name: 'b' }, { id: 2, name: 'a' }])
  return pinia
}

describe('query arguments of the wrong kind', () => {
  it('are errors naming the method', () => {
    const users = useRepo(User, filled())
    expect(() => users.groupBy(5 as never)).toThrowError('[nuxt-pinia-orm] groupBy() on User takes field names (strings, or lists of them), not number. Its attributes are: id, name')
    expect(() => users.orderBy('name', 'asc', { collator: 5 as never }).get()).toThrowError('[nuxt-pinia-orm] orderBy() on User: the option \'collator\' takes an Intl.Collator or its options')
    expect(() => users.orderBy('name', 'asc', { locale: 'not a locale!' }).get()).toThrowError('[nuxt-pinia-orm] orderBy() on User: Intl.Collator refuses the options given (')
    for (const depth of [-1, Number.NaN, '2', 1.5])
      expect(() => users.withAllRecursive(depth as never)).toThrowError('[nuxt-pinia-orm] withAllRecursive() on User takes how many levels below the first to load, a number from 0')
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(() => users.useCache('page', circular).get()).toThrowError('[nuxt-pinia-orm] useCache(\'page\', params): the params name the cached result as JSON, and these have none (')
    // Left out of the JSON, two functions gave one key, and the second query the first's result.
    expect(() => users.useCache('byName', { test: (name: string) => name === 'a' }).get()).toThrowError('useCache(\'byName\', params): the params name the cached result as JSON, and these have none (\'test\' is a function)')
    expect(() => users.useCache('byName', Symbol('s') as never).get()).toThrowError('(they are a symbol)')
  })

  it('refuse attributes that are not an object in new Model() and $fill() (a TypeError, as in pinia-orm)', () => {
    expect(() => new User(null as never)).toThrowError('[nuxt-pinia-orm] new User() and $fill() take an object of attributes (or nothing), not null.')
    expect(() => new User().$fill(5 as never)).toThrowError('not number.')
    expect(new User().$fill().$toJson()).toEqual(new User().$toJson())
  })

  it('name an empty slot of a saved list', () => {
    // eslint-disable-next-line no-sparse-arrays -- the slot under test
    expect(() => useRepo(User, createPinia()).save([, { id: 3 }] as never)).toThrowError('[nuxt-pinia-orm] users[0]: a User record must be an object of fields, not undefined (an empty slot of the list, or a missing value).')
  })
})

describe('transaction() and useLiveQuery() given something else', () => {
  it('refuse it, saying what they take', () => {
    expect(() => transaction(() => 1, 5 as never)).toThrowError('[nuxt-pinia-orm] transaction(fn, pinia) takes a Pinia instance (createPinia(), or useNuxtApp().$pinia) as its second argument, not number.')
    expect(() => transaction(() => 1, {} as never)).toThrowError('not an object that is not one')
    const scope = effectScope()
    scope.run(() => {
      expect(() => useLiveQuery(5 as never)).toThrowError('[nuxt-pinia-orm] useLiveQuery() takes a function that returns a query or a repository')
      expect(() => useLiveQuery(() => null as never)).toThrowError('[nuxt-pinia-orm] useLiveQuery(): its function returned null, not a query or a repository')
    })
    scope.stop()
    // Vue's own dev warning for an error thrown in a watcher callback (useLiveQuery watches its function).
    expectWarning('[Vue warn]: Unhandled error during execution of watcher callback')
  })
})

import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { _appPinia } from '../../src/runtime/appPinia'

const advice = 'Call it before the first `await`'

describe('_appPinia', () => {
  it('gives the Nuxt app\'s Pinia, on the server and in the browser', () => {
    const pinia = createPinia()
    expect(_appPinia({ $pinia: pinia }, false, 'useRepo(User)', advice)).toBe(pinia)
    expect(_appPinia({ $pinia: pinia }, true, 'useRepo(User)', advice)).toBe(pinia)
  })

  it('throws in a Nuxt context before Pinia is installed (a plugin with enforce: \'pre\'), saying how to order the plugin', () => {
    for (const client of [false, true]) {
      expect(() => _appPinia({}, client, 'useRepo(User)', advice)).toThrowError('[nuxt-pinia-orm] useRepo(User) was called before Pinia was installed in the Nuxt app, so there are no entity stores yet. In a Nuxt plugin, drop `enforce: \'pre\'` or add `dependsOn: [\'pinia\']`, so that it runs after @pinia/nuxt\'s plugin.')
    }
  })

  it('throws on the server outside a Nuxt context, and leaves the browser to Pinia\'s active instance', () => {
    expect(() => _appPinia(undefined, false, 'useRepo(User)', advice)).toThrowError('[nuxt-pinia-orm] useRepo(User) was called on the server outside a Nuxt context, where the request\'s Pinia cannot be found. Call it before the first `await`, or turn on `experimental: { asyncContext: true }` in nuxt.config')
    expect(_appPinia(undefined, true, 'useRepo(User)', advice)).toBeUndefined()
  })
})

import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { useNuxtApp } from '#imports'
import { useCollect as explicitUseCollect } from 'nuxt-pinia-orm/helpers'

// Issue #12 inside the `app` fixture: custom repositories and helpers auto-imported, and
// createORM plugins given through the module's optionsFile, applied to the app's Pinia.

describe('the repository API in a Nuxt app', () => {
  it('auto-imports custom repositories from repositories/ and Repository', () => {
    const users = useRepo(UserRepository)
    expect(users).toBeInstanceOf(UserRepository)
    expect(users).toBeInstanceOf(Repository)
    expect(users.use).toBe(User)
  })

  it('runs the plugins of the options file for repositories of the app\'s Pinia', () => {
    expect(useRepo(User).config.fixtureApi).toBe('/api')
    expect(useRepo(UserRepository, useNuxtApp().$pinia as Pinia).config.fixtureApi).toBe('/api')
  })

  it('auto-imports the collection helpers, the same functions as nuxt-pinia-orm/helpers', () => {
    expect(useCollect).toBe(explicitUseCollect)
    expect([useSum, useMin, useMax, usePluck, useKeys, useGroupBy, useSortBy].every(helper => typeof helper === 'function')).toBe(true)
  })
})

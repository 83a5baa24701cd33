import { describe, expect, it } from 'vitest'
import * as importedOrm from 'nuxt-pinia-orm/orm'
import * as core from '../../src/runtime/orm'

// A pinia-orm app switches `import { useRepo } from 'pinia-orm'` to `nuxt-pinia-orm/orm`. Inside
// the Nuxt app (here the `app` fixture), that import must give the Nuxt-aware functions, which
// find the request's Pinia through the Nuxt app, and the core's classes.

describe('nuxt-pinia-orm/orm imported in a Nuxt app', () => {
  it('gives the auto-imported useRepo, transaction and optimistic, which find the Pinia through the Nuxt app', () => {
    expect(importedOrm.useRepo).toBe(useRepo)
    expect(importedOrm.transaction).toBe(transaction)
    expect(importedOrm.optimistic).toBe(optimistic)
    expect(importedOrm.useRepo).not.toBe(core.useRepo)
  })

  it('gives every other export of the core as it is, the same classes included', () => {
    expect(Object.keys(importedOrm).sort()).toEqual(Object.keys(core).sort())
    const own = new Set(['useRepo', 'transaction', 'optimistic'])
    for (const [name, value] of Object.entries(core)) {
      if (!own.has(name))
        expect(importedOrm[name as keyof typeof importedOrm], name).toBe(value)
    }
    expect(importedOrm.Model).toBe(Model)
  })
})

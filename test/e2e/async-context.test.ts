// Issue 3: useRepo() without the Pinia inside useAsyncData handlers on the server. With Nuxt's
// `experimental.asyncContext` on, that includes after an `await`: the `async-context` fixture's
// handler fetches, then saves.
import { fileURLToPath } from 'node:url'
import { $fetch, setup } from '@nuxt/test-utils/e2e'
import { describe, expect, it } from 'vitest'
import { testJson } from './html'

await setup({ rootDir: fileURLToPath(new URL('../fixtures/async-context', import.meta.url)) })

describe('useRepo after an await in a useAsyncData handler, with Nuxt\'s async context', () => {
  it('saves into the request\'s Pinia without being given it', async () => {
    expect(testJson(await $fetch<string>('/?id=3'), 'names')).toEqual(['user-3'])
  })

  it('gives each of 200 concurrent requests (25 in flight) only its own user', async () => {
    const total = 200
    const leaks: string[] = []
    let next = 1
    async function worker() {
      while (next <= total) {
        const id = next++
        const names = testJson(await $fetch<string>(`/?id=${id}`), 'names')
        if (JSON.stringify(names) !== JSON.stringify([`user-${id}`]))
          leaks.push(`request ${id} saw ${JSON.stringify(names)}`)
      }
    }
    await Promise.all(Array.from({ length: 25 }, worker))
    expect(leaks).toEqual([])
  }, 60_000)
})

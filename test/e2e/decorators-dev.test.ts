// Issue 11: decorated model files run in `nuxi dev` too, where vite-node runs the server code on
// Node 20 (which failed on any decorator with "Invalid or unexpected token") and Vite serves the
// models to the browser. One dev server of the `decorators` fixture, in its own build folder.
import { fileURLToPath } from 'node:url'
import { $fetch, createPage, setup, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from './chromium'
import { testJson } from './html'

await setup({
  rootDir: fileURLToPath(new URL('../fixtures/decorators', import.meta.url)),
  dev: true,
  env: { DECORATORS_FIXTURE: 'dev' },
  browser: true,
  browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
})

const lookups = {
  users: ['1 Ada: Notes [math, history]; Engine []', '2 Grace: no posts'],
  posts: ['Notes (3, published) by Ada', 'Engine (0, draft) by Ada'],
  tags: ['math: Notes', 'history: Notes'],
}

describe('decorated models in dev', () => {
  it('render their relations on the server', async () => {
    expect(testJson(await $fetch<string>('/'), 'lookups')).toEqual(lookups)
  })

  it('hydrate in Chromium and save on the client', async () => {
    const page: Page = await createPage()
    const problems: string[] = []
    page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
    await page.goto(url('/'), { waitUntil: 'hydration' } as unknown as Parameters<Page['goto']>[1])
    await page.click('[data-test="add"]')
    await page.waitForFunction(() => document.querySelector('[data-test="lookups"]')?.textContent?.includes('Compilers'), undefined, { timeout: 20_000 })
    expect(JSON.parse((await page.textContent('[data-test="lookups"]'))!).posts).toEqual([...lookups.posts, 'Compilers (7, draft) by Grace'])
    expect(problems).toEqual([])
    await page.close()
  })
})

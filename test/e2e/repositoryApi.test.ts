import { fileURLToPath } from 'node:url'
import { $fetch, createPage, setup, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from './chromium'
import { testJson } from './html'

// Issue #12 in the `app` fixture: a custom repository from `repositories/` and the collection
// helpers, auto-imported, give the same answers in SSR and in the hydrated client.
await setup({
  rootDir: fileURLToPath(new URL('../fixtures/app', import.meta.url)),
  browser: true,
  browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
})

const expected = {
  repository: true,
  lines: ['Abe: no phone', 'Kim: no phone', 'Max: 555-0203', 'Zoe: 555-0201'],
  count: 4,
  page: [4],
  groups: ['1', '3'],
  keys: [1, 2, 3, 4],
  sorted: ['Abe', 'Kim', 'Max', 'Zoe'],
  collected: 4,
}

describe('the repository API in a Nuxt app', () => {
  it('renders a custom repository, aggregates and helpers on the server', async () => {
    expect(testJson(await $fetch<string>('/repository-api'), 'repository-api')).toEqual(expected)
  })

  it('gives the same answers in the browser after hydration, with no console error', async () => {
    const errors: string[] = []
    const page = await createPage()
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        errors.push(message.text())
    })
    page.on('pageerror', error => errors.push(error.message))
    await page.goto(url('/repository-api'), { waitUntil: 'hydration' } as unknown as Parameters<Page['goto']>[1])
    await page.waitForFunction(() => document.querySelector('[data-test="client-repository-api"]')?.textContent !== '')
    const text = await page.textContent('[data-test="client-repository-api"]')
    expect(JSON.parse(text!)).toEqual(expected)
    expect(errors).toEqual([])
    await page.close()
  })
})

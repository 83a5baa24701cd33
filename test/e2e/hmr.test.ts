// Issue 3: in dev, an edited model file is picked up by HMR, without a restart and with the
// records in the store kept. One `nuxi dev` of the `hmr` fixture, driven in Chromium.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createPage, setup, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from './chromium'

// The test edits a model file, so it serves a copy; inside the repository, so that the copy
// resolves the module and node_modules like the fixture does (`.gitignore` lists these folders).
const fixture = fileURLToPath(new URL('../fixtures/hmr', import.meta.url))
const rootDir = fileURLToPath(new URL(`../fixtures/.hmr-tmp-${randomBytes(4).toString('hex')}`, import.meta.url))
const modelFile = `${rootDir}/models/User.ts`

// Registered before setup(), so it runs after setup's own teardown has stopped the dev server.
afterAll(() => rmSync(rootDir, { recursive: true, force: true }))
cpSync(fixture, rootDir, { recursive: true, filter: source => !/[/\\](?:\.nuxt|\.output|node_modules)$/.test(source) })

await setup({
  rootDir,
  dev: true,
  browser: true,
  browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
})

/** Waits until `selector` shows `text`, polling, so a slow HMR round trip is not mistaken for a failure. */
async function waitForText(page: Page, selector: string, text: string, timeout: number) {
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector!)?.textContent?.trim() === text,
    [selector, text],
    { timeout, polling: 100 },
  )
}

describe('model HMR in dev', () => {
  it('swaps the edited model class in place: records stay, the page shows the new getter, no reload', async () => {
    const page = await createPage()
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
    await page.goto(url('/'), { waitUntil: 'hydration' } as unknown as Parameters<Page['goto']>[1])

    await page.click('[data-test="save"]')
    await waitForText(page, '[data-test="user-1"]', 'ADA', 10_000)
    // Survives HMR, but not a full reload.
    await page.evaluate(() => Object.assign(window, { __beforeHmr: true }))

    const source = readFileSync(modelFile, 'utf8')
    const edited = source.replace(
      'return String(this.$getAttributes().name).toUpperCase()',
      'return `${String(this.$getAttributes().name).toLowerCase()} (edited)`',
    )
    expect(edited).not.toBe(source)
    writeFileSync(modelFile, edited)

    await waitForText(page, '[data-test="user-1"]', 'ada (edited)', 30_000)
    expect(await page.locator('[data-test="users"] li').count()).toBe(1)
    expect(await page.evaluate(() => (window as { __beforeHmr?: boolean }).__beforeHmr)).toBe(true)

    // The new class saves too, and its records read through the new getter.
    await page.click('[data-test="save"]')
    await waitForText(page, '[data-test="user-2"]', 'ada (edited)', 10_000)
    expect(problems).toEqual([])
    await page.close()
  })
})

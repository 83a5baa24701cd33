// Issue 3: in dev, an edited model file is picked up by HMR, without a restart and with the
// records in the store kept. Issue 14: the Nuxt DevTools tab's page, in dev. One `nuxi dev` of
// the `hmr` fixture serves both, driven in Chromium.
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

describe('the DevTools tab in dev', () => {
  it('lists entities with model, file and count, browses and follows records, draws the graph, and follows saves live', async () => {
    const page = await createPage()
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
    await page.goto(url('/'), { waitUntil: 'hydration' } as unknown as Parameters<Page['goto']>[1])
    await page.click('[data-test="save"]')

    // The tab shows the page in an iframe on the app's origin, as Nuxt DevTools does.
    await page.evaluate((src) => {
      const frame = document.createElement('iframe')
      frame.id = 'orm-devtools'
      frame.src = src
      frame.style.cssText = 'width: 1000px; height: 700px'
      document.body.append(frame)
    }, url('/__nuxt-pinia-orm__/devtools'))
    const tab = page.frameLocator('#orm-devtools')
    const users = tab.locator('[data-test="entity-users"]')
    await users.waitFor({ timeout: 10_000 })
    expect((await users.locator('td').allTextContents()).slice(0, 4)).toEqual(['User', 'users', 'models/User.ts', '1'])
    expect((await tab.locator('[data-test="entity-phones"] td').allTextContents()).slice(0, 4)).toEqual(['Phone', 'phones', 'models/Phone.ts', '0'])

    // Live: saves in the app show in the tab.
    await page.click('[data-test="save"]')
    await page.click('[data-test="save-phone"]')
    await tab.locator('[data-test="entity-users"] [data-test="count"]', { hasText: '2' }).waitFor({ timeout: 5_000 })
    await tab.locator('[data-test="entity-phones"] [data-test="count"]', { hasText: '1' }).waitFor({ timeout: 5_000 })

    // Records, searched by key and by field, and a relation followed by click.
    await users.click()
    expect(await tab.locator('[data-test="total"]').textContent()).toBe('2 records')
    await tab.locator('[data-test="search-key"]').fill('2')
    expect(await tab.locator('[data-test="total"]').textContent()).toBe('1 record')
    await tab.locator('[data-test="search-key"]').fill('')
    await tab.locator('[data-test="search-field"]').selectOption('name')
    await tab.locator('[data-test="search-value"]').fill('ADA')
    expect(await tab.locator('[data-test="total"]').textContent()).toBe('2 records')
    await tab.locator('[data-test="search-value"]').fill('grace')
    expect(await tab.locator('[data-test="total"]').textContent()).toBe('0 records')
    await tab.locator('[data-test="search-value"]').fill('')
    expect(await tab.locator('[data-test="record-1"]').textContent()).toBe('1id: 1name: "Ada"phone: phones 1')
    await page.click('[data-test="save"]')
    await tab.locator('[data-test="total"]', { hasText: '3 records' }).waitFor({ timeout: 5_000 })
    await tab.locator('[data-test="record-1"] a', { hasText: 'phones 1' }).click()
    expect(await tab.locator('[data-test="total"]').textContent()).toBe('1 record')
    expect(await tab.locator('[data-test="record-1"]').textContent()).toBe('1id: 1userId: 1number: "555-0101"user: users 1')

    // The graph: a box per model, an arrow per relation.
    await tab.locator('[data-test="tab-graph"]').click()
    const graph = tab.locator('[data-test="graph"]')
    expect(await graph.locator('.node-title').allTextContents()).toEqual(['Phone', 'User'])
    expect(await graph.locator('.edge-label').allTextContents()).toEqual(['user (BelongsTo)', 'phone (HasOne)'])
    expect(await graph.locator('[data-entity="users"] .node-sub').textContent()).toBe('users · 3')

    expect(problems).toEqual([])
    await page.close()
  })
})

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

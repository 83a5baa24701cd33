// Issue 14: the playground shows the product. A production build of playground/, driven in
// Chromium as a person would: add, edit, re-assign, delete, navigate. With
// PLAYGROUND_SCREENSHOT=1 it also writes docs/playground.png, the screenshot README shows.
import { fileURLToPath } from 'node:url'
import { createPage, setup, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from './chromium'

await setup({
  rootDir: fileURLToPath(new URL('../../playground', import.meta.url)),
  browser: true,
  browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
  // The playground's build, under load on a shared machine, can outlast the default 120 s.
  setupTimeout: 240_000,
})

async function open(path: string) {
  const page: Page = await createPage()
  await page.setViewportSize({ width: 1280, height: 1000 })
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
  await page.goto(url(path), { waitUntil: 'hydration' } as unknown as Parameters<Page['goto']>[1])
  return { page, problems }
}

const text = async (page: Page, selector: string) => (await page.textContent(selector))?.replace(/\s+/g, ' ').trim()
const texts = async (page: Page, selector: string) =>
  (await page.locator(selector).allTextContents()).map(value => value.replace(/\s+/g, ' ').trim())
const userNames = (page: Page) => texts(page, '[data-test="users"] [data-test="user-name"]')
const userPhone = (page: Page, id: number) => text(page, `[data-test="user-${id}"] [data-test="user-phone"]`)
const storedUsers = async (page: Page) =>
  JSON.parse((await page.textContent('[data-test="store-state"]'))!).users as Record<string, { name: string }>

describe('the playground', () => {
  it('shows the server\'s users, phones and store state after hydration, with no request from the browser', async () => {
    const { page, problems } = await open('/')
    expect(await userNames(page)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper'])
    expect(await texts(page, '[data-test="users"] .badge')).toEqual(['server', 'server', 'server'])
    expect(await userPhone(page, 1)).toBe('+44 20 7946 0001')
    expect(await texts(page, '[data-test="phones"] [data-test="phone-owner"]')).toEqual(['Ada Lovelace', 'Alan Turing'])
    expect(await storedUsers(page)).toEqual({
      1: { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' },
      2: { id: 2, name: 'Alan Turing', email: 'alan@example.com' },
      3: { id: 3, name: 'Grace Hopper', email: 'grace@example.com' },
    })
    expect(await text(page, '[data-test="request-count"]')).toBe('0')
    expect(await page.isVisible('[data-test="many-to-many"]')).toBe(true)
    if (process.env.PLAYGROUND_SCREENSHOT)
      await page.screenshot({ path: fileURLToPath(new URL('../../docs/playground.png', import.meta.url)), fullPage: true })
    expect(problems).toEqual([])
    await page.close()
  })

  it('adds, edits, re-assigns and deletes, and every list and the store state follow', async () => {
    const { page, problems } = await open('/')

    // Add: a user with a nested phone, marked as saved in the browser.
    await page.fill('[data-test="new-name"]', 'Katherine Johnson')
    await page.fill('[data-test="new-number"]', '+1 757 555 0199')
    await page.click('[data-test="new-save"]')
    await page.waitForSelector('[data-test="user-4"]')
    expect(await userPhone(page, 4)).toBe('+1 757 555 0199')
    expect(await text(page, '[data-test="user-4"] .badge')).toBe('browser')
    expect(await texts(page, '[data-test="phones"] [data-test="phone-owner"]')).toContain('Katherine Johnson')

    // Edit: the phone list shows the new name of its owner.
    await page.click('[data-test="user-1"] [data-test="edit"]')
    await page.fill('[data-test="user-1"] [data-test="edit-name"]', 'Ada King')
    await page.click('[data-test="user-1"] [data-test="edit-save"]')
    await page.waitForFunction(() => document.querySelector('[data-test="phone-p-1"] [data-test="phone-owner"]')?.textContent === 'Ada King')
    expect((await storedUsers(page))[1]!.name).toBe('Ada King')

    // Re-assign: Ada's phone moves to Grace.
    await page.selectOption('[data-test="phone-p-1"] [data-test="owner"]', '3')
    await page.waitForFunction(() => document.querySelector('[data-test="user-3"] [data-test="user-phone"]')?.textContent === '+44 20 7946 0001')
    expect(await userPhone(page, 1)).toBe('no phone')
    expect(await text(page, '[data-test="phone-p-1"] [data-test="phone-owner"]')).toBe('Grace Hopper')

    // Delete: Alan goes, his posts with him; his phone stays, without an owner.
    await page.click('[data-test="user-2"] [data-test="delete"]')
    await page.waitForSelector('[data-test="user-2"]', { state: 'detached' })
    expect(await userNames(page)).toEqual(['Ada King', 'Grace Hopper', 'Katherine Johnson'])
    expect(await text(page, '[data-test="phone-p-2"] [data-test="phone-owner"]')).toBe('no owner')
    expect(Object.keys(await storedUsers(page))).toEqual(['1', '3', '4'])

    expect(await text(page, '[data-test="request-count"]')).toBe('0')
    expect(problems).toEqual([])
    await page.close()
  })

  it('fetches more people in the browser on client-side navigation, into the same stores', async () => {
    const { page, problems } = await open('/')
    await page.click('[data-test="nav-more"]')
    await page.waitForSelector('[data-test="more-users"] [data-test="user-4"]')
    expect(await texts(page, '[data-test="more-users"] [data-test="user-name"]')).toEqual(['Barbara Liskov', 'Edsger Dijkstra'])
    expect(await texts(page, '[data-test="more-users"] .badge')).toEqual(['browser', 'browser'])
    await page.waitForFunction(() => document.querySelector('[data-test="request-count"]')?.textContent === '1')

    await page.click('[data-test="nav-home"]')
    await page.waitForSelector('[data-test="users"] [data-test="user-5"]')
    expect(await userNames(page)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Barbara Liskov', 'Edsger Dijkstra'])
    // Back on the first page, its useFetchRepo fetches again, as useFetch does after navigation.
    await page.waitForFunction(() => document.querySelector('[data-test="request-count"]')?.textContent === '2')
    expect(problems).toEqual([])
    await page.close()
  })
})

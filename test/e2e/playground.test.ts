// Issue 14: the playground shows the product. A production build of playground/, driven in
// Chromium as a person would: add, edit, re-assign, delete, assign and remove roles, navigate. With
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
const storedState = async (page: Page) =>
  JSON.parse((await page.textContent('[data-test="store-state"]'))!) as Record<string, Record<string, Record<string, unknown>>>
const storedUsers = async (page: Page) => (await storedState(page)).users as Record<string, { name: string }>
// The role chips of a user card, and the user chips of a role row: "name · level".
const userRoles = (page: Page, id: number) => texts(page, `[data-test="user-${id}"] [data-test="chip-label"]`)
const roleUsers = (page: Page, id: number) => texts(page, `[data-test="role-${id}"] [data-test="chip-label"]`)

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
    // The many-to-many, from both sides, with the level kept on each pivot record.
    expect(await userRoles(page, 1)).toEqual(['admin · lead', 'editor · member'])
    expect(await userRoles(page, 2)).toEqual(['editor · lead', 'reviewer · member'])
    expect(await userRoles(page, 3)).toEqual([])
    expect(await texts(page, '[data-test="roles"] [data-test="role-name"]')).toEqual(['admin', 'editor', 'reviewer'])
    expect(await texts(page, '[data-test="roles"] .badge')).toEqual(['server', 'server', 'server'])
    expect(await roleUsers(page, 1)).toEqual(['Ada Lovelace · lead'])
    expect(await roleUsers(page, 2)).toEqual(['Ada Lovelace · member', 'Alan Turing · lead'])
    expect(await roleUsers(page, 3)).toEqual(['Alan Turing · member'])
    const state = await storedState(page)
    expect(state.roles).toEqual({
      1: { id: 1, name: 'admin' },
      2: { id: 2, name: 'editor' },
      3: { id: 3, name: 'reviewer' },
    })
    expect(state.roleUser).toEqual({
      '[1,1]': { roleId: 1, userId: 1, level: 'lead' },
      '[2,1]': { roleId: 2, userId: 1, level: 'member' },
      '[2,2]': { roleId: 2, userId: 2, level: 'lead' },
      '[3,2]': { roleId: 3, userId: 2, level: 'member' },
    })
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
    // His role links go too: the reviewer role is held by nobody now.
    expect(await roleUsers(page, 2)).toEqual(['Ada King · member'])
    expect(await page.isVisible('[data-test="role-3"] [data-test="role-nobody"]')).toBe(true)
    expect(Object.keys((await storedState(page)).roleUser!)).toEqual(['[1,1]', '[2,1]'])

    expect(await text(page, '[data-test="request-count"]')).toBe('0')
    expect(problems).toEqual([])
    await page.close()
  })

  it('assigns a role to a user at a level and removes it, and both lists and the store state follow', async () => {
    const { page, problems } = await open('/')

    // Assign: Grace becomes a reviewer at the lead level; one pivot record is added.
    await page.selectOption('[data-test="assign-user"]', '3')
    await page.selectOption('[data-test="assign-role-id"]', '3')
    await page.selectOption('[data-test="assign-level"]', 'lead')
    await page.click('[data-test="assign-save"]')
    await page.waitForSelector('[data-test="user-3"] [data-test="user-role-3"]')
    expect(await userRoles(page, 3)).toEqual(['reviewer · lead'])
    expect(await roleUsers(page, 3)).toEqual(['Alan Turing · member', 'Grace Hopper · lead'])
    expect((await storedState(page)).roleUser!['[3,3]']).toEqual({ roleId: 3, userId: 3, level: 'lead' })

    // Assigning a link that exists changes its level: Ada stays admin, now as a member.
    await page.selectOption('[data-test="assign-user"]', '1')
    await page.selectOption('[data-test="assign-role-id"]', '1')
    await page.selectOption('[data-test="assign-level"]', 'member')
    await page.click('[data-test="assign-save"]')
    await page.waitForFunction(() => document.querySelector('[data-test="role-1"] [data-test="chip-label"]')?.textContent?.includes('member'))
    expect(await userRoles(page, 1)).toEqual(['admin · member', 'editor · member'])
    expect(await roleUsers(page, 1)).toEqual(['Ada Lovelace · member'])
    expect(Object.keys((await storedState(page)).roleUser!)).toHaveLength(5)

    // Remove from the user card: Grace's chip and the reviewer row's chip go, and the pivot record.
    await page.click('[data-test="user-3"] [data-test="user-role-3"] [data-test="remove-role"]')
    await page.waitForSelector('[data-test="role-3"] [data-test="role-user-3"]', { state: 'detached' })
    expect(await userRoles(page, 3)).toEqual([])
    expect(await roleUsers(page, 3)).toEqual(['Alan Turing · member'])
    expect((await storedState(page)).roleUser).not.toHaveProperty('[3,3]')

    // Remove from the role list: Alan is no longer an editor, on his card either; users and roles stay.
    await page.click('[data-test="role-2"] [data-test="role-user-2"] [data-test="remove-role"]')
    await page.waitForSelector('[data-test="user-2"] [data-test="user-role-2"]', { state: 'detached' })
    expect(await userRoles(page, 2)).toEqual(['reviewer · member'])
    expect(await roleUsers(page, 2)).toEqual(['Ada Lovelace · member'])
    const state = await storedState(page)
    expect(Object.keys(state.roleUser!)).toEqual(['[1,1]', '[2,1]', '[3,2]'])
    expect(Object.keys(state.roles!)).toEqual(['1', '2', '3'])
    expect(Object.keys(state.users!)).toEqual(['1', '2', '3'])

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

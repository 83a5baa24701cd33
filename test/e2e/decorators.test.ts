// Issue 11: an app whose models use standard decorators (with one `static fields()` model among
// them) builds with `nuxi build`, renders its lookups on the server, and hydrates in Chromium; a
// second build of the same fixture adds a model file whose decorator throws, which must be named.
import { execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { $fetch, createPage, setup, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from './chromium'
import { nuxtPayload, testJson } from './html'

const rootDir = fileURLToPath(new URL('../fixtures/decorators', import.meta.url))

await setup({
  rootDir,
  browser: true,
  browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
})

const lookups = {
  users: ['1 Ada: Notes [math, history]; Engine []', '2 Grace: no posts'],
  posts: ['Notes (3, published) by Ada', 'Engine (0, draft) by Ada'],
  tags: ['math: Notes', 'history: Notes'],
}

describe('decorated models in a production build', () => {
  it('render hasMany, belongsTo and nested relations between decorated and static fields() models on the server', async () => {
    expect(testJson(await $fetch<string>('/'), 'lookups')).toEqual(lookups)
  })

  it('are imported by a server route, with what they use auto-imported in Nitro too (Model, decorators, useRepo)', async () => {
    expect(await $fetch('/api/server-models')).toEqual({ label: 'math', post: 'Notes', author: 'Ada' })
  })

  it('store the records in the payload with the attributes the decorators declare', async () => {
    const payload = nuxtPayload(await $fetch<string>('/'))
    // A model instance returned by useAsyncData names its class by entity and namespace.
    expect((payload.data as Record<string, unknown>)['admin-tag']).toEqual({ entity: 'admin/tags', fields: { id: 100, label: 'staff', level: 3 } })
    expect(payload.pinia).toMatchObject({
      users: { data: { 1: { id: 1, name: 'Ada' }, 2: { id: 2, name: 'Grace' } } },
      posts: { data: { 10: { id: 10, userId: 1, title: 'Notes', likes: 3, published: true }, 11: { id: 11, userId: 1, title: 'Engine', likes: 0, published: false } } },
      tags: { data: { 100: { id: 100, postId: 10, label: 'math' }, 101: { id: 101, postId: 10, label: 'history' } } },
    })
  })

  it('hydrate in Chromium without a request, and the decorated classes save and look up on the client', async () => {
    const page: Page = await createPage()
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
    page.on('request', (request) => {
      // Data requests only: Nuxt itself fetches its build manifest (`/_nuxt/builds/`) once idle.
      if (['fetch', 'xhr'].includes(request.resourceType()) && !request.url().includes('/_nuxt/builds/'))
        requests.push(request.url())
    })
    await page.goto(url('/'), { waitUntil: 'hydration' } as unknown as Parameters<Page['goto']>[1])
    expect(JSON.parse((await page.textContent('[data-test="lookups"]'))!)).toEqual(lookups)

    // A model instance from useAsyncData revives as its own class, not as its namespace twin.
    expect(JSON.parse((await page.textContent('[data-test="twin"]'))!)).toEqual({ adminTag: true, label: 'staff', level: 3, dirty: false })

    await page.click('[data-test="add"]')
    await page.waitForFunction(() => document.querySelector('[data-test="lookups"]')?.textContent?.includes('Compilers'))
    expect(JSON.parse((await page.textContent('[data-test="lookups"]'))!)).toEqual({
      ...lookups,
      users: ['1 Ada: Notes [math, history]; Engine []', '2 Grace: Compilers []'],
      posts: [...lookups.posts, 'Compilers (7, draft) by Grace'],
    })
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })
})

const run = promisify(execFile)
const nuxi = fileURLToPath(new URL('../../node_modules/.bin/nuxi', import.meta.url))
const stops: Array<() => void> = []
afterAll(() => stops.forEach(stop => stop()))

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise(resolve => server.close(resolve))
  return port
}

describe('a model file whose decorator throws, in a production build (in decorators: \'legacy\' mode)', () => {
  it('makes the first request fail with an error naming the file, with the decorator\'s error as cause', async () => {
    const env = { ...process.env, CI: 'true', DECORATORS_FIXTURE: 'broken' }
    await run(nuxi, ['build', rootDir], { env })
    const port = await freePort()
    const server = spawn(process.execPath, [`${rootDir}/.variant-broken/output/server/index.mjs`], {
      env: { ...process.env, NITRO_HOST: '127.0.0.1', NITRO_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    stops.push(() => server.kill())
    let output = ''
    server.stdout.on('data', (chunk: Buffer) => output += chunk)
    server.stderr.on('data', (chunk: Buffer) => output += chunk)
    await expect.poll(() => output, { timeout: 10_000, interval: 50 }).toContain('Listening on')

    const response = await fetch(`http://127.0.0.1:${port}/`)
    expect(response.status).toBe(500)
    await expect.poll(() => output, { timeout: 5_000, interval: 50 }).toContain(
      '[nuxt-pinia-orm] The model file broken-models/Broken.ts failed to load: the Explode decorator always throws.',
    )
    expect(output).toMatch(/cause: Error: the Explode decorator always throws\n\s+at /)

    // The same build is in decorators: 'legacy' mode: a server route that imports a model with
    // pinia-orm 1.x's `@Attr() declare id` compiles in Nitro and runs.
    const legacy = await fetch(`http://127.0.0.1:${port}/api/legacy-notes`)
    expect(legacy.status).toBe(200)
    expect(await legacy.json()).toEqual({ stored: { 1: { id: 1, text: 'declared' } }, text: 'declared' })
  }, 120_000)
})

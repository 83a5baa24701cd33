import { fileURLToPath } from 'node:url'
import { $fetch, createPage, setup, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from './chromium'
import { nuxtPayload, rawNuxtPayload, testJson, testText } from './html'

// One production build of the `app` fixture (which extends the `layer` fixture) serves every test
// of this file: SSR HTML, payload, the hydrated client in Chromium, and concurrent requests.
await setup({
  rootDir: fileURLToPath(new URL('../fixtures/app', import.meta.url)),
  browser: true,
  browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
})

const usersPage = {
  ada: 'Ada: 555-0101',
  users: ['1 Ada: 555-0101', '2 Linus: no phone', '3 Grace: 555-0103', '4 Alan: 555-0104'],
  phones: ['11 555-0101: Ada', '13 555-0103: Grace', '14 555-0104: Alan'],
}

describe('server-side rendering', () => {
  it('renders the default-keys User/Phone lookups in both directions, from data saved in callOnce and useAsyncData', async () => {
    const html = await $fetch<string>('/')
    expect(testJson(html, 'lookups')).toEqual(usersPage)
    expect(testText(html, 'user-1').trim()).toBe('Ada: 555-0101')
  })

  it('renders the records saved by a server plugin and by route middleware, in a model of the layer', async () => {
    const html = await $fetch<string>('/')
    expect(testText(html, 'tags')).toContain('plugin: saved by a server plugin')
    expect(testText(html, 'tags')).toContain('middleware: saved by route middleware')
  })

  it('renders hasOne with a custom local key and its inverse', async () => {
    expect(testJson(await $fetch<string>('/local-key'), 'lookups')).toEqual({
      authors: ['Mary: writes novels', 'Percy: no profile', 'Emily: writes poems'],
      profiles: ['writes novels (a-1): Mary', 'writes poems (a-3): Emily'],
    })
  })

  it('renders belongsTo with a custom owner key and its inverse', async () => {
    expect(testJson(await $fetch<string>('/owner-key'), 'lookups')).toEqual({
      badges: ['gold (red): Red team', 'orphan (null): no team', 'silver (blue): Blue team'],
      teams: ['Red team: gold', 'Blue team: silver'],
    })
  })

  it('renders a parent with a custom primary key and its child', async () => {
    expect(testJson(await $fetch<string>('/primary-key'), 'lookups')).toEqual({
      france: 'France: Paris',
      countries: ['FR France: Paris', 'IT Italy: Rome', 'XX Nowhere: no capital'],
      capitals: ['Paris (FR): France', 'Rome (IT): Italy'],
    })
  })
})

describe('useRepo in useAsyncData handlers on the server', () => {
  it('finds the request\'s Pinia before the first await, and uses the Pinia it is given after', async () => {
    expect(testJson(await $fetch<string>('/async-data'), 'names')).toEqual(['Before await', 'Given the Pinia'])
  })

  it('refuses to guess the Pinia after an await, and says what to do', async () => {
    expect(testText(await $fetch<string>('/async-data'), 'after-await')).toBe(
      '[nuxt-pinia-orm] useRepo(User) was called on the server outside a Nuxt context, where the request\'s Pinia cannot be found. '
      + 'Call useRepo before the first `await` of the function (the repository keeps its Pinia), '
      + 'pass the Pinia: `useAsyncData(async nuxtApp => useRepo(User, nuxtApp.$pinia).all())`, '
      + 'or turn on `experimental: { asyncContext: true }` in nuxt.config, which keeps the Nuxt context across `await`.',
    )
    // The auto-imported transaction() refuses in the same way, before it runs its function.
    expect(testText(await $fetch<string>('/async-data'), 'transaction-after-await')).toBe(
      '[nuxt-pinia-orm] transaction() was called on the server outside a Nuxt context, where the request\'s Pinia cannot be found. '
      + 'Call it before the first `await` of the function, or pass the Pinia: `transaction(fn, nuxtApp.$pinia)`, '
      + 'or turn on `experimental: { asyncContext: true }` in nuxt.config, which keeps the Nuxt context across `await`.',
    )
  })
})

describe('nuxt-pinia-orm/orm imported, as a pinia-orm app switches its imports', () => {
  it('gives pages the useRepo that refuses to guess the Pinia after an await, as the auto-imported one does', async () => {
    expect(testText(await $fetch<string>('/imported-orm'), 'imported-after-await')).toBe(
      '[nuxt-pinia-orm] useRepo(User) was called on the server outside a Nuxt context, where the request\'s Pinia cannot be found. '
      + 'Call useRepo before the first `await` of the function (the repository keeps its Pinia), '
      + 'pass the Pinia: `useAsyncData(async nuxtApp => useRepo(User, nuxtApp.$pinia).all())`, '
      + 'or turn on `experimental: { asyncContext: true }` in nuxt.config, which keeps the Nuxt context across `await`.',
    )
  })

  it('gives server routes the core, which saves into the Pinia they make', async () => {
    expect(await $fetch('/api/imported-orm')).toEqual({ text: 'Saved by the core in a server route' })
  })
})

describe('payload', () => {
  it('carries the normalized state of every entity store: attributes and foreign keys only', async () => {
    const payload = nuxtPayload(await $fetch<string>('/'))
    expect(payload.pinia).toEqual({
      users: { data: { 1: { id: 1, name: 'Ada' }, 2: { id: 2, name: 'Linus' }, 3: { id: 3, name: 'Grace' }, 4: { id: 4, name: 'Alan' } } },
      phones: { data: {
        11: { id: 11, userId: 1, number: '555-0101' },
        13: { id: 13, userId: 3, number: '555-0103' },
        14: { id: 14, userId: 4, number: '555-0104' },
      } },
      tags: { data: {
        1: { id: 1, name: 'plugin', source: 'saved by a server plugin' },
        2: { id: 2, name: 'middleware', source: 'saved by route middleware' },
      } },
      // Every scanned model has its store from the start, used or not.
      authors: { data: {} },
      profiles: { data: {} },
      teams: { data: {} },
      badges: { data: {} },
      countries: { data: {} },
      capitals: { data: {} },
      readings: { data: {} },
      meetups: { data: {} },
      roles: { data: {} },
      roleUser: { data: {} },
      blogPosts: { data: {} },
      videos: { data: {} },
      remarks: { data: {} },
      // Registered through `createORM({ models })` of the app's options file.
      settings: { data: {} },
    })
  })

  it('holds no model instances, relation copies or indexes', async () => {
    const raw = rawNuxtPayload(await $fetch<string>('/'))
    expect(raw).not.toMatch(/"(?:phone|user|\$\w+)":/)
    expect(raw).not.toMatch(/"(?:User|Phone|Model)"/)
  })

  it('sends each entity\'s field names once, not once per record', async () => {
    const raw = rawNuxtPayload(await $fetch<string>('/'))
    // Three phones are stored; their field names appear once, as the packed entity's field list.
    expect(raw.match(/"number"/g)).toHaveLength(1)
    expect(raw).toContain('"NuxtPiniaOrmEntity"')
  })

  it('carries Date, Map, Set, BigInt and undefined attributes with their types', async () => {
    const html = await $fetch<string>('/values')
    const payload = nuxtPayload(html) as { pinia: { readings: { data: Record<string, Record<string, unknown>> } } }
    const reading = payload.pinia.readings.data[1]!
    expect(reading.takenAt).toEqual(new Date('2024-05-06T07:08:09.000Z'))
    expect(reading.units).toEqual(new Map([['celsius', 21.5]]))
    expect(reading.flags).toEqual(new Set(['calibrated']))
    expect(reading.total).toBe(12345678901234567890n)
    expect('note' in reading && reading.note === undefined).toBe(true)
    expect(testJson(html, 'values')).toEqual({
      takenAt: '2024-05-06T07:08:09.000Z',
      units: [['celsius', 21.5]],
      flags: ['calibrated'],
      total: '12345678901234567890',
      note: 'undefined',
    })
  })
})

describe('hostile input through SSR', () => {
  const NAME = 'hi \uD800 </script><script>document.title = "pwned"</script>'
  const NUMBER = '\uDC00 555 </script>'
  const expected = {
    name: NAME,
    number: NUMBER,
    owner: '__proto__',
    ids: ['__proto__', 'constructor'],
    exact: true,
    plainPrototype: true,
    inherited: null,
  }

  it('sends a record whose id is __proto__, lone surrogates and </script> included, exactly as saved', async () => {
    const html = await $fetch<string>('/hostile-input')
    expect(testJson(html, 'hostile')).toEqual(expected)
    const raw = rawNuxtPayload(html)
    expect(raw).not.toContain('</script>')
    expect(raw).not.toContain('\uFFFD')
    const { users, phones } = (nuxtPayload(html) as { pinia: Record<string, { data: Record<string, Record<string, unknown>> }> }).pinia
    expect(Object.keys(users!.data)).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(users!.data)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(users!.data, '__proto__')!.value).toEqual({ id: '__proto__', name: NAME })
    expect(Object.getOwnPropertyDescriptor(phones!.data, '__proto__')!.value).toEqual({ id: '__proto__', userId: '__proto__', number: NUMBER })
  })

  it('finds the same records, strings exact, after hydration in Chromium', async () => {
    const { page, problems, requests } = await openPage('/hostile-input')
    await page.waitForFunction(() => document.querySelector('[data-test="client-hostile"]')?.textContent !== '')
    expect(JSON.parse((await page.textContent('[data-test="client-hostile"]'))!)).toEqual(expected)
    expect(await page.textContent('[data-test="client-hostile"]')).toBe(await page.textContent('[data-test="hostile"]'))
    expect(await page.title()).not.toBe('pwned')
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })
})

/** Opens a page in Chromium and records console problems and API requests from the start. */
async function openPage(path: string) {
  const page: Page = await createPage()
  const problems: string[] = []
  const requests: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
  page.on('request', (request) => {
    // Nuxt fetches its build manifest (`/_nuxt/builds/...`) 1 s after the app is ready: not a data
    // request, and on a loaded machine it lands inside a test.
    if (['fetch', 'xhr'].includes(request.resourceType()) && !new URL(request.url()).pathname.startsWith('/_nuxt/builds/'))
      requests.push(request.url())
  })
  await page.goto(url(path), { waitUntil: 'hydration' } as unknown as Parameters<Page['goto']>[1])
  return { page, problems, requests }
}

describe('hydrated client (Chromium)', () => {
  it('looks up relations in both directions on the client exactly as the server did, without any request', async () => {
    const { page, problems, requests } = await openPage('/')
    const server = await page.textContent('[data-test="lookups"]')
    await page.click('[data-test="lookup-on-client"]')
    await page.waitForFunction(() => document.querySelector('[data-test="client-lookups"]')?.textContent !== '')
    const client = await page.textContent('[data-test="client-lookups"]')
    expect(JSON.parse(client!)).toEqual(usersPage)
    expect(client).toBe(server)
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })

  it('re-renders when the client saves a user with a nested phone', async () => {
    const { page, problems, requests } = await openPage('/')
    await page.fill('[data-test="name"]', 'Barbara')
    await page.fill('[data-test="number"]', '555-0199')
    await page.click('[data-test="save"]')
    await page.waitForSelector('[data-test="user-104"]')
    expect((await page.textContent('[data-test="user-104"]'))?.trim()).toBe('Barbara: 555-0199')
    expect(await page.locator('[data-test="users"] li').count()).toBe(5)
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })

  it('revives Date, Map, Set, BigInt and undefined attributes in the browser', async () => {
    const { page, problems } = await openPage('/values')
    await page.waitForFunction(() => document.querySelector('[data-test="client-values"]')?.textContent !== '')
    expect(await page.textContent('[data-test="client-values"]')).toBe(await page.textContent('[data-test="values"]'))
    expect(problems).toEqual([])
    await page.close()
  })
})

const relationsPage = {
  roles: ['admin: Ada (owner), Linus (member)', 'editor: Linus (member)', 'guest: nobody'],
  shared: ['admin'],
  posts: ['Hello: Nice, Thanks'],
  videos: ['Clip: Wow', 'Silent: no comments'],
  comments: ['Nice on blogPosts Hello', 'Thanks on blogPosts Hello', 'Wow on videos Clip'],
}

describe('pivot and polymorphic relations', () => {
  it('renders every lookup on the server', async () => {
    expect(testJson(await $fetch<string>('/relations'), 'lookups')).toEqual(relationsPage)
  })

  it('carries the pivot records in the payload as attributes only', async () => {
    const html = await $fetch<string>('/relations')
    const payload = nuxtPayload(html) as { pinia: Record<string, { data: unknown }> }
    expect(payload.pinia.roleUser!.data).toEqual({
      '[1,1]': { roleId: 1, userId: 1, level: 'owner' },
      '[1,2]': { roleId: 1, userId: 2, level: 'member' },
      '[2,2]': { roleId: 2, userId: 2, level: 'member' },
    })
    expect(payload.pinia.remarks!.data).toEqual({
      1: { id: 1, body: 'Nice', commentableId: 1, commentableType: 'blogPosts' },
      2: { id: 2, body: 'Thanks', commentableId: 1, commentableType: 'blogPosts' },
      3: { id: 3, body: 'Wow', commentableId: 1, commentableType: 'videos' },
    })
    expect(rawNuxtPayload(html)).not.toMatch(/"(?:pivot|commentable|\$\w+)":/)
  })

  it('gives the same lookups after hydration in Chromium, without any request', async () => {
    const { page, problems, requests } = await openPage('/relations')
    await page.click('[data-test="lookup-on-client"]')
    await page.waitForFunction(() => document.querySelector('[data-test="client-lookups"]')?.textContent !== '')
    expect(JSON.parse((await page.textContent('[data-test="client-lookups"]'))!)).toEqual(relationsPage)
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('model instances in useAsyncData data', () => {
  it('cross the payload as instances of their classes, loaded relations included', async () => {
    const { page, problems } = await openPage('/instances')
    expect((await page.textContent('[data-test="ada"]'))?.trim()).toBe('Ada: 555-0101')
    await page.waitForFunction(() => document.querySelector('[data-test="client-instances"]')?.textContent !== '')
    expect(JSON.parse((await page.textContent('[data-test="client-instances"]'))!)).toEqual({
      user: true,
      phone: true,
      json: { id: 1, name: 'Ada', phone: { id: 11, userId: 1, number: '555-0101' } },
    })
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('model features across SSR (casts, hidden fields, dirty tracking)', () => {
  const startsAt = '2030-05-06T18:30:00.000Z'

  it('renders a date cast as a Date and leaves the hidden field out of $toJson()', async () => {
    const html = await $fetch<string>('/model-features')
    expect(testJson(html, 'server-meetup')).toEqual({ startsAt, json: { id: 1, name: 'Vue meetup', startsAt } })
  })

  it('keeps the hidden field out of what the useAsyncData handler returns to the page', async () => {
    const raw = rawNuxtPayload(await $fetch<string>('/model-features'))
    // The store holds the field (it travels in the entity's packed rows once); the instance the
    // handler returned does not carry it.
    expect(raw.match(/door-4711/g)).toHaveLength(1)
    expect(raw.match(/"doorCode"/g)).toHaveLength(1)
    expect(raw).toContain('"NuxtPiniaOrmModel"')
  })

  it('after hydration in Chromium: the Date equals the server\'s, nothing is dirty, an edit is dirty, a save is clean', async () => {
    const { page, problems, requests } = await openPage('/model-features')
    await page.waitForFunction(() => document.querySelector('[data-test="client-meetup"]')?.textContent !== '')
    expect(await page.textContent('[data-test="client-meetup"]')).toBe(await page.textContent('[data-test="server-meetup"]'))
    await page.click('[data-test="check"]')
    await page.waitForFunction(() => document.querySelector('[data-test="checks"]')?.textContent !== '')
    const checks = JSON.parse((await page.textContent('[data-test="checks"]'))!)
    expect(checks).toEqual({
      afterHydration: false,
      afterEdit: true,
      afterSave: false,
      revived: startsAt,
      asyncDataJson: JSON.stringify({ id: 1, name: 'Vue meetup', startsAt }),
      asyncDataFields: ['id', 'name', 'startsAt'],
    })
    // Nuxt's build-manifest check may fetch /_nuxt/builds/meta/* once the page is idle; no data is fetched.
    expect(requests.filter(request => !request.includes('/_nuxt/builds/'))).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('request isolation', () => {
  it('shows each of 1,000 concurrent requests (50 in flight) only its own user, phone and tag', async () => {
    const total = 1000
    const inFlight = 50
    const leaks: string[] = []
    let next = 1
    async function worker() {
      while (next <= total) {
        const id = next++
        const html = await $fetch<string>(`/isolation/${id}`)
        const users = [...html.matchAll(/<li class="user">([^<]*)<\/li>/g)].map(match => match[1]!.trim())
        const phones = [...html.matchAll(/<li class="phone">([^<]*)<\/li>/g)].map(match => match[1]!.trim())
        const tags = [...html.matchAll(/<li class="tag">([^<]*)<\/li>/g)].map(match => match[1]!.trim())
        if (users.join() !== `${id} user-${id} phone-${id}` || phones.join() !== `phone-${id} user-${id}` || tags.join() !== `tag-${id}`)
          leaks.push(`request ${id} saw users ${JSON.stringify(users)}, phones ${JSON.stringify(phones)}, tags ${JSON.stringify(tags)}`)
      }
    }
    await Promise.all(Array.from({ length: inFlight }, worker))
    expect(leaks).toEqual([])
  }, 120_000)
})

describe('the DevTools tab in a production build', () => {
  it('is not served: its page exists in dev only', async () => {
    await expect($fetch('/__nuxt-pinia-orm__/devtools')).rejects.toMatchObject({ statusCode: 404 })
  })
})

describe('useFetchRepo', () => {
  // Navigation also loads the build's metadata; only calls of the app's API count here.
  const apiCalls = (requests: string[]) => requests.map(request => new URL(request))
    .filter(request => request.pathname.startsWith('/api/')).map(request => request.pathname + request.search)
  const firstPage = ['1 User 1: 555-0001', '2 User 2: 555-0002', '3 User 3: 555-0003']
  const listed = (html: string) => [...testText(html, 'fetch-repo-users').matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map(match => match[1]!.trim())

  it('fetches on the server and renders the saved users with their phones', async () => {
    const html = await $fetch<string>('/fetch-repo')
    expect(listed(html)).toEqual(firstPage)
    expect(testText(html, 'fetch-repo-status').trim()).toBe('success no error')
    expect(testJson(html, 'fetch-repo-stored')).toEqual({ users: 3, phones: 3 })
  })

  it('sends the records once, in the entity stores, and only their keys in its own payload entry', async () => {
    const html = await $fetch<string>('/fetch-repo')
    const payload = nuxtPayload(html) as { data: Record<string, unknown>, pinia: Record<string, { data: Record<string, unknown> }> }
    expect(payload.pinia.users!.data).toEqual({
      1: { id: 1, name: 'User 1' },
      2: { id: 2, name: 'User 2' },
      3: { id: 3, name: 'User 3' },
    })
    expect(payload.pinia.phones!.data[1001]).toEqual({ id: 1001, userId: 1, number: '555-0001' })
    // The fetches that did not run (immediate: false) have no value.
    expect(Object.values(payload.data).filter(value => value !== undefined && value !== null)).toEqual([[1, 2, 3]])
    const raw = rawNuxtPayload(html)
    expect(raw.match(/"User 1"/g)).toHaveLength(1)
    expect(raw.match(/"555-0001"/g)).toHaveLength(1)
  })

  it('sends about half the payload of useAsyncData returning 1,000 users with phones, and only their keys more than a bare save', async () => {
    const size = async (path: string) => rawNuxtPayload(await $fetch<string>(path)).length
    const repo = await size('/fetch-repo?count=1000')
    // The users and phones again, as the nested response, in useAsyncData's entry.
    const plain = await size('/fetch-repo-plain?count=1000')
    // A handler that saves and returns `true`: the records once, and nothing else.
    const saved = await size('/fetch-repo-plain?count=1000&mode=saved')
    expect(repo).toBeLessThan(plain * 0.6)
    // What useFetchRepo adds is its entry of 1,000 keys, a few bytes each.
    expect(repo - saved).toBeLessThan(5 * 1000)
  })

  it('hydrates from the payload without a request, then fetches in the browser on client-side navigation', async () => {
    const { page, problems, requests } = await openPage('/fetch-repo')
    expect((await page.locator('[data-test="fetch-repo-users"] li').allTextContents()).map(line => line.trim())).toEqual(firstPage)
    expect(apiCalls(requests)).toEqual([])
    await page.click('[data-test="fetch-repo-more-link"]')
    await page.waitForSelector('[data-test="fetch-repo-more-users"] li')
    expect((await page.locator('[data-test="fetch-repo-more-users"] li').allTextContents()).map(line => line.trim()))
      .toEqual(['4 User 4: 555-0004', '5 User 5: 555-0005'])
    // Saved into the stores the first page filled on the server.
    expect(JSON.parse((await page.textContent('[data-test="fetch-repo-more-stored"]'))!)).toEqual({ users: 5, phones: 5 })
    expect(apiCalls(requests)).toEqual(['/api/fetch-repo-users?from=4&count=2'])
    expect(problems).toEqual([])
    await page.close()
  })

  it('leaves the stores unchanged when the server fails or sends a record it cannot save', async () => {
    const { page, requests } = await openPage('/fetch-repo')
    await page.click('[data-test="fetch-repo-server-error"]')
    await page.click('[data-test="fetch-repo-data-error"]')
    await page.waitForFunction(() => document.querySelector('[data-test="fetch-repo-errors"]')?.textContent?.trim() === 'error server error / error data error')
    expect(apiCalls(requests)).toEqual(['/api/fetch-repo-users?fail=server', '/api/fetch-repo-users?fail=data'])
    expect(JSON.parse((await page.textContent('[data-test="fetch-repo-stored"]'))!)).toEqual({ users: 3, phones: 3 })
    expect((await page.locator('[data-test="fetch-repo-users"] li').allTextContents()).map(line => line.trim())).toEqual(firstPage)
    await page.close()
  })
})

describe('live queries (issue 15)', () => {
  const served = ['Ada: 555-0101', 'Grace: 555-0103', 'Linus: no phone']

  it('render on the server from the records saved there in a transaction', async () => {
    const html = await $fetch<string>('/live-queries')
    expect([...testText(html, 'live-users').matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map(match => match[1]!.trim())).toEqual(served)
  })

  it('give the browser the server\'s result at hydration, without a request, and follow its saves', async () => {
    const { page, problems, requests } = await openPage('/live-queries')
    await page.waitForFunction(() => document.querySelector('[data-test="live-first-on-client"]')?.textContent !== '')
    expect(JSON.parse((await page.textContent('[data-test="live-first-on-client"]'))!)).toEqual(served)

    await page.click('[data-test="live-save"]')
    await page.waitForFunction(() => document.querySelectorAll('[data-test="live-users"] li').length === 4)
    expect((await page.locator('[data-test="live-users"] li').allTextContents()).map(line => line.trim()))
      .toEqual(['Ada: 555-0101', 'Alan: no phone', 'Grace: 555-0103', 'Linus: 555-0102'])

    // optimistic(), auto-imported: the rename shows at once, and its rollback takes it back.
    await page.click('[data-test="live-rename"]')
    await page.waitForFunction(() => document.querySelector('[data-test="live-users"] li')?.textContent?.includes('Ada Lovelace'))
    await page.click('[data-test="live-rollback"]')
    await page.waitForFunction(() => document.querySelector('[data-test="live-users"] li')?.textContent?.trim() === 'Ada: 555-0101')
    expect((await page.locator('[data-test="live-users"] li').allTextContents()).map(line => line.trim()))
      .toEqual(['Ada: 555-0101', 'Alan: no phone', 'Grace: 555-0103', 'Linus: 555-0102'])
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('createORM() options given inline under piniaOrm, as @pinia-orm/nuxt takes them (issue 12)', () => {
  it('apply piniaOrm.model.hidden and an autoImports alias at runtime, beside the options file\'s plugin', async () => {
    expect(testJson(await $fetch<string>('/nuxt-options'), 'inline-options')).toEqual({
      json: { id: 1, title: 'Inline' },
      stored: 's3cret',
      fileApi: '/api',
      appPluginApi: '/late',
    })
  })
})

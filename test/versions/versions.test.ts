// Issue 14: the supported Nuxt versions are those a test proves. The module is packed as npm would
// publish it, installed into a fresh app at each version of ./targets.ts (from the npm registry,
// exact versions), built for production, served on 127.0.0.1 and checked: SSR HTML, then the
// hydrated page in Chromium (no request, no console error, a save updates the page).
// `VERSIONS=3.19.0,4.4.5 npm run test:versions` runs a subset.
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { testText } from '../e2e/html'
import { VERSION_TARGETS, targetName } from './targets'
import type { VersionTarget } from './targets'

const run = promisify(execFile)
const packageRoot = fileURLToPath(new URL('../..', import.meta.url))
const fixture = fileURLToPath(new URL('../fixtures/versions', import.meta.url))
const only = process.env.VERSIONS?.split(',').map(version => version.trim())
const targets = VERSION_TARGETS.filter(target => !only || only.includes(target.nuxt) || only.includes(targetName(target)))

let workDir: string
let browser: Browser
const installs = new Map<string, Promise<string>>()

/** Lines worth reading from a failed command: what it wrote to stderr, else to stdout. */
function failure(error: unknown): Error {
  const { stderr, stdout, message } = error as { stderr?: string, stdout?: string, message: string }
  return new Error(`${message}\n${(stderr || stdout || '').split('\n').slice(-40).join('\n')}`)
}

async function command(file: string, args: string[], cwd: string, timeout: number): Promise<void> {
  try {
    await run(file, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true', NUXT_TELEMETRY_DISABLED: '1' } })
  }
  catch (error) {
    throw failure(error)
  }
}

/** A fresh app at `target`'s versions with the packed module installed; resolves to its folder. */
async function installApp(target: VersionTarget, tarball: string): Promise<string> {
  const dir = join(workDir, `nuxt-${targetName(target)}`)
  await cp(fixture, dir, { recursive: true, filter: source => !/[/\\](?:\.nuxt|\.output|node_modules)$/.test(source) })
  // A Nuxt 4 app keeps its source in app/, server/ stays at the root.
  if (target.nuxt.startsWith('4.')) {
    await mkdir(join(dir, 'app'))
    await rename(join(dir, 'app.vue'), join(dir, 'app', 'app.vue'))
    await rename(join(dir, 'models'), join(dir, 'app', 'models'))
  }
  await writeFile(join(dir, 'package.json'), JSON.stringify({
    name: `nuxt-pinia-orm-versions-${targetName(target)}`,
    private: true,
    type: 'module',
    dependencies: {
      'nuxt': target.nuxt,
      'pinia': target.pinia,
      '@pinia/nuxt': target.piniaNuxt,
      'nuxt-pinia-orm': `file:${tarball}`,
      // Nuxt's builder packages follow Nuxt's version.
      ...target.builder && { [`@nuxt/${target.builder}-builder`]: target.nuxt },
    },
  }, null, 2))
  if (target.builder) {
    const config = join(dir, 'nuxt.config.ts')
    await writeFile(config, (await readFile(config, 'utf8')).replace('modules: [', `builder: '${target.builder}',\n  modules: [`))
  }
  await command('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir, 900_000)
  return dir
}

/** The text of each `<li>` in the `data-test` element `name` of a server-rendered page. */
function listItems(html: string, name: string): string[] {
  return [...testText(html, name).matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map(match => match[1]!.trim())
}

/** Every JavaScript file of a build folder, joined; without `node_modules` unless `traced`. */
async function builtCode(folder: string, traced = true): Promise<string> {
  const files = (await readdir(folder, { recursive: true }))
    .filter(file => /\.m?js$/.test(file) && (traced || !/(?:^|[/\\])node_modules[/\\]/.test(file)))
  return (await Promise.all(files.map(file => readFile(join(folder, file), 'utf8')))).join('\n')
}

/** Resolves once `ready()` holds; rejects with `message()` after `timeout` ms. */
async function waitFor(ready: () => boolean, timeout: number, message: () => string): Promise<void> {
  const end = Date.now() + timeout
  while (!ready()) {
    if (Date.now() > end)
      throw new Error(message())
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** Runs `step` and logs how long it took, so CI's log shows where the time goes. */
async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = Date.now()
  const result = await step()
  console.log(`[versions] ${name}: ${((Date.now() - start) / 1000).toFixed(1)} s`)
  return result
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise(resolve => server.close(resolve))
  return port
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'nuxt-pinia-orm-versions-'))
  // `npm pack` runs `prepack` (the module build), as publishing would.
  await timed('npm pack', () => command('npm', ['pack', '--pack-destination', workDir, '--loglevel=error'], packageRoot, 600_000))
  const tarball = join(workDir, (await readdir(workDir)).find(name => name.endsWith('.tgz'))!)
  // The installs wait on the network more than on the CPU: all at once. Builds then run one by one.
  for (const target of targets) {
    const install = timed(`install Nuxt ${targetName(target)}`, () => installApp(target, tarball))
    install.catch(() => {}) // awaited by its own describe block
    installs.set(targetName(target), install)
  }
  browser = await chromium.launch(chromiumLaunchOptions)
})

afterAll(async () => {
  await browser?.close()
  await Promise.allSettled(installs.values())
  if (workDir && !process.env.KEEP_VERSIONS_APPS)
    await rm(workDir, { recursive: true, force: true })
})

describe.each(targets)('the packed module in a fresh app on Nuxt $nuxt ($label, pinia $pinia, @pinia/nuxt $piniaNuxt)', (target) => {
  const name = targetName(target)
  let server: ChildProcess | undefined
  let url: string
  let dir: string

  beforeAll(async () => {
    dir = await installs.get(name)!
    await timed(`build Nuxt ${name}`, () => command(join(dir, 'node_modules', '.bin', 'nuxi'), ['build'], dir, 300_000))
    const port = await freePort()
    server = spawn(process.execPath, [join(dir, '.output', 'server', 'index.mjs')], {
      env: { ...process.env, NITRO_HOST: '127.0.0.1', NITRO_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    server.stdout!.on('data', (chunk: Buffer) => output += chunk)
    server.stderr!.on('data', (chunk: Buffer) => output += chunk)
    await waitFor(() => output.includes('Listening on'), 15_000, () => `The server of Nuxt ${name} did not start:\n${output}`)
    url = `http://127.0.0.1:${port}/`
  })

  afterAll(() => {
    server?.kill()
  })

  it('renders the saved users with their phones, and phones with their owners, on the server', async () => {
    const html = await (await fetch(url)).text()
    expect(listItems(html, 'users')).toEqual(['Ada: 555-0100', 'Linus: no phone'])
    expect(listItems(html, 'phones')).toEqual(['555-0100: Ada'])
  })

  it('guards the model files in the build, with whichever bundler built it', async () => {
    const code = await builtCode(join(dir, '.output', 'server'))
    // The guard's catch clause, around the top-level code of both model files.
    expect(code.match(/catch \(__nuxtPiniaOrm\$error\)/g)?.length).toBeGreaterThanOrEqual(2)
  })

  it('leaves the dev-time help out of the production build, on the server and in the browser', async () => {
    // The app's own code, bundled: the core is in it (its error messages are), its dev-only
    // messages are not. Traced dependencies (.output/server/node_modules, where Vue's full builds
    // have their own "Did you mean") are left out, but none holds the core's warning either.
    const bundled = await builtCode(join(dir, '.output'), false)
    expect(bundled).toContain('has no relation')
    // webpack inlines Vue's server renderer, and with it @babel/parser, whose own message says
    // "Did you mean '@dec class { ... }'": that one is not ours.
    expect(bundled).not.toMatch(/Did you mean '(?!@dec class)/)
    expect(await builtCode(join(dir, '.output'))).not.toContain('Warned once per relation')
  })

  it('hydrates in Chromium with no request and no console error, and a save in the browser updates the page', async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
    page.on('request', request => requests.push(new URL(request.url()).pathname))
    try {
      await page.goto(url, { waitUntil: 'networkidle' })
      const users = page.locator('[data-test="users"] li')
      await expect.poll(() => users.allTextContents()).toEqual(['Ada: 555-0100', 'Linus: no phone'])
      // A click before hydration does nothing: click until the hydrated app answers.
      await expect.poll(async () => {
        await page.click('[data-test="add"]')
        return users.allTextContents()
      }, { timeout: 15_000, interval: 200 }).toEqual(['Ada: 555-0100', 'Linus: no phone', 'Grace: 555-0300'])
      expect(await page.locator('[data-test="phones"] li').allTextContents()).toEqual(['555-0100: Ada', '555-0300: Grace'])
      expect(requests.filter(path => path.startsWith('/api/'))).toEqual([])
      expect(problems).toEqual([])
    }
    finally {
      await page.close()
    }
  })
})

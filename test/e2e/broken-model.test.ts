// Issue 3: a model file that fails to load gives a start-up error naming the file, in a production
// build too. The fixture's models/Phone.ts builds, then throws while the server bundle is evaluated.
import { execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const nuxi = fileURLToPath(new URL('../../node_modules/.bin/nuxi', import.meta.url))
const rootDir = fileURLToPath(new URL('../fixtures/broken-model', import.meta.url))

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise(resolve => server.close(resolve))
  return port
}

const stops: Array<() => void> = []
afterAll(() => stops.forEach(stop => stop()))

/** Starts the built server on 127.0.0.1; resolves once it listens, with a reader of its output. */
async function startServer(): Promise<{ url: string, output: () => string }> {
  const port = await freePort()
  const server = spawn(process.execPath, [`${rootDir}/.output/server/index.mjs`], {
    env: { ...process.env, NITRO_HOST: '127.0.0.1', NITRO_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  stops.push(() => server.kill())
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => output += chunk)
  server.stderr.on('data', (chunk: Buffer) => output += chunk)
  await expect.poll(() => output, { timeout: 10_000, interval: 50 }).toContain('Listening on')
  return { url: `http://127.0.0.1:${port}/`, output: () => output }
}

describe('a model file whose top-level code throws, in a production build', () => {
  it('makes the first request fail with an error naming the file, and keeps the original error as cause', async () => {
    await run(nuxi, ['build', rootDir], { env: { ...process.env, CI: 'true' } })
    const server = await startServer()

    const response = await fetch(server.url)
    expect(response.status).toBe(500)
    await expect.poll(server.output, { timeout: 5_000, interval: 50 }).toContain(
      '[nuxt-pinia-orm] The model file models/Phone.ts failed to load: no entity is set for phones. Its top-level code (class declarations, static initializers, code outside classes) threw while the app started; fix it in that file.',
    )
    expect(server.output()).toMatch(/cause: Error: no entity is set for phones\n\s+at entityFromSettings/)
  }, 90_000)
})

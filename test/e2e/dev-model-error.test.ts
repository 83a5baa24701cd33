// Issue 14: in dev, a model file whose top-level code throws is reported in the terminal as soon
// as the dev server starts, before any request, with the model file and line as the first frame,
// and again, with the new line, after the file changes. One `nuxi dev` of a copy of the
// `broken-model` fixture (a copy: broken-model.test.ts builds the fixture itself at the same time).
import { spawn } from 'node:child_process'
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const nuxi = fileURLToPath(new URL('../../node_modules/.bin/nuxi', import.meta.url))
const fixture = fileURLToPath(new URL('../fixtures/broken-model', import.meta.url))
// Inside the repository, so the copy resolves the module and node_modules (`.gitignore` lists it).
const rootDir = fileURLToPath(new URL(`../fixtures/.hmr-tmp-${randomBytes(4).toString('hex')}`, import.meta.url))
const modelFile = `${rootDir}/models/Phone.ts`
cpSync(fixture, rootDir, { recursive: true, filter: source => !/[/\\](?:\.nuxt|\.output|node_modules)$/.test(source) })

const stops: Array<() => void> = []
afterAll(() => {
  stops.forEach(stop => stop())
  rmSync(rootDir, { recursive: true, force: true })
})

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise(resolve => server.close(resolve))
  return port
}

/** The `at ...` line right after the first line of the report that names the model file. */
function firstFrameAfter(output: string, from: number): string | undefined {
  const reports = output.slice(from).split('The model file models/Phone.ts failed to load')
  return reports[1]?.split('\n').find(line => line.trim().startsWith('at '))?.trim()
}

describe('a model file that throws when it loads, in dev', () => {
  it('is reported in the terminal at start, before any request, with the file and line first, and again after an edit', async () => {
    // Its own process group, so the dev server's workers stop with it.
    const dev = spawn(nuxi, ['dev', '--host', '127.0.0.1', '--port', String(await freePort())], {
      cwd: rootDir,
      detached: true,
      env: { ...process.env, CI: 'true', NUXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    stops.push(() => {
      try {
        process.kill(-dev.pid!, 'SIGTERM')
      }
      catch {
        // Already stopped.
      }
    })
    let output = ''
    dev.stdout.on('data', (chunk: Buffer) => output += chunk)
    dev.stderr.on('data', (chunk: Buffer) => output += chunk)

    // Line 3 is `throw new Error(...)` in entityFromSettings(), which line 7 calls.
    await expect.poll(() => firstFrameAfter(output, 0), { timeout: 150_000, interval: 200 })
      .toMatch(/^at entityFromSettings \(.*\/models\/Phone\.ts:3:9\)$/)
    expect(output).toContain('[nuxt-pinia-orm] The model file models/Phone.ts failed to load: no entity is set for phones.')

    // Two lines more above it: the next report points two lines further down.
    const seen = output.length
    writeFileSync(modelFile, `// edited\n// again\n${readFileSync(modelFile, 'utf8')}`)
    await expect.poll(() => firstFrameAfter(output, seen), { timeout: 60_000, interval: 200 })
      .toMatch(/^at entityFromSettings \(.*\/models\/Phone\.ts:5:9\)$/)
  }, 240_000)
})

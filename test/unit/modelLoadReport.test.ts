// Issue 14: in dev, a model file that throws when it loads is reported in the terminal with the
// model file and line as the first frame. A real Vite dev server (the SSR module graph Nuxt uses),
// with the guard plugin, loads the files; what Vite logs is captured.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import type { Logger, ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ModelLoadGuard } from '../../src/modelLoadGuard'
import { loadModelFiles } from '../../src/modelLoadReport'

const root = fileURLToPath(new URL(`./.guard-tmp-${randomBytes(4).toString('hex')}`, import.meta.url))
const helper = fileURLToPath(new URL('../../src/runtime/modelLoadError.ts', import.meta.url))
const phone = `${root}/models/Phone.ts`
const user = `${root}/models/User.ts`
const errors: string[] = []
let server: ViteDevServer

const PHONE = `function entityFromSettings(): string {
  throw new Error('no entity is set for phones')
}

export default class Phone {
  static entity: string = entityFromSettings()
}
`

beforeAll(async () => {
  mkdirSync(`${root}/models`, { recursive: true })
  writeFileSync(phone, PHONE)
  writeFileSync(user, 'export default class User {\n  static entity = \'users\'\n}\n')
  const logger: Logger = {
    info() {},
    warn() {},
    warnOnce() {},
    clearScreen() {},
    hasErrorLogged: () => false,
    hasWarned: false,
    error: message => errors.push(message),
  }
  const files = [{ path: phone, displayPath: 'models/Phone.ts' }, { path: user, displayPath: 'models/User.ts' }]
  server = await createServer({
    root,
    configFile: false,
    customLogger: logger,
    plugins: [ModelLoadGuard.vite({ dirs: [`${root}/models`], modelFiles: () => files, helper })],
    server: { middlewareMode: true, hmr: false, watch: null },
  })
}, 60_000)

afterAll(async () => {
  await server?.close()
  rmSync(root, { recursive: true, force: true })
})

/** The first `at ...` line of each logged error. */
function firstFrames(): string[] {
  return errors.map(message => message.split('\n').find(line => line.trim().startsWith('at '))!.trim())
}

describe('loadModelFiles, in the dev server\'s SSR module graph', () => {
  it('logs the model file that throws, naming it, with the file and line that threw as the first frame', async () => {
    await loadModelFiles(server, [phone, user])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('[nuxt-pinia-orm] The model file models/Phone.ts failed to load: no entity is set for phones.')
    expect(firstFrames()[0]).toBe(`at entityFromSettings (${phone}:2:9)`)
  }, 30_000)

  it('loads a changed file again, and reports its new line', async () => {
    errors.length = 0
    writeFileSync(phone, `// a comment\n// and another\n${PHONE}`)
    await loadModelFiles(server, [phone, user])
    expect(firstFrames()).toEqual([`at entityFromSettings (${phone}:4:9)`])
  }, 30_000)

  it('logs nothing once the file is fixed', async () => {
    errors.length = 0
    writeFileSync(phone, PHONE.replace('throw new Error(\'no entity is set for phones\')', 'return \'phones\''))
    await loadModelFiles(server, [phone, user])
    expect(errors).toEqual([])
  }, 30_000)
})

import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const nuxi = fileURLToPath(new URL('../../node_modules/.bin/nuxi', import.meta.url))
const rootDir = fileURLToPath(new URL('../fixtures/duplicate-entity', import.meta.url))

describe('two model files claiming one entity', () => {
  it('stop `nuxi build` with an error naming both classes and both files', async () => {
    const result = await run(nuxi, ['build', rootDir], { env: { ...process.env, CI: 'true' } })
      .then(() => undefined, (error: { code?: number, stdout: string, stderr: string }) => error)
    expect(result?.code).not.toBe(0)
    expect(`${result?.stdout}\n${result?.stderr}`).toContain(
      '[nuxt-pinia-orm] Phone (models/Phone.ts) and User (models/User.ts) both declare `static entity = \'users\'`. Give each model its own entity.',
    )
  }, 60_000)
})

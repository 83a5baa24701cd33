// Bundles the ORM core (TypeScript under src/runtime/orm) into one ES module
// that plain Node can import. vue and pinia stay external so the bundle uses
// the root package's pinia 4 and vue, exactly as an app would.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ROOT_DIR } from './versions.mjs'

export const ORM_ENTRY = fileURLToPath(new URL('src/runtime/orm/index.ts', ROOT_DIR))
export const ORM_BUNDLE = fileURLToPath(new URL('.build/orm.mjs', import.meta.url))

/** @returns {Promise<boolean>} false when the core does not exist yet */
export async function buildOrm() {
  if (!existsSync(ORM_ENTRY)) return false
  // esbuild comes from the root devDependencies (it ships with nuxt's toolchain).
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: [ORM_ENTRY],
    outfile: ORM_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['vue', 'pinia'],
    // Unminified, so CPU profiles (bench/profile.mjs) name the core's own
    // functions; the source map leads from a bundle line back to src/.
    sourcemap: true,
    // Generated code: the root ESLint run (which sees bench/.build) skips it.
    banner: { js: '/* eslint-disable */' },
    logLevel: 'warning',
  })
  return true
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!(await buildOrm())) {
    console.error(`[bench] ${ORM_ENTRY} does not exist yet`)
    process.exitCode = 1
  }
}

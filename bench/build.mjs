// Bundles the ORM core (TypeScript under src/runtime/orm) into one ES module
// that plain Node can import. vue and pinia stay external so the bundle uses
// the root package's pinia 4 and vue, exactly as an app would.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ROOT_DIR } from './versions.mjs'

export const ORM_ENTRY = fileURLToPath(new URL('src/runtime/orm/index.ts', ROOT_DIR))
export const ORM_BUNDLE = fileURLToPath(new URL('.build/orm.mjs', import.meta.url))

/**
 * @param {string} [entry] the core's index.ts (another copy, to measure a patch)
 * @param {string} [outfile] where the bundle goes
 * @returns {Promise<boolean>} false when the core does not exist yet
 */
export async function buildOrm(entry = ORM_ENTRY, outfile = ORM_BUNDLE) {
  if (!existsSync(entry)) return false
  // esbuild comes from the root devDependencies (it ships with nuxt's toolchain).
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: [entry],
    outfile,
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

// node bench/build.mjs [entry.ts outfile.mjs]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry = ORM_ENTRY, outfile = ORM_BUNDLE] = process.argv.slice(2)
  if (!(await buildOrm(entry, outfile))) {
    console.error(`[bench] ${entry} does not exist`)
    process.exitCode = 1
  }
}

// For a standalone bench script: bundles the core, then runs the script again in a child with
// NODE_ENV=production (Vue and Pinia pick their production build when first loaded) and `gc()`.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { buildOrm, ORM_ENTRY } from './build.mjs'

/**
 * In the first run of `scriptUrl`: bundles the core to `bundle`, runs the script again as a child
 * with production builds and `--expose-gc`, and exits with its status. In that child: returns.
 * @param {string} scriptUrl the script's `import.meta.url`
 * @param {string} bundle where the core is bundled
 */
export async function runAsProductionChild(scriptUrl, bundle) {
  if (process.env.NODE_ENV === 'production' && typeof globalThis.gc === 'function')
    return
  await buildOrm(ORM_ENTRY, bundle)
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(scriptUrl), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  process.exit(child.status ?? 1)
}

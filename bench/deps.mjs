// Installs the bench's own packages on first use, so `npm run bench` works
// from a fresh clone after the root `npm ci`. Two separate packages: bench/
// (mitata, autocannon) and bench/pinia-orm/ (pinia-orm with its own pinia 2),
// so nothing under bench/ ever resolves `pinia` to pinia 2 by accident.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { BENCH_DIR, PINIA_ORM_DIR } from './versions.mjs'

const PACKAGES = [
  { dir: BENCH_DIR, marker: 'node_modules/mitata/package.json' },
  { dir: PINIA_ORM_DIR, marker: 'node_modules/pinia-orm/package.json' },
]

export function ensureDependencies() {
  for (const { dir, marker } of PACKAGES) {
    if (existsSync(new URL(marker, dir))) continue
    const prefix = fileURLToPath(dir)
    console.error(`[bench] installing ${prefix} (npm ci, once)`)
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const result = spawnSync(npm, ['ci', '--prefix', prefix, '--no-audit', '--no-fund'], { stdio: 'inherit' })
    if (result.status !== 0) throw new Error(`[bench] npm ci --prefix ${prefix} failed`)
  }
}

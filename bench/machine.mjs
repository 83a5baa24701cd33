// What the numbers were measured on: they mean little without it.
import os from 'node:os'
import { installedVersion, ROOT_DIR, BENCH_DIR, PINIA_ORM_DIR } from './versions.mjs'

function versionOr(dir, name) {
  try {
    return installedVersion(dir, name)
  }
  catch {
    return 'not installed'
  }
}

export function describeMachine() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    packages: {
      'pinia (ours)': versionOr(ROOT_DIR, 'pinia'),
      'vue (ours)': versionOr(ROOT_DIR, 'vue'),
      'pinia-orm': versionOr(PINIA_ORM_DIR, 'pinia-orm'),
      'pinia (pinia-orm)': versionOr(PINIA_ORM_DIR, 'pinia'),
      'vue (pinia-orm)': versionOr(PINIA_ORM_DIR, 'vue'),
      'nuxt': versionOr(ROOT_DIR, 'nuxt'),
      '@pinia/nuxt': versionOr(ROOT_DIR, '@pinia/nuxt'),
      'mitata': versionOr(BENCH_DIR, 'mitata'),
      'autocannon': versionOr(BENCH_DIR, 'autocannon'),
    },
  }
}

// Installed package versions, read from disk: some packages (pinia-orm) do not
// export their package.json, so require() cannot reach it.
import { readFileSync } from 'node:fs'

/** Version of `name` as installed in `<dir>/node_modules`; dir is a file URL or path. */
export function installedVersion(dir, name) {
  const file = new URL(`node_modules/${name}/package.json`, dir)
  return JSON.parse(readFileSync(file, 'utf8')).version
}

export const ROOT_DIR = new URL('../', import.meta.url)
export const BENCH_DIR = new URL('./', import.meta.url)
export const PINIA_ORM_DIR = new URL('./pinia-orm/', import.meta.url)

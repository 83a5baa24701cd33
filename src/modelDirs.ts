import { resolve } from 'pathe'

/**
 * Resolves the `dirs` option in the source folder of every layer, the app's own first.
 * Absolute entries are kept once; the same folder reached twice is listed once.
 * @internal
 */
export function modelDirs(dirs: string[], layerSrcDirs: string[]): string[] {
  const resolved = layerSrcDirs.flatMap(srcDir => dirs.map(dir => resolve(srcDir, dir).replace(/\/$/, '')))
  return [...new Set(resolved)]
}

// Every subpath of package.json `exports` (and its `typesVersions` twin, for TypeScript's older
// module resolution) names a file the module build emits: each runtime file of `src/runtime` is
// built beside itself as `.js` and `.d.ts` under `dist/runtime`.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  exports: Record<string, { types: string, import: string }>
  typesVersions: { '*': Record<string, string[]> }
}

const runtimeExports = Object.entries(pkg.exports).filter(([, target]) => target.import.startsWith('./dist/runtime/'))

function sourceOf(built: string): string {
  return `${root}/${built.replace(/^\.\/dist\//, 'src/').replace(/\.(d\.ts|js)$/, '.ts')}`
}

describe('package.json exports', () => {
  it('lists pinia-orm\'s subpaths: the core, decorators, helpers, casts and the id cast packages', () => {
    expect(runtimeExports.map(([path]) => path)).toEqual(['./orm', './decorators', './helpers', './casts', './nanoid', './nanoid/non-secure', './nanoid/async', './uuid/v1', './uuid/v4'])
  })

  it.each(runtimeExports)('points %s at the build of a source file, for code and for types alike', (path, target) => {
    expect(existsSync(sourceOf(target.import)), target.import).toBe(true)
    expect(target.types).toBe(target.import.replace(/\.js$/, '.d.ts'))
    expect(pkg.typesVersions['*'][path.slice(2)]).toEqual([target.types])
  })
})

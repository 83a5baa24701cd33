import { readFileSync } from 'node:fs'
import { dirname, join } from 'pathe'

/**
 * Names the ORM's decorators go by in an app, auto-imported from `nuxt-pinia-orm/decorators`.
 * The core's classes of the same names (`Attr`, `Uid`, `HasOne`, `HasMany`, `BelongsTo`) are not
 * auto-imported: in a model file `@Attr()` is the decorator, as in pinia-orm; the classes stay
 * importable from `nuxt-pinia-orm/orm`.
 * @internal
 */
export const DECORATOR_IMPORTS = [
  'Attr',
  'Str',
  'Num',
  'Bool',
  'Uid',
  'HasOne',
  'HasMany',
  'BelongsTo',
  'BelongsToMany',
  'HasManyBy',
  'HasManyThrough',
  'MorphOne',
  'MorphMany',
  'MorphTo',
  'MorphToMany',
  'MorphedByMany',
  'Cast',
  'Mutate',
  'Hidden',
  'OnDelete',
  'NonEnumerable',
] as const

/** TypeScript's two decorator modes: standard (TC39) decorators, or `experimentalDecorators`. */
export type DecoratorMode = 'standard' | 'legacy'

/** The part of Vite's esbuild options this module sets for decorators. @internal */
export interface EsbuildOptions {
  supported?: Record<string, boolean>
  tsconfigRaw?: string | { compilerOptions?: object }
}

/**
 * The options of Vite's esbuild transform (which compiles the app's TypeScript, in dev and in
 * builds) that make decorated model files run on Node 20 and in browsers:
 *
 * - standard decorators: no engine runs them yet, but esbuild leaves them in the code for the
 *   `esnext` target Nuxt sets; marking the feature unsupported makes esbuild compile them;
 * - legacy decorators: `experimentalDecorators` for every file, as tsconfig.json would set it.
 *
 * Options the app set itself win.
 * @internal
 */
export function decoratorEsbuildOptions<T extends object>(esbuild: T & EsbuildOptions, mode: DecoratorMode): T {
  const supported = { decorators: false, ...esbuild.supported }
  if (mode === 'standard')
    return { ...esbuild, supported }
  const raw = typeof esbuild.tsconfigRaw === 'string' ? JSON.parse(esbuild.tsconfigRaw) as { compilerOptions?: object } : esbuild.tsconfigRaw ?? {}
  return {
    ...esbuild,
    supported,
    tsconfigRaw: { ...raw, compilerOptions: { ...raw.compilerOptions, experimentalDecorators: true } },
  }
}

/** What the module reads of a TypeScript configuration. */
interface CompilerOptionsOf {
  extends?: unknown
  compilerOptions?: { experimentalDecorators?: unknown }
}

/**
 * Whether the app turns on TypeScript's `experimentalDecorators`, as pinia-orm's guide has apps
 * do: in nuxt.config (`typescript.tsConfig`) or in the `tsconfig.json` at its root. Such an app's
 * model files use legacy decorators, which Vite reads from tsconfig.json but Nitro's esbuild (the
 * server routes, Nuxt 4's `shared/`) does not: the module then compiles them as legacy everywhere.
 * A tsconfig.json that cannot be read counts as not saying so.
 * @internal
 */
export function appUsesLegacyDecorators(rootDir: string, tsConfig: CompilerOptionsOf | undefined): boolean {
  if (tsConfig?.compilerOptions?.experimentalDecorators !== undefined)
    return tsConfig.compilerOptions.experimentalDecorators === true
  return tsconfigSetsLegacy(join(rootDir, 'tsconfig.json'), 0)
}

/**
 * Whether the tsconfig file at `path`, or one it extends by a relative path (its own setting
 * first, then its bases from the last, as TypeScript reads them), sets `experimentalDecorators`.
 * Nuxt's generated `.nuxt/tsconfig.json` is left out: it repeats `typescript.tsConfig`, read
 * first, and may be left over from an earlier build.
 */
function tsconfigSetsLegacy(path: string, depth: number): boolean {
  let config: CompilerOptionsOf
  try {
    config = JSON.parse(withoutJsonComments(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))) as CompilerOptionsOf
  }
  catch {
    return false
  }
  const own = config.compilerOptions?.experimentalDecorators
  if (own !== undefined)
    return own === true
  const bases = (Array.isArray(config.extends) ? config.extends : [config.extends]).filter((base): base is string => typeof base === 'string' && base.startsWith('.') && !base.includes('.nuxt/'))
  for (const base of bases.reverse()) {
    const file = join(dirname(path), base.endsWith('.json') ? base : `${base}.json`)
    if (depth < 8 && tsconfigSetsLegacy(file, depth + 1))
      return true
  }
  return false
}

/** JSON with comments and trailing commas (tsconfig.json's dialect) as plain JSON; strings kept as they are. */
function withoutJsonComments(text: string): string {
  return text
    .replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string?: string) => string ?? '')
    .replace(/("(?:[^"\\\n]|\\.)*")|,(\s*[}\]])/g, (match, string?: string, close?: string) => string ?? close!)
}

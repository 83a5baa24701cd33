import { resolveConfig } from './runtime/orm/config'
import type { CreateOrmOptions } from './runtime/orm/config'
import { createOrmError, reasonOf } from './runtime/orm/errors'
import { closestName } from './runtime/orm/suggest'

/**
 * The `createORM()` options that `piniaOrm` in `nuxt.config` may hold inline, as with
 * `@pinia-orm/nuxt`: plain data, so they reach the runtime through a generated template.
 * @internal
 */
export type InlineOrmOptions = Pick<CreateOrmOptions, 'model' | 'cache' | 'pinia'>

/** What {@link inlineOrmOptions} makes of the `piniaOrm` key. @internal */
export interface InlineOrmOptionsResult {
  /** The inline `createORM()` options, checked; `undefined` when there are none. */
  options: InlineOrmOptions | undefined
  /** Build-time warnings, each naming the option concerned. */
  warnings: string[]
}

/** Keys of `piniaOrm` this module reads itself (see `ModuleOptions`). */
const MODULE_KEYS = ['dirs', 'repositoriesDirs', 'optionsFile', 'decorators', 'autoImports']
const INLINE_KEYS = ['model', 'cache', 'pinia'] as const
/** `createORM()` options made of functions or classes: they cannot cross a template as data. */
const CODE_KEYS = ['plugins', 'models']

/**
 * Reads the `createORM()` options given inline under `piniaOrm` (`model`, `cache`, `pinia`, as
 * `@pinia-orm/nuxt` takes them), checked at build time with the messages `createORM()` gives.
 * Throws for what cannot work inline (`plugins`, `models`: code, which belongs in `optionsFile`)
 * and for invalid values; warns about keys no option has (a typo guard) and about
 * `cache: { shared: false }`, which changes nothing here.
 * @internal
 */
export function inlineOrmOptions(piniaOrm: Record<string, unknown>): InlineOrmOptionsResult {
  const warnings: string[] = []
  const known = [...MODULE_KEYS, ...INLINE_KEYS]
  for (const key of Object.keys(piniaOrm)) {
    const value = piniaOrm[key]
    if (CODE_KEYS.includes(key)) {
      // `plugins: []` (pinia-orm's default) asks for nothing.
      if (value !== undefined && !(Array.isArray(value) && value.length === 0))
        throw createOrmError(`piniaOrm.${key} in nuxt.config cannot be given inline: ${key === 'plugins' ? 'plugins are functions' : 'models are classes'}, which do not survive the build's JSON. Move ${key} into the file named by piniaOrm.optionsFile (e.g. optionsFile: '~/orm.options', whose default export is the options of createORM()).${key === 'models' ? ' Model files in models/ are registered without it.' : ''}`)
    }
    else if (!known.includes(key)) {
      const near = closestName(key, known)
      warnings.push(`piniaOrm.${key} in nuxt.config is not an option of nuxt-pinia-orm, so it is ignored.${near ? ` Did you mean '${near}'?` : ''} The options are: ${known.join(', ')}.`)
    }
  }

  const options: InlineOrmOptions = {}
  if (piniaOrm.model !== undefined)
    options.model = piniaOrm.model as InlineOrmOptions['model']
  if (piniaOrm.pinia !== undefined)
    options.pinia = piniaOrm.pinia as InlineOrmOptions['pinia']
  if (piniaOrm.cache !== undefined)
    options.cache = inlineCache(piniaOrm.cache, warnings)
  if (Object.keys(options).length === 0)
    return { options: undefined, warnings }
  try {
    // The runtime's own checks, so a wrong value fails the build with the message it would give.
    resolveConfig([options])
  }
  catch (error) {
    throw createOrmError(`piniaOrm in nuxt.config: ${reasonOf(error)}`, { cause: error })
  }
  return { options, warnings }
}

/**
 * `cache` as the runtime takes it. pinia-orm's `{ shared, provider }` object means "cache on":
 * here the cache always belongs to one Pinia, so `shared: false` changes nothing (warned), and a
 * `provider` (a class) is not supported.
 */
function inlineCache(cache: unknown, warnings: string[]): boolean {
  if (typeof cache === 'boolean')
    return cache
  if (cache === null || typeof cache !== 'object' || Array.isArray(cache))
    throw createOrmError(`piniaOrm.cache in nuxt.config takes true, false or { shared: true }, not ${JSON.stringify(cache)}.`)
  for (const key of Object.keys(cache)) {
    if (key !== 'shared')
      throw createOrmError(`piniaOrm.cache.${key} in nuxt.config is not supported: the query cache always belongs to one Pinia instance and its provider cannot be changed. Remove it.`)
  }
  const shared = (cache as { shared?: unknown }).shared
  if (shared !== undefined && typeof shared !== 'boolean')
    throw createOrmError(`piniaOrm.cache.shared in nuxt.config takes true or false, not ${JSON.stringify(shared)}.`)
  if (shared === false)
    warnings.push('piniaOrm.cache.shared: false in nuxt.config has no effect: cached results belong to one Pinia instance and are dropped on any write to an entity they read, so the repositories of that Pinia share them safely. Remove it, or turn caching off with cache: false.')
  return true
}

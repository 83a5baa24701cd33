import { createOrmError } from './runtime/orm/errors'
import type { DecoratorMode } from './decorators'

/** The module's own options of `piniaOrm` in `nuxt.config`, as `setup()` gets them. @internal */
export interface ModuleOwnOptions {
  dirs?: unknown
  repositoriesDirs?: unknown
  decorators?: unknown
}

/** The folders and the decorator mode the module works with, checked. @internal */
export interface ResolvedModuleOptions {
  dirs: string[]
  repositoriesDirs: string[]
  decorators: DecoratorMode
}

/**
 * The module's folder options and decorator mode, with their defaults, checked: the decorator
 * mode defaults to `'legacy'` for an app that turns on `experimentalDecorators` (see
 * `appUsesLegacyDecorators`), else `'standard'`. The folder lists
 * have no `defaults` entry in the module: Nuxt merges options into defaults with `defu`, which
 * appends arrays, so `dirs: ['entities']` would scan `models/` too and `dirs: []` could not turn
 * scanning off. A value set replaces the default here.
 * @internal
 */
export function resolveModuleOptions(options: ModuleOwnOptions, appUsesLegacyDecorators = false): ResolvedModuleOptions {
  return {
    dirs: folderList('dirs', options.dirs, ['models']),
    repositoriesDirs: folderList('repositoriesDirs', options.repositoriesDirs, ['repositories']),
    decorators: decoratorMode(options.decorators, appUsesLegacyDecorators ? 'legacy' : 'standard'),
  }
}

function folderList(option: string, value: unknown, fallback: string[]): string[] {
  if (value === undefined)
    return fallback
  if (!Array.isArray(value) || value.some(dir => typeof dir !== 'string' || dir === ''))
    throw createOrmError(`piniaOrm.${option} in nuxt.config is a list of folders, e.g. ${option}: ['${fallback[0]}'] ([] for none), not ${typeof value === 'string' ? `the string '${value}'` : JSON.stringify(value)}.`)
  return value as string[]
}

function decoratorMode(value: unknown, fallback: DecoratorMode): DecoratorMode {
  if (value === undefined)
    return fallback
  if (value !== 'standard' && value !== 'legacy')
    throw createOrmError(`piniaOrm.decorators in nuxt.config is 'standard' (TC39 decorators, TypeScript's default) or 'legacy' (experimentalDecorators, pinia-orm 1.x's \`@Attr() declare id\`), not ${JSON.stringify(value)}.`)
  return value
}

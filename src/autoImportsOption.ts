import { parseSync } from 'oxc-parser'
import { createOrmError } from './runtime/orm/errors'
import { closestName } from './runtime/orm/suggest'

/** One auto-import, as `addImports()` takes it. @internal */
export interface AutoImport {
  name: string
  as?: string
  from: string
}

/** What {@link planAutoImports} makes of `piniaOrm.autoImports`. @internal */
export interface AutoImportsPlan {
  /** Imports to add beside the module's own. */
  imports: AutoImport[]
  /** Build-time warnings, each naming the entry concerned. */
  warnings: string[]
}

/**
 * Reads `piniaOrm.autoImports` as `@pinia-orm/nuxt` takes it: names (`'useRepo'`) and
 * `[name, alias]` pairs. The module already auto-imports its API, so a name it imports asks for
 * nothing (the common case, quiet); an alias adds an import under that alias; another export of
 * `nuxt-pinia-orm/orm` (asked for by `coreExports()`, read only then) is added; any other name is
 * warned about, since the app could not use it.
 * @internal
 */
export function planAutoImports(option: unknown, given: readonly AutoImport[], coreExports: () => ReadonlySet<string>, core: string): AutoImportsPlan {
  const plan: AutoImportsPlan = { imports: [], warnings: [] }
  if (option === undefined)
    return plan
  if (!Array.isArray(option))
    throw createOrmError(`piniaOrm.autoImports in nuxt.config takes a list of names and [name, alias] pairs, e.g. ['useRepo', ['useRepo', 'useOrmRepo']], not ${JSON.stringify(option)}.`)
  let exported: ReadonlySet<string> | undefined
  option.forEach((entry: unknown, index) => {
    const pair = Array.isArray(entry) && entry.length === 2 && entry.every(part => typeof part === 'string') ? entry as [string, string] : undefined
    if (typeof entry !== 'string' && !pair)
      throw createOrmError(`piniaOrm.autoImports[${index}] in nuxt.config is ${JSON.stringify(entry)}: give a name ('useRepo') or a [name, alias] pair (['useRepo', 'useOrmRepo']).`)
    const [name, as] = pair ?? [entry as string, undefined]
    const own = given.find(item => item.name === name && (item.as ?? item.name) === name)
    if (own) {
      if (as !== undefined && as !== name)
        plan.imports.push({ name, as, from: own.from })
      return
    }
    exported ??= coreExports()
    if (exported.has(name)) {
      plan.imports.push(as === undefined ? { name, from: core } : { name, as, from: core })
      return
    }
    const near = closestName(name, [...given.map(item => item.name), ...exported])
    plan.warnings.push(`piniaOrm.autoImports in nuxt.config names '${name}', which nuxt-pinia-orm does not export, so it is not auto-imported.${near ? ` Did you mean '${near}'?` : ''} See docs/migration-from-pinia-orm.md for the names that differ from pinia-orm.`)
  })
  return plan
}

/**
 * The names of the values a module exports (its own and re-exported ones, not types), read
 * without running it.
 * @internal
 */
export function valueExports(path: string, code: string): Set<string> {
  const names = new Set<string>()
  for (const statement of parseSync(path, code).module.staticExports) {
    for (const entry of statement.entries) {
      if (!entry.isType && entry.exportName.kind === 'Name' && entry.exportName.name)
        names.add(entry.exportName.name)
    }
  }
  return names
}

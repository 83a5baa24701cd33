import { createOrmError, reasonOf } from './errors'
import type { OrmConfig, PiniaOrmPlugin, PiniaOrmPluginContext, PluginRepository } from './config'

// The plugin types live in config.ts (the config lists plugins); they are public from here.
export type { PiniaOrmPlugin, PiniaOrmPluginContext } from './config'

/**
 * Defines a pinia-orm plugin, for `createORM({ plugins: [...] })`. It runs for every repository
 * `useRepo` makes, with `{ model, repository, config }`:
 *
 * ```ts
 * export const apiPlugin = definePiniaOrmPlugin((context) => {
 *   context.config.apiBase = '/api'
 *   return context
 * })
 * ```
 */
export function definePiniaOrmPlugin(plugin: PiniaOrmPlugin): PiniaOrmPlugin {
  return plugin
}

/**
 * Runs the plugins of a Pinia's config for a new repository; what a plugin returns as `config`
 * becomes the repository's config. A plugin that throws is named in the error (its `cause`).
 *
 * @internal
 */
export function runPlugins(config: OrmConfig, repository: PluginRepository): OrmConfig {
  let current = config
  const plugins = config.plugins
  for (let i = 0; i < plugins.length; i++) {
    const plugin = plugins[i]!
    let result: PiniaOrmPluginContext | undefined
    try {
      result = plugin({ config: current, repository, model: repository.getModel() })
    }
    catch (error) {
      const name = plugin.name ? `'${plugin.name}'` : `#${i + 1}`
      throw createOrmError(`The pinia-orm plugin ${name} (createORM({ plugins })) threw for ${repository.use.name}: ${reasonOf(error)}. Fix the plugin; the repository was not made.`, { cause: error })
    }
    if (result && result.config && result.config !== current)
      current = { ...current, ...result.config }
  }
  return current
}

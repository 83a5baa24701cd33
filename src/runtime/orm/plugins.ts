import { createOrmError, reasonOf } from './errors'
import type { OrmConfig } from './config'
import type { Model } from './Model'
import type { Repository } from './repository'

/** What a plugin gets and returns: the model, the repository and the Pinia's ORM config. */
export interface PiniaOrmPluginContext {
  /** A new instance of the repository's model. */
  model: Model
  repository: Repository
  /** The configuration of this Pinia instance; what a plugin sets here stays for later repositories. */
  config: OrmConfig
}

/** A pinia-orm plugin: extends the repository or the config, and returns the context. */
export type PiniaOrmPlugin = (context: PiniaOrmPluginContext) => PiniaOrmPluginContext | undefined

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
export function runPlugins(config: OrmConfig, repository: Repository): OrmConfig {
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

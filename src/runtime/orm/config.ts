import type { Pinia } from 'pinia'
import { createOrmError } from './errors'
import type { ModelInstance } from './relations/Relation'
import type { ModelClass } from './types'

/** Defaults for every model, overridden by a model's own statics. */
export interface ModelDefaults {
  /**
   * Keep `_meta` (`createdAt`, `updatedAt`) on records, as a model's `static config.withMeta` does.
   * @default false
   */
  withMeta?: boolean
  /**
   * Fields left out of `$toJson()` for every model, as a model's `static hidden` does.
   * @default []
   */
  hidden?: readonly string[]
  /**
   * When not empty, the only fields `$toJson()` gives for every model, as `static visible` does.
   * @default []
   */
  visible?: readonly string[]
  /**
   * A prefix of every entity store's id (`namespace/entity`), as a model's `static namespace` gives
   * one model; a model's own `static namespace` (even `''`) wins.
   * @default ''
   */
  namespace?: string
}

/** Options of {@link createORM}, kept per Pinia instance. */
export interface CreateOrmOptions {
  /**
   * Models to register with every Pinia instance the plugin is installed on, so their stores exist
   * from the start.
   * @default []
   */
  models?: readonly ModelClass[]
  /**
   * Defaults for every model of this Pinia: `withMeta`, `hidden`, `visible`, `namespace`; a
   * model's own statics win.
   * @default {}
   */
  model?: ModelDefaults
  /**
   * pinia-orm plugins (`definePiniaOrmPlugin(...)`), run for every repository `useRepo` makes in
   * this Pinia, in order.
   * @default []
   */
  plugins?: readonly PiniaOrmPlugin[]
  /**
   * `false` turns `useCache()` off: queries then always read the stores. Cached results belong to
   * one Pinia instance and are dropped when an entity they read is written.
   * @default true
   */
  cache?: boolean | { shared?: boolean }
  /** How entity stores are made. */
  pinia?: {
    /**
     * `'optionStore'` (state, getters and actions) or `'setupStore'` (a setup function): how a
     * model's `static piniaOptions` are read.
     * @default 'optionStore'
     */
    storeType?: 'optionStore' | 'setupStore'
  }
}

/** The configuration of one Pinia instance, as plugins see and may extend it. */
export interface OrmConfig {
  model: Required<ModelDefaults>
  cache: boolean
  pinia: { storeType: 'optionStore' | 'setupStore' }
  plugins: readonly PiniaOrmPlugin[]
  models: readonly ModelClass[]
  /** What plugins add (`context.config.apiConfig = ...`), untyped as in pinia-orm. */
  [key: string]: any // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
}

/**
 * A repository as plugins see it. `repository.ts` widens it to the `Repository` class (interface
 * merging), so this file, which the database imports, imports no repository.
 *
 * @internal
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by repository.ts
export interface PluginRepository {}

/** What a plugin gets and returns: the model, the repository and the Pinia's ORM config. */
export interface PiniaOrmPluginContext {
  /** A new instance of the repository's model. */
  model: ModelInstance
  repository: PluginRepository
  /** The configuration of this Pinia instance; what a plugin sets here stays for later repositories. */
  config: OrmConfig
}

/** A pinia-orm plugin: extends the repository or the config, and returns the context. */
export type PiniaOrmPlugin = (context: PiniaOrmPluginContext) => PiniaOrmPluginContext | undefined

const ORM_OPTIONS = Symbol.for('nuxt-pinia-orm:options')

const KNOWN_OPTIONS = new Set(['models', 'model', 'plugins', 'cache', 'pinia'])

/**
 * Marks the Pinia plugin made by `createORM(options)` with its options, so the database of a Pinia
 * finds them among the Pinia's plugins before it creates the first entity store.
 *
 * @internal
 */
export function tagOrmPlugin<P extends object>(plugin: P, options: CreateOrmOptions): P {
  Object.defineProperty(plugin, ORM_OPTIONS, { value: options })
  return plugin
}

/**
 * The options of every `createORM()` plugin installed on this Pinia (`pinia.use(...)` after
 * `app.use(pinia)`, or before it once the app is installed), in order.
 *
 * @internal
 */
export function installedOrmOptions(pinia: Pinia): CreateOrmOptions[] {
  const plugins = (pinia as Pinia & { _p?: unknown[] })._p ?? []
  const found: CreateOrmOptions[] = []
  for (const plugin of plugins) {
    const options = (plugin as { [ORM_OPTIONS]?: CreateOrmOptions } | null)?.[ORM_OPTIONS]
    if (options)
      found.push(options)
  }
  return found
}

/**
 * Whether this Pinia has a plugin that is not a `createORM()` one: such a plugin may subscribe to
 * every store's actions as the store is made (`store.$onAction(...)`).
 *
 * @internal
 */
export function hasOtherPlugins(pinia: Pinia): boolean {
  const plugins = (pinia as Pinia & { _p?: unknown[] })._p
  return !Array.isArray(plugins) || plugins.some(plugin => (plugin as { [ORM_OPTIONS]?: CreateOrmOptions } | null)?.[ORM_OPTIONS] === undefined)
}

/** The options objects already warned about `cache: { shared: false }` (they live as long as the app). */
const warnedSharedFalse = new WeakSet<CreateOrmOptions>()

/**
 * The configuration made from the options of one or more `createORM()` calls (later ones win,
 * plugins and models add up). Checked: an unknown option or a wrong type throws, naming it.
 *
 * @internal
 */
export function resolveConfig(list: readonly CreateOrmOptions[]): OrmConfig {
  const config: OrmConfig = {
    model: { withMeta: false, hidden: [], visible: [], namespace: '' },
    cache: true,
    pinia: { storeType: 'optionStore' },
    plugins: [],
    models: [],
  }
  for (const options of list) {
    if (options === null || typeof options !== 'object' || Array.isArray(options))
      throw createOrmError(`createORM() takes an object of options (${[...KNOWN_OPTIONS].join(', ')}), or nothing, not ${shown(options)}.`)
    for (const key of ['model', 'pinia'] as const) {
      const value: unknown = options[key]
      if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value)))
        throw createOrmError(`createORM({ ${key} }) takes an object, not ${shown(value)}.`)
    }
    if (options.cache !== undefined && typeof options.cache !== 'boolean' && (options.cache === null || typeof options.cache !== 'object'))
      throw createOrmError(`createORM({ cache }) takes true, false or { shared }, not ${shown(options.cache)}.`)
    for (const key of ['plugins', 'models'] as const) {
      if (options[key] !== undefined && !Array.isArray(options[key]))
        throw createOrmError(`createORM({ ${key} }) takes an array${key === 'models' ? ' of model classes' : ' of plugins'}, not ${shown(options[key])}.`)
    }
    options.models?.forEach((model: unknown, i) => {
      if (typeof model !== 'function' || typeof (model as { fields?: unknown }).fields !== 'function')
        throw createOrmError(`createORM({ models }): entry #${i + 1} is ${shown(model)}, not a model class (a class that extends Model). Check its import: a circular import can leave it undefined.`)
    })
    for (const key of Object.keys(options)) {
      if (!KNOWN_OPTIONS.has(key))
        throw createOrmError(`createORM() has no option '${key}'. Its options are: ${[...KNOWN_OPTIONS].join(', ')}.`)
    }
    if (options.model) {
      checkKeys(options.model, ['withMeta', 'hidden', 'visible', 'namespace'], 'model')
      checkModelDefaults(options.model)
      config.model = { ...config.model, ...definedOnly(options.model) }
    }
    if (options.cache !== undefined) {
      if (typeof options.cache === 'object' && options.cache !== null) {
        checkKeys(options.cache, ['shared'], 'cache', 'The query cache always belongs to one Pinia instance; pinia-orm\'s cache providers are not supported.')
        if (options.cache.shared === false && process.env.NODE_ENV !== 'production' && !warnedSharedFalse.has(options)) {
          // Once per options object: resolved for every Pinia, so once per request on a server.
          warnedSharedFalse.add(options)
          console.warn('[nuxt-pinia-orm] createORM({ cache: { shared: false } }) has no effect: cached results belong to one Pinia instance and are dropped on any write to an entity they read, so the repositories of that Pinia share them safely. Remove the option, or turn caching off with cache: false. See docs/migration-from-pinia-orm.md.')
        }
      }
      config.cache = options.cache !== false
    }
    if (options.pinia)
      checkKeys(options.pinia, ['storeType'], 'pinia')
    const storeType = options.pinia?.storeType
    if (storeType !== undefined) {
      if (storeType !== 'optionStore' && storeType !== 'setupStore')
        throw createOrmError(`createORM({ pinia: { storeType } }) takes 'optionStore' or 'setupStore', not ${JSON.stringify(storeType)}.`)
      config.pinia = { storeType }
    }
    if (options.plugins) {
      options.plugins.forEach((plugin, i) => {
        if (typeof plugin !== 'function')
          throw createOrmError(`createORM({ plugins }): plugin #${i + 1} is ${typeof plugin}, not a function. Make each plugin with definePiniaOrmPlugin(context => context).`)
      })
      config.plugins = [...config.plugins, ...options.plugins]
    }
    if (options.models)
      config.models = [...config.models, ...options.models]
  }
  return config
}

function shown(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? `the number ${value}` : typeof value === 'function' ? `a function (${value.name || 'anonymous'})` : typeof value
}

function checkKeys(value: object, known: readonly string[], option: string, why = ''): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      throw createOrmError(`createORM({ ${option}: { ${key} } }) is not supported. The options of '${option}' are: ${known.join(', ')}.${why ? ` ${why}` : ''}`)
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/**
 * The model defaults (`withMeta`, `hidden`, `visible`, `namespace`) given to `createORM({ model })` for a
 * Pinia instance, as resolved (unset ones at pinia-orm's defaults). Pass the database a repository
 * or query holds (`repo._db`, `query._db`). What they make of each model is `db._defaults`
 * (see `modelDefaults.ts`).
 *
 * @internal
 */
export function _modelDefaults(db: { config: OrmConfig }): Readonly<Required<ModelDefaults>> {
  return db.config.model
}

/** Checks the types of `createORM({ model })`, naming the option that is wrong. */
function checkModelDefaults(model: ModelDefaults): void {
  if (model.withMeta !== undefined && typeof model.withMeta !== 'boolean')
    throw createOrmError(`createORM({ model: { withMeta } }) takes true or false, not ${JSON.stringify(model.withMeta)}.`)
  for (const option of ['hidden', 'visible'] as const) {
    const fields = model[option]
    if (fields !== undefined && (!Array.isArray(fields) || fields.some(field => typeof field !== 'string')))
      throw createOrmError(`createORM({ model: { ${option} } }) takes a list of field names, e.g. ${option}: ['password'], not ${JSON.stringify(fields)}.`)
  }
  if (model.namespace !== undefined && typeof model.namespace !== 'string')
    throw createOrmError(`createORM({ model: { namespace } }) takes a string, the prefix of every entity store's id (e.g. 'app' for 'app/users'), not ${JSON.stringify(model.namespace)}.`)
  if (model.hidden?.includes('*'))
    throw createOrmError(`createORM({ model: { hidden: ['*'] } }) is not supported: name the fields to hide, or list the fields to show in 'visible'.`)
}

import {
  addImports,
  addPlugin,
  addServerImports,
  addBuildPlugin,
  addTemplate,
  createResolver,
  defineNuxtModule,
  getLayerDirectories,
  hasNuxtModule,
  installModule,
  resolvePath,
  updateTemplates,
  useLogger,
} from '@nuxt/kit'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'pathe'
import { planAutoImports, valueExports } from './autoImportsOption'
import type { AutoImport } from './autoImportsOption'
import { CORE_IMPORTS, HELPER_IMPORTS } from './coreImports'
import { DECORATOR_IMPORTS, appUsesLegacyDecorators, decoratorEsbuildOptions } from './decorators'
import type { DecoratorMode, EsbuildOptions } from './decorators'
import { resolveModuleOptions } from './moduleOptions'
import { createOrmError } from './runtime/orm/errors'
import { setupDevtools } from './devtools'
import { modelDirs } from './modelDirs'
import { modelLoadGuardBuildPlugin } from './modelLoadGuard'
import { watchModelLoadErrors } from './modelLoadReport'
import { scanModels } from './scanModels'
import type { ScannedModelFile } from './scanModels'
import { TEMPLATE_DIR, modelsTemplate, modelsTypeTemplate, optionsTemplate, optionsTypeTemplate } from './templates'
import { inlineOrmOptions } from './ormOptions'
import type { InlineOrmOptions } from './ormOptions'

/** Options of the `piniaOrm` key in `nuxt.config`. */
export interface ModuleOptions {
  /**
   * Folders of model files, resolved in the source folder of the app and of each layer
   * (`app/` in a Nuxt 4 app), sub-folders included. Every export of these files is auto-imported,
   * and every exported model class is registered with the app's Pinia at start.
   * @default ['models']
   */
  dirs?: string[]
  /**
   * Folders of custom repository classes (`class UserRepository extends Repository<typeof User>`),
   * resolved like `dirs`. Their exports are auto-imported, for `useRepo(UserRepository)`.
   * @default ['repositories']
   */
  repositoriesDirs?: string[]
  /**
   * A file of the app whose default export is the options passed to `createORM()` (for example
   * `'~/orm.options'`). It is bundled as code, so options may be functions.
   * Without it the ORM runs with its defaults.
   * @default undefined
   */
  optionsFile?: string
  /**
   * Which of TypeScript's decorator modes model files use: `'standard'` (TC39 decorators, what
   * TypeScript does without `experimentalDecorators`) or `'legacy'` (`experimentalDecorators`, the
   * form of pinia-orm 1.x, which allows `@Attr() declare id: number`). The module sets Vite's and
   * Nitro's esbuild options (and, for `'legacy'`, the app's tsconfig) accordingly.
   * @default 'legacy' when the app's tsconfig.json (or `typescript.tsConfig`) sets `experimentalDecorators`, else 'standard'
   */
  decorators?: DecoratorMode
  /**
   * Model defaults of `createORM()` given inline, as `@pinia-orm/nuxt` takes them
   * (`withMeta`, `hidden`, `visible`, `namespace`). For a key set here and in `optionsFile`, the
   * file wins.
   * @default undefined
   */
  model?: InlineOrmOptions['model']
  /**
   * `cache` of `createORM()` given inline: `false` turns `useCache()` off. For a key set here and in
   * `optionsFile`, the file wins.
   * @default undefined
   */
  cache?: boolean | { shared?: boolean }
  /**
   * `pinia` of `createORM()` given inline (`storeType`). For a key set here and in `optionsFile`,
   * the file wins.
   * @default undefined
   */
  pinia?: InlineOrmOptions['pinia']
  /**
   * As in `@pinia-orm/nuxt`: names (`'useRepo'`) and `[name, alias]` pairs to auto-import. The
   * module auto-imports its API already, so only aliases and other exports of
   * `nuxt-pinia-orm/orm` add anything; an unknown name is warned about at build time.
   * @default undefined
   */
  autoImports?: Array<string | [string, string]>
}

export default defineNuxtModule<ModuleOptions>({
  meta: {
    name: 'nuxt-pinia-orm',
    configKey: 'piniaOrm',
    compatibility: { nuxt: '^3.19.0 || ^4.1.0' },
  },
  // No defaults here: Nuxt would append a `dirs` given to the default one (resolveModuleOptions).
  async setup(options, nuxt) {
    const { dirs: dirOption, repositoriesDirs: repositoryDirOption, decorators } = resolveModuleOptions(options, appUsesLegacyDecorators(nuxt.options.rootDir, nuxt.options.typescript.tsConfig))
    const logger = useLogger('nuxt-pinia-orm')
    const { resolve: resolveRuntime } = createResolver(import.meta.url)
    const core = resolveRuntime('./runtime/orm')

    // One Pinia per request comes from @pinia/nuxt; an app that lists it keeps its own entry.
    if (!hasNuxtModule('@pinia/nuxt') && !hasNuxtModule('pinia'))
      await installModule('@pinia/nuxt')

    // `import { Model, useRepo } from 'nuxt-pinia-orm/orm'` in the app gives what is auto-imported:
    // the core's classes, and the useRepo that finds the request's Pinia. Nitro keeps the core.
    nuxt.options.alias['nuxt-pinia-orm/orm'] = resolveRuntime('./runtime/appOrm')
    nuxt.hook('nitro:config', (nitroConfig) => {
      nitroConfig.alias = { ...nitroConfig.alias, 'nuxt-pinia-orm/orm': core }
      // Server routes import decorated model files too: Nitro's esbuild compiles them as Vite's does.
      nitroConfig.esbuild = { ...nitroConfig.esbuild, options: decoratorEsbuildOptions((nitroConfig.esbuild?.options ?? {}) as EsbuildOptions, decorators) }
    })
    nuxt.options.alias['nuxt-pinia-orm/helpers'] = resolveRuntime('./runtime/orm/helpers')
    nuxt.options.alias['nuxt-pinia-orm/casts'] = resolveRuntime('./runtime/orm/casts')
    // pinia-orm's id cast packages: `import { UidCast } from 'nuxt-pinia-orm/uuid/v4'`.
    for (const path of ['nanoid/non-secure', 'nanoid/async', 'nanoid', 'uuid/v1', 'uuid/v4'])
      nuxt.options.alias[`nuxt-pinia-orm/${path}`] = resolveRuntime(`./runtime/orm/${path}`)
    nuxt.options.build.transpile.push(resolveRuntime('./runtime'))

    // Decorated model files run in dev and in builds: Vite's esbuild compiles the decorators.
    nuxt.options.alias['nuxt-pinia-orm/decorators'] = resolveRuntime('./runtime/orm/decorators')
    const esbuild = nuxt.options.vite.esbuild
    if (esbuild !== false)
      nuxt.options.vite.esbuild = decoratorEsbuildOptions(esbuild ?? {}, decorators)
    if (decorators === 'legacy') {
      const tsConfig = nuxt.options.typescript.tsConfig ??= {}
      tsConfig.compilerOptions = { ...tsConfig.compilerOptions, experimentalDecorators: true }
    }

    const ownImports: AutoImport[] = [
      ...CORE_IMPORTS.map(name => ({ name, from: core })),
      ...DECORATOR_IMPORTS.map(name => ({ name, from: resolveRuntime('./runtime/orm/decorators') })),
      ...['useRepo', 'transaction', 'optimistic'].map(name => ({ name, from: resolveRuntime('./runtime/composables') })),
      { name: 'useFetchRepo', from: resolveRuntime('./runtime/fetchRepo') },
      ...HELPER_IMPORTS.map(name => ({ name, from: resolveRuntime('./runtime/orm/helpers') })),
    ]
    // pinia-orm's `autoImports`: aliases and other exports of the core; the index is read only then.
    const coreIndex = await resolvePath(resolveRuntime('./runtime/orm/index'))
    const autoImports = planAutoImports(options.autoImports, ownImports, () => valueExports(coreIndex, readFileSync(coreIndex, 'utf8')), core)
    addImports([...ownImports, ...autoImports.imports])
    // createORM() options given inline (model, cache, pinia), checked now; unknown keys warned about.
    const inline = inlineOrmOptions(options as unknown as Record<string, unknown>)
    for (const warning of [...inline.warnings, ...autoImports.warnings])
      logger.warn(warning)
    // Like useFetch, each call gets a key unique to its place in the code: (model, request, options, key).
    nuxt.options.optimization.keyedComposables.push({ name: 'useFetchRepo', source: resolveRuntime('./runtime/fetchRepo'), argumentLength: 4 })

    const layerDirs = getLayerDirectories(nuxt).map(layer => layer.app)
    const dirs = modelDirs(dirOption, layerDirs)
    let files: ScannedModelFile[] = await scanModels(dirs, nuxt.options.rootDir)
    // Repository files are imported like model files (a default export by its file's name), but
    // only where the app uses them: no registration at start.
    const repositoryDirs = modelDirs(repositoryDirOption, layerDirs)
    let repositoryFiles: ScannedModelFile[] = await scanModels(repositoryDirs, nuxt.options.rootDir)

    nuxt.hook('imports:extend', (imports) => {
      for (const file of [...files, ...repositoryFiles]) {
        for (const item of file.exports)
          imports.push({ name: item.exportName, as: item.name, from: file.path })
      }
    })

    // A server route may import a model file (`import User from '~/models/User'`): what such a file
    // uses without importing it (`Model`, a decorator, another model) is auto-imported in Nitro
    // too. `useRepo` is the core's with the Pinia required: a server route has no app Pinia. Files
    // added in dev reach Nitro at the next start.
    addServerImports([
      ...CORE_IMPORTS.map(name => ({ name, from: core })),
      { name: 'useRepo', from: resolveRuntime('./runtime/serverRepo') },
      ...DECORATOR_IMPORTS.map(name => ({ name, from: resolveRuntime('./runtime/orm/decorators') })),
      ...HELPER_IMPORTS.map(name => ({ name, from: resolveRuntime('./runtime/orm/helpers') })),
      ...[...files, ...repositoryFiles].flatMap(file => file.exports.map(item => ({ name: item.exportName, as: item.name, from: file.path }))),
    ])

    // A model file whose top-level code throws names itself, in a production build too; with
    // Vite, webpack and rspack alike.
    // With no model folders (`dirs: []`), nothing to guard: an empty filter would match every module.
    if (dirs.length > 0) {
      addBuildPlugin(modelLoadGuardBuildPlugin({ dirs, modelFiles: () => files, helper: resolveRuntime('./runtime/modelLoadError') }))
      // In dev, the terminal names such a file and its line at start and on each change.
      if (nuxt.options.dev)
        watchModelLoadErrors(nuxt, dirs, () => files)
    }

    addTemplate({
      filename: `${TEMPLATE_DIR}/models.mjs`,
      getContents: () => modelsTemplate(files),
    })
    // Beside the module it describes, so `#build/nuxt-pinia-orm/models.mjs` is typed by path.
    addTemplate({
      filename: `${TEMPLATE_DIR}/models.d.mts`,
      write: true,
      getContents: () => modelsTypeTemplate(),
    })
    const optionsFile = options.optionsFile ? await resolvePath(options.optionsFile) : undefined
    if (optionsFile && !existsSync(optionsFile))
      throw createOrmError(`piniaOrm.optionsFile in nuxt.config is '${options.optionsFile}', but there is no such file (looked for ${optionsFile}, with and without .ts, .js, .mjs). Create it with the createORM() options as its default export, or fix the path.`)
    addTemplate({
      filename: `${TEMPLATE_DIR}/options.mjs`,
      getContents: () => optionsTemplate(optionsFile, inline.options),
    })
    addTemplate({
      filename: `${TEMPLATE_DIR}/options.d.mts`,
      write: true,
      getContents: () => optionsTypeTemplate(),
    })

    addPlugin(resolveRuntime('./runtime/payloadPlugin'))
    addPlugin(resolveRuntime('./runtime/storePayloadPlugin'))
    addPlugin(resolveRuntime('./runtime/plugin'))
    // In dev: the Nuxt DevTools tab (entities, records, relations, graph), live.
    setupDevtools(resolveRuntime)

    // A model file added, removed or renamed in dev: scan again, then the auto-imports and the
    // models template follow. A file that breaks the scan is reported and the last good scan stays.
    nuxt.hook('builder:watch', async (_event, relativePath) => {
      const path = resolve(nuxt.options.srcDir, relativePath)
      if (repositoryDirs.some(dir => path.startsWith(`${dir}/`))) {
        try {
          repositoryFiles = await scanModels(repositoryDirs, nuxt.options.rootDir)
        }
        catch (error) {
          logger.error(error)
        }
        return
      }
      if (!dirs.some(dir => path.startsWith(`${dir}/`)))
        return
      let scanned: ScannedModelFile[]
      try {
        scanned = await scanModels(dirs, nuxt.options.rootDir)
      }
      catch (error) {
        logger.error(error)
        return
      }
      // An edit inside a class changes no export: Vite's HMR of the file is enough then.
      if (JSON.stringify(scanned) === JSON.stringify(files))
        return
      files = scanned
      await updateTemplates({ filter: template => template.filename.startsWith(`${TEMPLATE_DIR}/`) })
    })
  },
})

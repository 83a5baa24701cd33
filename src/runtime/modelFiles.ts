import type { Pinia } from 'pinia'
import { Model, registerModels } from './orm'
import { _modelEntityOf } from './orm/modelInfo'
import type { InfoModel } from './orm/modelInfo'
import { createOrmError, reasonOf } from './orm/errors'
import { getSchema } from './orm/schema'
import type { ModelClass, RegisterOptions } from './orm'

/**
 * One scanned model file as the generated `#build/nuxt-pinia-orm/models.mjs` lists it.
 * @internal
 */
export interface ModelFile {
  /** Path relative to the app's root, for messages. */
  file: string
  /** Exported values by the name they are auto-imported with. */
  exports: Record<string, unknown>
}

function isModelClass(value: unknown): value is ModelClass {
  return typeof value === 'function' && value.prototype instanceof Model
}

/**
 * A model's entity with its own `static namespace` (`admin/users`), or the entity: two models of one
 * entity in different namespaces have different ones. The Pinia's default namespace is left out,
 * so the server and the browser agree on it without a Pinia.
 * @internal
 */
export function _namespacedEntity(model: ModelClass): string {
  return _modelEntityOf(model as unknown as InfoModel)
}

/** The model classes of the scanned files by entity, each with the file it comes from. */
function modelsByEntity(files: ModelFile[]): Map<string, { model: ModelClass, file: string }> {
  const byEntity = new Map<string, { model: ModelClass, file: string }>()
  for (const { file, exports } of files) {
    for (const value of Object.values(exports)) {
      if (!isModelClass(value) || typeof value.entity !== 'string' || value.entity === '')
        continue
      // Two models of one entity in different namespaces keep apart (`admin/users` and `users`).
      const key = _namespacedEntity(value)
      const namespace = key === value.entity ? '' : key.slice(0, -value.entity.length - 1)
      const known = byEntity.get(key)
      if (known && known.model !== value) {
        throw createOrmError(
          `${known.model.name} (${known.file}) and ${value.name} (${file}) both declare \`static entity = '${value.entity}'\`${namespace === '' ? '' : ` in the namespace '${namespace}'`}. Give each model its own entity.`,
        )
      }
      byEntity.set(key, known ?? { model: value, file })
    }
  }
  return byEntity
}

/**
 * Picks the model classes out of the scanned files, in file order and each class once.
 * Other exports (constants, helpers, abstract base models without an entity) are left out.
 * Two different classes claiming one entity throw an error naming both files, before any of them
 * is registered.
 * @internal
 */
export function collectModels(files: ModelFile[]): ModelClass[] {
  return [...modelsByEntity(files).values()].map(({ model }) => model)
}

/**
 * Registers the model classes of the scanned files (see {@link collectModels}) with a Pinia.
 * Every model's definition is read first, so a `static fields()` that throws stops start-up with
 * an error naming the model and its file (the original error is its `cause`), and nothing is
 * registered then.
 * @internal
 */
export function registerModelFiles(pinia: Pinia, files: ModelFile[], options?: RegisterOptions): void {
  const entries = [...modelsByEntity(files).values()]
  for (const { model, file } of entries) {
    try {
      getSchema(model)
    }
    catch (error) {
      throw createOrmError(`${model.name} (${file}) failed to load: ${reasonOf(error)}`, { cause: error })
    }
  }
  registerModels(pinia, entries.map(({ model }) => model), options)
}

import { Model } from './orm'
import { createOrmError } from './orm/errors'
import type { ModelClass } from './orm'

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
 * Picks the model classes out of the scanned files, in file order and each class once.
 * Other exports (constants, helpers, abstract base models without an entity) are left out.
 * Two different classes claiming one entity throw an error naming both files, before any of them
 * is registered.
 * @internal
 */
export function collectModels(files: ModelFile[]): ModelClass[] {
  const byEntity = new Map<string, { model: ModelClass, file: string }>()
  for (const { file, exports } of files) {
    for (const value of Object.values(exports)) {
      if (!isModelClass(value) || typeof value.entity !== 'string' || value.entity === '')
        continue
      const known = byEntity.get(value.entity)
      if (known && known.model !== value) {
        throw createOrmError(
          `${known.model.name} (${known.file}) and ${value.name} (${file}) both declare \`static entity = '${value.entity}'\`. Give each model its own entity.`,
        )
      }
      byEntity.set(value.entity, known ?? { model: value, file })
    }
  }
  return [...byEntity.values()].map(({ model }) => model)
}

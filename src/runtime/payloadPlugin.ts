/// <reference types="vite/client" />
import { definePayloadPlugin, definePayloadReducer, definePayloadReviver } from '#app'
import { modelFiles } from '#build/nuxt-pinia-orm/models.mjs'
import { Model } from './orm'
import type { ModelClass } from './orm'
import { _namespacedEntity, collectModels } from './modelFiles'
import { reduceModel, reviveModel } from './payloadModels'
import type { ReducedModel } from './payloadModels'

/**
 * Lets model instances cross in the payload's other data, such as what a `useAsyncData` handler
 * returns: an instance travels as its entity (with its namespace) and own fields (loaded relations are instances too,
 * and cross the same way) and comes back as an instance of its class, its relations loaded empty
 * marked as they were (see `payloadModels.ts`). The stores' state never
 * holds instances; it travels as plain records through @pinia/nuxt.
 */
export default definePayloadPlugin(() => {
  definePayloadReducer('NuxtPiniaOrmModel', (value: unknown): ReducedModel | false =>
    value instanceof Model && reduceModel(value))

  if (import.meta.client) {
    const models = new Map<string, ModelClass>()
    const useModels = (files: typeof modelFiles) => {
      models.clear()
      for (const model of collectModels(files))
        models.set(_namespacedEntity(model), model)
    }
    useModels(modelFiles)
    // Without this, the models module would have an importer that refuses its updates, and
    // every edit of a model file would reload the page instead of swapping the class.
    if (import.meta.hot) {
      import.meta.hot.accept('#build/nuxt-pinia-orm/models.mjs', (updated) => {
        if (updated)
          useModels(updated.modelFiles as typeof modelFiles)
      })
    }
    // The fields as they were on the server's instance, and only those: a field it lacked (hidden by
    // the model or by the app's createORM defaults) is not filled with its default here.
    definePayloadReviver('NuxtPiniaOrmModel', (reduced: ReducedModel) => {
      const model = models.get(reduced.entity)
      return model ? reviveModel(model, reduced) : reduced.fields
    })
  }
})

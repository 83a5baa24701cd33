import { definePayloadPlugin, definePayloadReducer, definePayloadReviver } from '#app'
import { modelFiles } from '#build/nuxt-pinia-orm/models.mjs'
import { Model } from './orm'
import type { ModelClass } from './orm'
import { collectModels } from './modelFiles'

interface ReducedModel {
  entity: string
  fields: Record<string, unknown>
}

/**
 * Lets model instances cross in the payload's other data, such as what a `useAsyncData` handler
 * returns: an instance travels as its entity and own fields (loaded relations are instances too,
 * and cross the same way) and comes back as an instance of its class. The stores' state never
 * holds instances; it travels as plain records through @pinia/nuxt.
 */
export default definePayloadPlugin(() => {
  definePayloadReducer('NuxtPiniaOrmModel', (value: unknown): ReducedModel | false =>
    value instanceof Model && { entity: value.$entity(), fields: { ...value } })

  if (import.meta.client) {
    const models = new Map<string, ModelClass>(collectModels(modelFiles).map(model => [model.entity, model]))
    definePayloadReviver('NuxtPiniaOrmModel', ({ entity, fields }: ReducedModel) => {
      const model = models.get(entity)
      return model ? new model(fields) : fields
    })
  }
})

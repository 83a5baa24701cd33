import { createOrmError } from './errors'
import type { ModelClass } from './types'

/**
 * Statics that pinia-orm's documentation gives models and this library does not implement. A model
 * that declares one gets a warning in development, once (when its schema is built), instead of
 * having it silently ignored.
 */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  piniaExtend: 'options for other Pinia plugins on the entity store',
  metaKey: 'the name of the meta field, which is always `_meta` here',
  baseNamespace: 'the namespace of the base model\'s store, which is the base model\'s own `static namespace` here',
  fieldsOnDelete: 'the delete modes by field; here each relation takes `.onDelete()`, or `setFieldDeleteMode()` sets one',
  // pinia-orm's model guide names it, but pinia-orm itself reads only `config.withMeta`.
  withMeta: 'named by its guide\'s "Meta Info", read by neither library; write `static config = { withMeta: true }` to keep `_meta`',
}

/**
 * Warns, in development, about each pinia-orm model static the model declares that this library
 * does not implement.
 *
 * @internal
 */
export function _warnUnsupportedStatics(model: ModelClass, name: string): void {
  if (process.env.NODE_ENV === 'production')
    return
  for (const key of Object.keys(UNSUPPORTED)) {
    if ((model as unknown as Record<string, unknown>)[key] !== undefined)
      console.warn(`[nuxt-pinia-orm] ${name} declares \`static ${key}\` (pinia-orm: ${UNSUPPORTED[key]}), which nuxt-pinia-orm does not support: it has no effect. Remove it, or open an issue if you need it.`)
  }
}

/**
 * Gives Model a `schemas` static that throws an error naming it. pinia-orm keeps the fields its
 * decorators declare in that registry (protected, one per process), and a decorated subclass under
 * single-table inheritance reads its base's fields from it (`...super.schemas[super.entity]`).
 * Here a subclass inherits them, so such a spread is not needed; without this, reading it fails
 * with "Cannot read properties of undefined". Not typed: TypeScript already refuses the read.
 *
 * @internal
 */
export function _unsupportedRegistryStatics(model: object): void {
  Object.defineProperty(model, 'schemas', {
    get(this: { name?: string }) {
      throw createOrmError(`${this.name || 'Model'}.schemas is pinia-orm's registry of the fields decorators declare, which nuxt-pinia-orm does not have: a subclass inherits the fields of its base's decorators. Return only the subclass's own fields from its fields() (drop \`...super.schemas[super.entity]\`), or declare them with decorators.`)
    },
    configurable: true,
    enumerable: false,
  })
}

import { createOrmError } from '../errors'
import { classRegistry, installStatics, metadataRegistry } from './registry'
import type { DecoratedClass, FieldRegistry } from './registry'

/**
 * A decorator of a model's instance field that works in both of TypeScript's decorator modes:
 * `experimentalDecorators` (pinia-orm 1.x's form, `@Attr() declare id: number` or `@Attr() id!:
 * number`) and standard TC39 decorators (`@Attr() id!: number`; standard decorators cannot sit on
 * a `declare` field).
 */
export interface PropertyDecorator {
  (target: object, propertyKey: string | symbol): void
  // A standard field decorator returns an initializer or nothing: TypeScript's own signature.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
  <This, V>(value: undefined, context: ClassFieldDecoratorContext<This, V>): ((this: This, initial: V) => V) | void
}

// Standard decorators keep what they declare in `context.metadata`, which compilers only create
// when `Symbol.metadata` exists (TypeScript) or fall back to this same registered symbol (esbuild,
// Babel). Node 20 and today's browsers lack it, so it is defined here, as TypeScript's documentation
// advises, before any decorated class is evaluated (a model file imports its decorators first).
;(Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata')

/**
 * Builds a {@link PropertyDecorator} that writes into the field's class registry with `declare`.
 * `decorator` names it in messages (`'@Attr'`).
 * @internal
 */
export function propertyDecorator(decorator: string, declare: (registry: FieldRegistry, field: string) => void): PropertyDecorator {
  return function (target: unknown, key: unknown) {
    if (key !== null && typeof key === 'object') {
      const context = key as ClassFieldDecoratorContext
      const field = String(context.name)
      if (context.kind !== 'field' || context.static || context.private)
        throw createOrmError(`${decorator} decorates '${field}', which is not a public instance field. Put it on a field of the model, e.g. \`${decorator}(...) ${field}!: string\`.`)
      if (!context.metadata)
        throw createOrmError(`${decorator} on '${field}' found no decorator metadata. Compile with TypeScript 5.2 or later, esbuild 0.21 or later, or Babel's 2023-11 decorators.`)
      declare(metadataRegistry(context.metadata), field)
      // The ORM fills instances in Model's constructor, before this class's own fields are defined:
      // keep the value it set, and leave no own property where it set none (a relation not loaded).
      context.addInitializer(function (this: unknown) {
        const instance = this as Record<string, unknown>
        if (instance[field] === undefined)
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the decorated field
          delete instance[field]
      })
      return function (this: unknown, initial: unknown) {
        const instance = this as Record<string, unknown>
        return Object.prototype.hasOwnProperty.call(instance, field) ? instance[field] : initial
      }
    }
    const model = (target as { constructor?: unknown } | null)?.constructor
    if (typeof target === 'function' || typeof model !== 'function')
      throw createOrmError(`${decorator} decorates '${String(key)}', which is not an instance field of a model. Put it on a field of the model, e.g. \`${decorator}(...) declare ${String(key)}: string\`.`)
    const registry = classRegistry(model)
    declare(registry, String(key))
    // Legacy decorators run once the class is defined, so its statics can be set right away.
    installStatics(model as DecoratedClass, registry)
  } as PropertyDecorator
}

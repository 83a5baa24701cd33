import type { Model } from '../Model'
import type { CastClass } from '../casts/CastAttribute'
import { propertyDecorator } from './propertyDecorator'
import type { PropertyDecorator } from './propertyDecorator'

/**
 * The `@Uid(options)` decorator of an id cast: it declares the field with `this.uid()` and gives
 * it the cast, with the decorator's options as its parameters (`Cast.withParameters(options)`).
 *
 * @internal
 */
export function _idCastDecorator<O extends object>(Cast: CastClass & { withParameters: (parameters: Record<string, unknown>) => CastClass }): (options?: O) => PropertyDecorator {
  return options => propertyDecorator('@Uid', (registry, name) => {
    registry.fields[name] = model => (model as unknown as typeof Model).uid()
    registry.casts[name] = options ? Cast.withParameters(options as Record<string, unknown>) : Cast
  })
}

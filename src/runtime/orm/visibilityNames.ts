import { _declaredVisibility } from './visibility'
import type { VisibilityStatics } from './visibility'

/**
 * Warns, in development, about each name a model's `static hidden`, `static visible` or their
 * `config` forms list that is no field of the model (nor `'*'` or `'_meta'`): a misspelt hidden field
 * (`hidden = ['pasword']`) would otherwise leave the field it meant in every query result and
 * `$toJson()`, silently.
 *
 * @internal
 */
export function _warnUnknownVisibilityNames(model: VisibilityStatics, name: string, isField: (field: string) => boolean): void {
  if (process.env.NODE_ENV === 'production')
    return
  const { hidden, visible } = _declaredVisibility(model)
  for (const [list, names] of [['hidden', hidden], ['visible', visible]] as const) {
    for (const field of names) {
      // `_meta` is pinia-orm's default hidden field, kept per Pinia by createORM({ model: { withMeta } }).
      if (field !== '*' && field !== '_meta' && !isField(field))
        console.warn(`[nuxt-pinia-orm] ${name}.${list} names '${field}', which is no field of ${name}, so it ${list === 'hidden' ? 'hides' : 'shows'} nothing. Correct the name, or declare the field in ${name}.fields().`)
    }
  }
}

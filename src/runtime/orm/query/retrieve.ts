import type { Database } from '../database'
import { _retrieved } from '../hooks'
import { _hooksByClass } from '../subclassDispatch'
import type { Model } from '../Model'
import { _showFields } from '../queryVisibility'
import type { Schema } from '../relations/Relation'
import type { VisibilityOverride } from '../visibility'

// What a query does to the instances it read before returning them: the fields made hidden or
// visible for this query (`makeHidden()`, `makeVisible()`, `withMeta()`), and the `retrieved` hook.

/** What a query's visibility changes live in. @internal */
export interface VisibilitySource {
  _visibility: VisibilityOverride | undefined
}

/**
 * Hides `fields` in the query's results, undoing an earlier `makeVisible()` of them.
 *
 * @internal
 */
export function makeHidden(query: VisibilitySource, fields: readonly string[]): void {
  const override = query._visibility ??= {}
  for (const field of fields) {
    ;(override.hidden ??= new Set()).add(field)
    override.visible?.delete(field)
  }
}

/**
 * Shows `fields` in the query's results, undoing an earlier `makeHidden()` of them.
 *
 * @internal
 */
export function makeVisible(query: VisibilitySource, fields: readonly string[]): void {
  const override = query._visibility ??= {}
  for (const field of fields) {
    ;(override.visible ??= new Set()).add(field)
    override.hidden?.delete(field)
  }
}

/**
 * Applies makeHidden()/makeVisible() and runs `retrieved` on what a read returns.
 *
 * @internal
 */
export function retrieve(query: VisibilitySource & { readonly _db: Database, readonly _schema: Schema }, items: Model[]): void {
  if (query._visibility)
    _showFields(query._db, query._schema, items, query._visibility)
  _retrieved(query._schema, items, _hooksByClass(query._schema))
}

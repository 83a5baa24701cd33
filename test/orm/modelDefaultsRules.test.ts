// The rules of modelDefaults.ts, pure: which fields a model shows in a Pinia with createORM({ model })
// defaults. A model's own non-empty hidden/visible list replaces the default one (pinia-orm's rule),
// a hidden field is never shown, a model that lists visible fields still shows its primary key.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Model } from '../../src/runtime/orm'
import { AppliedModelDefaults, _applyModelDefaults } from '../../src/runtime/orm/modelDefaults'
import { getSchema } from '../../src/runtime/orm/schema'
import { _isVisible } from '../../src/runtime/orm/visibility'

const FIELDS = ['id', 'name', 'email', 'secret'] as const
const fieldList = fc.subarray([...FIELDS])

let count = 0

/** A new model class with the given own statics (each run its own class: schemas are per class). */
function modelWith(hidden: string[], visible: string[], withMeta: boolean | undefined) {
  return class extends Model {
    static override entity = `model_${count++}`
    static override hidden = hidden
    static override visible = visible
    static override config = withMeta === undefined ? undefined : { withMeta }
    static override fields() {
      return { id: this.attr(null), name: this.string(''), email: this.string(''), secret: this.string('') }
    }
  }
}

/** pinia-orm's documented rule, written out plainly. */
function expectedShown(field: string, own: { hidden: string[], visible: string[] }, defaults: { hidden: string[], visible: string[] }): boolean {
  const hidden = own.hidden.length > 0 ? own.hidden : defaults.hidden
  const visible = own.visible.length > 0 ? own.visible : defaults.visible
  if (hidden.includes(field))
    return false
  return visible.length === 0 || visible.includes('*') || visible.includes(field) || field === 'id'
}

describe('model defaults, field by field', () => {
  it('show a field exactly when pinia-orm\'s rule does, and never one the model itself hides', () => {
    fc.assert(fc.property(fieldList, fieldList, fieldList, fc.oneof(fieldList, fc.constant<string[]>(['*'])), fc.option(fc.boolean(), { nil: undefined }), fc.boolean(), (ownHidden, ownVisible, hidden, visible, ownMeta, withMeta) => {
      const model = modelWith(ownHidden, ownVisible, ownMeta)
      const schema = getSchema(model)
      const applied = new AppliedModelDefaults({ withMeta, hidden, visible }).of(schema)
      for (const field of FIELDS) {
        const shown = _isVisible(field, applied.visibility)
        expect(shown).toBe(expectedShown(field, { hidden: ownHidden, visible: ownVisible }, { hidden, visible }))
        // Instances are hydrated with the model's own visibility first, then stripped again.
        if (!_isVisible(field, schema.features?.visibility))
          expect(shown).toBe(false)
      }
      const meta = ownMeta ?? withMeta
      expect(applied.meta).toBe(meta)
      expect(applied.storedFields).toEqual(meta ? [...FIELDS, '_meta'] : [...FIELDS])
      if (meta)
        expect(_isVisible('_meta', applied.visibility)).toBe(false)
    }), { numRuns: 200, seed: 20_261_201 })
  })

  it('strip nothing more when they change nothing for a model', () => {
    const model = modelWith(['secret'], [], undefined)
    expect(new AppliedModelDefaults({ withMeta: false, hidden: ['email'], visible: [] }).of(getSchema(model)).strips).toBe(false)
    expect(new AppliedModelDefaults({ withMeta: false, hidden: [], visible: ['name'] }).of(getSchema(model)).strips).toBe(true)
  })

  it('are not kept at all when they are pinia-orm\'s defaults', () => {
    expect(_applyModelDefaults({ withMeta: false, hidden: [], visible: [] })).toBeUndefined()
    expect(_applyModelDefaults({ withMeta: false, hidden: [], visible: ['*'] })).toBeUndefined()
    expect(_applyModelDefaults({ withMeta: true, hidden: [], visible: [] })).toBeInstanceOf(AppliedModelDefaults)
  })
})

// Repository new(persist): pinia-orm's "make a model with default values, persisted or not", with
// the creating and saving hooks able to refuse it (null), as pinia-orm 1.10 does.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

const calls: string[] = []

class Note extends Model {
  static override entity = 'notes'

  static override fields() {
    return { id: this.uid(), body: this.string('empty') }
  }

  declare id: string
  declare body: string

  static override creating(model: Note) {
    calls.push(`creating ${model.body}`)
  }

  static override saving(model: Note) {
    calls.push(`saving ${model.body}`)
  }

  static override created(model: Note) {
    calls.push(`created ${model.body}`)
  }

  static override saved(model: Note) {
    calls.push(`saved ${model.body}`)
  }
}

// Refused by `creating` (Draft) or by `saving` (Locked): pinia-orm's new() then returns null.
class Draft extends Model {
  static override entity = 'drafts'

  static override fields() {
    return { id: this.uid(), body: this.string('') }
  }

  static override creating() {
    return false
  }
}

class Locked extends Model {
  static override entity = 'locked'

  static override fields() {
    return { id: this.uid(), body: this.string('') }
  }

  static override saving() {
    return false
  }
}

class Keyed extends Model {
  static override entity = 'keyed'

  static override fields() {
    return { id: this.attr(null), body: this.string('x') }
  }
}

describe('repository new(persist)', () => {
  it('new() saves a model with default values and runs creating, saving, created and saved', () => {
    const pinia = createPinia()
    calls.length = 0

    const note = useRepo(Note, pinia).new()!

    expect(note.body).toBe('empty')
    expect(pinia.state.value.notes!.data).toEqual({ [note.id]: { id: note.id, body: 'empty' } })
    expect(calls).toEqual(['creating empty', 'saving empty', 'created empty', 'saved empty'])
  })

  it('new(false) makes the model with default values without saving it, running creating and saving only', () => {
    const pinia = createPinia()
    calls.length = 0

    const note = useRepo(Note, pinia).new(false)!

    expect(note).toBeInstanceOf(Note)
    expect(note.body).toBe('empty')
    expect(note.id).toEqual(expect.any(String))
    expect(pinia.state.value.notes!.data).toEqual({})
    expect(calls).toEqual(['creating empty', 'saving empty'])
  })

  it('returns null and saves nothing when a creating hook returns false', () => {
    const pinia = createPinia()

    expect(useRepo(Draft, pinia).new()).toBeNull()
    expect(useRepo(Draft, pinia).new(false)).toBeNull()
    expect(pinia.state.value.drafts!.data).toEqual({})
  })

  it('returns null and saves nothing when a saving hook returns false', () => {
    const pinia = createPinia()

    expect(useRepo(Locked, pinia).new()).toBeNull()
    expect(useRepo(Locked, pinia).new(false)).toBeNull()
    expect(pinia.state.value.locked!.data).toEqual({})
  })

  it('query().new() and query().new(false) do as the repository\'s new()', () => {
    const pinia = createPinia()

    const saved = useRepo(Note, pinia).query().new()!
    const unsaved = useRepo(Note, pinia).where('body', 'x').new(false)!

    expect(pinia.state.value.notes!.data).toEqual({ [saved.id]: { id: saved.id, body: 'empty' } })
    expect(unsaved.body).toBe('empty')
    expect(useRepo(Draft, pinia).query().new()).toBeNull()
  })

  it('new(false) needs no generated key, as nothing is saved', () => {
    const pinia = createPinia()

    expect(useRepo(Keyed, pinia).new(false)!.$toJson()).toEqual({ id: null, body: 'x' })
    expect(() => useRepo(Keyed, pinia).new()).toThrow('[nuxt-pinia-orm] new() on Keyed needs a generated primary key. Declare \'id\' with this.uid(), use new(false) for an instance that is not saved, or save() with a key.')
    expect(pinia.state.value.keyed!.data).toEqual({})
  })
})

import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { computed, effectScope, watch } from 'vue'
import { Model, useRepo } from '../../src/runtime/orm'
import { _buildHooks } from '../../src/runtime/orm/hooks'

const calls: string[] = []

class Post extends Model {
  static override entity = 'posts'

  static override fields() {
    return { id: this.attr(null), title: this.string(''), published: this.boolean(false), comments: this.hasMany(Comment, 'postId') }
  }

  declare id: number
  declare title: string
  declare published: boolean

  static override creating(model: Post, record?: Record<string, unknown>) {
    calls.push(`creating ${model.id}`)
    model.published = true
    if (record?.title === 'draft')
      model.published = false
  }

  static override updating(model: Post) {
    calls.push(`updating ${model.id}`)
    if (model.title === 'locked')
      return false
  }

  static override saving(model: Post) {
    calls.push(`saving ${model.id}`)
    if (model.title === 'skip')
      return false
    if (model.title === 'throw')
      throw new Error('saving refused')
  }

  static override created(model: Post) {
    calls.push(`created ${model.id}`)
  }

  static override updated(model: Post) {
    calls.push(`updated ${model.id}`)
  }

  static override saved(model: Post) {
    calls.push(`saved ${model.id}`)
    if (model.title === 'throw after')
      throw new Error('saved refused')
  }

  static override deleting(model: Post) {
    calls.push(`deleting ${model.id}`)
    if (model.title === 'keep')
      return false
    if (model.title === 'throw before delete')
      throw new Error('deleting refused')
  }

  static override deleted(model: Post) {
    calls.push(`deleted ${model.id}`)
    if (model.title === 'throw on delete')
      throw new Error('deleted refused')
  }

  static override retrieved(model: Post) {
    calls.push(`retrieved ${model.id}`)
  }
}

class Comment extends Model {
  static override entity = 'comments'

  static override fields() {
    return { id: this.attr(null), postId: this.attr(null), body: this.string('') }
  }
}

function setup(): Pinia {
  calls.length = 0
  return createPinia()
}

function state(pinia: Pinia) {
  return JSON.parse(JSON.stringify(pinia.state.value))
}

describe('which hooks a model declares', () => {
  it('none for a model that declares none (Model\'s own are no-ops), and only its own otherwise', () => {
    class Plain extends Model {
      static override entity = 'plain_hooks'
    }
    class Saving extends Plain {
      static override saving() {}
    }
    expect(_buildHooks(Plain)).toBeUndefined()
    expect(Object.keys(_buildHooks(Saving)!)).toEqual(['saving'])
  })
})

describe('lifecycle hooks', () => {
  it('runs saving, creating, saved and created, in that order, for a new record, as pinia-orm\'s save() does', () => {
    const pinia = setup()
    useRepo(Post, pinia).save({ id: 1, title: 'Hello' })
    expect(calls).toEqual(['saving 1', 'creating 1', 'saved 1', 'created 1'])
  })

  it('runs updating and updated instead for a record already stored', () => {
    const pinia = setup()
    useRepo(Post, pinia).save({ id: 1, title: 'Hello' })
    calls.length = 0
    useRepo(Post, pinia).save({ id: 1, title: 'Hello again' })
    expect(calls).toEqual(['saving 1', 'updating 1', 'saved 1', 'updated 1'])
  })

  it('saves what creating changes on the model, and gives it the record being saved', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'a' }, { id: 2, title: 'draft' }])
    expect(pinia.state.value.posts!.data).toEqual({
      1: { id: 1, title: 'a', published: true },
      2: { id: 2, title: 'draft', published: false },
    })
  })

  it('gives the record given twice in one save as both copies merged, the later winning, as pinia-orm does', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'a' }, { id: 1, title: 'draft' }, { id: 2, title: 'draft' }, { id: 2, title: 'b' }])
    // Record 1's creating sees title 'draft' (the later copy); record 2's sees 'b'.
    expect(pinia.state.value.posts!.data).toEqual({
      1: { id: 1, title: 'draft', published: false },
      2: { id: 2, title: 'b', published: true },
    })
  })

  it('skips a record whose saving hook returns false and writes the rest of the batch; creating still runs for it, as in pinia-orm', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'skip' }, { id: 2, title: 'kept' }])
    expect(Object.keys(pinia.state.value.posts!.data)).toEqual(['2'])
    expect(calls).toEqual(['saving 1', 'creating 1', 'saving 2', 'creating 2', 'saved 2', 'created 2'])
  })

  it('leaves a stored record unchanged when updating returns false', () => {
    const pinia = setup()
    useRepo(Post, pinia).save({ id: 1, title: 'first' })
    useRepo(Post, pinia).save({ id: 1, title: 'locked' })
    expect(pinia.state.value.posts!.data['1']).toEqual({ id: 1, title: 'first', published: true })
  })

  it('a saving hook that throws fails the whole save and leaves every store as it was', () => {
    const pinia = setup()
    useRepo(Post, pinia).save({ id: 1, title: 'first', comments: [{ id: 10, body: 'c' }] })
    const before = state(pinia)
    expect(() => useRepo(Post, pinia).save([
      { id: 1, title: 'changed', comments: [{ id: 11, body: 'new' }] },
      { id: 2, title: 'throw' },
    ])).toThrow('saving refused')
    expect(state(pinia)).toEqual(before)
  })

  it('a saved hook that throws fails the save and puts every store back as it was', () => {
    const pinia = setup()
    useRepo(Post, pinia).save({ id: 1, title: 'first', comments: [{ id: 10, body: 'c' }] })
    const before = state(pinia)
    expect(() => useRepo(Post, pinia).save([
      { id: 1, title: 'changed', comments: [{ id: 11, body: 'new' }] },
      { id: 2, title: 'throw after' },
    ])).toThrow('saved refused')
    expect(state(pinia)).toEqual(before)
    expect(useRepo(Post, pinia).with('comments').find(1)!.title).toBe('first')
  })

  it('runs updating hooks for update() and keeps what they change', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'a' }, { id: 2, title: 'b' }])
    calls.length = 0
    useRepo(Post, pinia).where('id', 1).update({ title: 'locked' })
    useRepo(Post, pinia).where('id', 2).update({ title: 'c' })
    expect(pinia.state.value.posts!.data).toEqual({ 1: { id: 1, title: 'a', published: true }, 2: { id: 2, title: 'c', published: true } })
    // A query's update runs updating first (pinia-orm's runs updating and updated only).
    expect(calls).toEqual(['updating 1', 'saving 1', 'updating 2', 'saving 2', 'updated 2', 'saved 2'])
  })

  it('gives update()\'s hooks the values given as their record, and returns a refused record as it is stored', () => {
    const records: unknown[] = []
    class Note extends Model {
      static override entity = 'hookedNotes'
      static override fields() {
        return { id: this.attr(null), title: this.string(''), locked: this.boolean(false) }
      }

      static override updating(model: Model, record?: Record<string, unknown>) {
        records.push(record)
        if ((model as unknown as { locked: boolean }).locked)
          return false
      }
    }
    const pinia = createPinia()
    useRepo(Note, pinia).save([{ id: 1, title: 'a', locked: true }, { id: 2, title: 'b' }])
    records.length = 0
    const updated = useRepo(Note, pinia).whereIn('id', [1, 2]).update({ title: 'z' })
    expect(records).toEqual([{ title: 'z' }, { title: 'z' }])
    expect(updated.map(note => note.$toJson())).toEqual([{ id: 1, title: 'a', locked: true }, { id: 2, title: 'z', locked: false }])
  })

  it('runs creating for every record of fresh() and skips those it refuses', () => {
    const pinia = setup()
    useRepo(Post, pinia).save({ id: 9, title: 'old' })
    useRepo(Post, pinia).fresh([{ id: 1, title: 'skip' }, { id: 2, title: 'new' }])
    expect(pinia.state.value.posts!.data).toEqual({ 2: { id: 2, title: 'new', published: true } })
  })

  it('runs deleting before and deleted after destroy(); deleting returning false keeps the record', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'keep' }, { id: 2, title: 'go' }])
    calls.length = 0
    const deleted = useRepo(Post, pinia).destroy([1, 2])
    expect(deleted.map(post => post.id)).toEqual([2])
    expect(Object.keys(pinia.state.value.posts!.data)).toEqual(['1'])
    expect(calls).toEqual(['deleting 1', 'deleting 2', 'deleted 2'])
  })

  it('runs the delete hooks for a query delete(), and a deleted hook that throws restores the records', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'throw on delete' }, { id: 2, title: 'go' }])
    const before = state(pinia)
    expect(() => useRepo(Post, pinia).where('id', [1, 2]).delete()).toThrow('deleted refused')
    expect(state(pinia)).toEqual(before)
  })

  it('a deleting hook that throws deletes nothing, not even the records before it', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'go' }, { id: 2, title: 'throw before delete' }])
    const before = state(pinia)
    expect(() => useRepo(Post, pinia).destroy([1, 2])).toThrow('deleting refused')
    expect(state(pinia)).toEqual(before)
  })

  it('runs retrieved for each record a query reads', () => {
    const pinia = setup()
    useRepo(Post, pinia).save([{ id: 1, title: 'a' }, { id: 2, title: 'b' }])
    calls.length = 0
    useRepo(Post, pinia).all()
    useRepo(Post, pinia).find(2)
    expect(calls).toEqual(['retrieved 1', 'retrieved 2', 'retrieved 2'])
  })
})

// Hooks are the app's code and may write themselves (an audit log, a counter): what they wrote is
// undone with the rest when a hook of the same call throws, as docs/model-features.md says.
describe('writes a hook makes itself', () => {
  let audited: Pinia
  class Entry extends Model {
    static override entity = 'auditEntries'
    static override fields() {
      return { id: this.attr(null), text: this.string('') }
    }
  }
  class Audited extends Model {
    static override entity = 'audited'
    static override fields() {
      return { id: this.attr(null), name: this.string('') }
    }

    declare id: number | string

    static override creating(model: Audited) {
      useRepo(Entry, audited).save({ id: `creating ${model.id}`, text: 'before the write' })
      if (model.id === 'refused')
        throw new Error('creating refused')
    }

    static override saved(model: Audited) {
      useRepo(Entry, audited).save({ id: `saved ${model.id}` })
      if (model.id === 3)
        throw new Error('saved refused')
    }

    static override deleted(model: Audited) {
      useRepo(Entry, audited).save({ id: `deleted ${model.id}` })
      if (model.id === 2)
        throw new Error('deleted refused')
    }
  }

  it('are undone when a later hook of the same save or delete throws, before or after the write', () => {
    audited = createPinia()
    useRepo(Audited, audited).save({ id: 1 })
    useRepo(Audited, audited).save({ id: 2 })
    const before = JSON.stringify(audited.state.value)
    expect(Object.keys(audited.state.value.auditEntries!.data)).toEqual(['creating 1', 'saved 1', 'creating 2', 'saved 2'])

    expect(() => useRepo(Audited, audited).save([{ id: 4 }, { id: 3 }])).toThrow('saved refused')
    expect(JSON.stringify(audited.state.value)).toBe(before)
    expect(() => useRepo(Audited, audited).save([{ id: 5 }, { id: 'refused' }])).toThrow('creating refused')
    expect(JSON.stringify(audited.state.value)).toBe(before)
    expect(() => useRepo(Audited, audited).destroy([1, 2])).toThrow('deleted refused')
    expect(JSON.stringify(audited.state.value)).toBe(before)

    // And kept when nothing throws.
    useRepo(Audited, audited).destroy(1)
    expect(Object.keys(audited.state.value.auditEntries!.data)).toContain('deleted 1')
  })

  it('see the save through a computed or a live query in an after-hook, as before hooks became a transaction', () => {
    const pinia = createPinia()
    const seen: unknown[] = []
    class Watched extends Model {
      static override entity = 'watched'
      static override fields() {
        return { id: this.attr(null), name: this.string('') }
      }

      static override saved() {
        seen.push(name.value, live.value.length)
      }
    }
    const scope = effectScope()
    const { name, live } = scope.run(() => ({
      name: computed(() => useRepo(Watched, pinia).find(1)?.name),
      live: useRepo(Watched, pinia).live(),
    }))!
    expect(name.value).toBeUndefined()
    useRepo(Watched, pinia).save({ id: 1, name: 'new' })
    expect(seen).toEqual(['new', 1])
    scope.stop()
  })

  it('fresh() with hooks replaces the store in one write: readers never see it emptied, also when a hook throws', () => {
    const pinia = createPinia()
    class Renewed extends Model {
      static override entity = 'renewed'
      static override fields() {
        return { id: this.attr(null) }
      }

      declare id: number

      static override saved(model: Renewed) {
        if (model.id === 9)
          throw new Error('saved refused')
      }
    }
    useRepo(Renewed, pinia).save([{ id: 1 }, { id: 2 }, { id: 3 }])
    const counts: number[] = []
    const scope = effectScope()
    scope.run(() => watch(() => useRepo(Renewed, pinia).all().length, count => counts.push(count), { flush: 'sync' }))
    useRepo(Renewed, pinia).fresh([{ id: 4 }, { id: 5 }])
    expect(() => useRepo(Renewed, pinia).fresh([{ id: 6 }, { id: 9 }])).toThrow('saved refused')
    expect(counts).toEqual([2])
    expect(Object.keys(pinia.state.value.renewed!.data)).toEqual(['4', '5'])
    scope.stop()
  })

  it('are undone for a model with before-hooks only, whose records are written without a journal', () => {
    class Checked extends Model {
      static override entity = 'checked'
      static override fields() {
        return { id: this.attr(null) }
      }

      declare id: number

      static override saving(model: Checked) {
        useRepo(Entry, audited).save({ id: `checking ${model.id}` })
        if (model.id === 2)
          throw new Error('saving refused')
      }
    }
    audited = createPinia()
    useRepo(Checked, audited).save({ id: 1 })
    const before = JSON.stringify(audited.state.value)
    expect(() => useRepo(Checked, audited).save([{ id: 3 }, { id: 2 }])).toThrow('saving refused')
    expect(JSON.stringify(audited.state.value)).toBe(before)
    useRepo(Checked, audited).save({ id: 4 })
    expect(Object.keys(audited.state.value.auditEntries!.data)).toEqual(['checking 1', 'checking 4'])
  })
})

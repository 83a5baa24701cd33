// Saving behaviours a pinia-orm 1.10 app relies on, found by checking our core against pinia-orm's
// saving of relations: the pivot data of a morphedByMany.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

describe('the pivot data of a morphedByMany', () => {
  class Article extends Model {
    static override entity = 'articles'
    static override fields() {
      return { id: this.number(0) }
    }
  }

  class Clip extends Model {
    static override entity = 'clips'
    static override fields() {
      return { id: this.number(0) }
    }
  }

  class Labeling extends Model {
    static override entity = 'labelings'
    static override primaryKey = ['labelId', 'labelableId', 'labelableType']
    static override fields() {
      return { labelId: this.attr(null), labelableId: this.attr(null), labelableType: this.string(''), weight: this.attr(null) }
    }
  }

  class Label extends Model {
    static override entity = 'labels'
    static override fields() {
      return {
        id: this.number(0),
        articles: this.morphedByMany(Article, Labeling, 'labelId', 'labelableId', 'labelableType'),
        clips: this.morphedByMany(Clip, Labeling, 'labelId', 'labelableId', 'labelableType'),
      }
    }
  }

  it('is taken from the label record for each of its links, as pinia-orm reads it', () => {
    const pinia = createPinia()
    useRepo(Label, pinia).save({ id: 1, articles: [{ id: 10 }, { id: 11 }], clips: [{ id: 20 }], pivot: { weight: 3 } })
    expect(Object.values(pinia.state.value.labelings!.data)).toEqual([
      { labelId: 1, labelableId: 10, labelableType: 'articles', weight: 3 },
      { labelId: 1, labelableId: 11, labelableType: 'articles', weight: 3 },
      { labelId: 1, labelableId: 20, labelableType: 'clips', weight: 3 },
    ])
    expect(pinia.state.value.labels!.data[1]).toEqual({ id: 1 })
  })

  it('given on a related record too, takes that record\'s values over the label\'s', () => {
    const pinia = createPinia()
    useRepo(Label, pinia).save({ id: 1, clips: [{ id: 20, pivot: { weight: 9 } }, { id: 21 }], pivot: { weight: 3 } })
    expect(useRepo(Labeling, pinia).orderBy('labelableId').get().map(pivot => pivot.weight)).toEqual([9, 3])
  })

  it('throws when the label gives something other than an object, and saves nothing', () => {
    const pinia = createPinia()
    expect(() => useRepo(Label, pinia).save({ id: 1, clips: [{ id: 20 }], pivot: 3 })).toThrow(/Label\.clips: 'pivot' of the Label record holds the extra attributes of its pivot records; save an object there/)
    expect(useRepo(Label, pinia).all()).toEqual([])
  })
})

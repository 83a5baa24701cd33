import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model } from '../../src/runtime/orm'
import { useRepo } from '../../src/runtime/serverRepo'

class Note extends Model {
  static override entity = 'serverNotes'
  static override fields() {
    return { id: this.attr(null), text: this.string('') }
  }
}

describe('the useRepo auto-imported in server routes', () => {
  it('works with the Pinia it is given', () => {
    const pinia = createPinia()
    useRepo(Note, pinia).save({ id: 1, text: 'kept' })
    expect(useRepo(Note, pinia).find(1)!.text).toBe('kept')
  })

  it('refuses to run without one, even with an active Pinia that may be another request\'s', () => {
    const other = createPinia()
    setActivePinia(other)
    try {
      expect(() => useRepo(Note, undefined as never)).toThrowError('[nuxt-pinia-orm] useRepo(Note) in a server route needs the Pinia to use, as its second argument: a server route has no app Pinia, and Pinia\'s active instance may be another request\'s. Make one for the request: useRepo(Note, createPinia()).')
    }
    finally {
      setActivePinia(undefined)
    }
    expect(other.state.value.serverNotes).toBeUndefined()
  })
})

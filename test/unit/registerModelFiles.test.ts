// Issue 3: a model file that fails to load gives a start-up error naming the file.
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, OrmError, useRepo } from '../../src/runtime/orm'
import { registerModelFiles } from '../../src/runtime/modelFiles'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

describe('registerModelFiles', () => {
  it('registers the models of every file with the Pinia, so their stores exist', () => {
    const pinia = createPinia()
    registerModelFiles(pinia, [{ file: 'models/User.ts', exports: { User } }])
    expect(pinia.state.value).toEqual({ users: { data: {} } })
    useRepo(User, pinia).save({ id: 1, name: 'Ada' })
    expect(useRepo(User, pinia).find(1)?.name).toBe('Ada')
  })

  it('names the model and its file when `static fields()` throws, and keeps the error as cause', () => {
    const broken = new Error('phone is not defined')
    class Phone extends Model {
      static override entity = 'phones'
      static override fields(): never {
        throw broken
      }
    }
    const pinia = createPinia()
    let error: unknown
    try {
      registerModelFiles(pinia, [
        { file: 'models/User.ts', exports: { User } },
        { file: 'models/Phone.ts', exports: { Phone } },
      ])
    }
    catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(OrmError)
    expect((error as Error).message).toBe('[nuxt-pinia-orm] Phone (models/Phone.ts) failed to load: phone is not defined')
    expect((error as Error).cause).toBe(broken)
    // Nothing is half-registered: the store of the file before it does not exist either.
    expect(pinia.state.value).toEqual({})
  })

  it('names the file of a model whose `fields()` returns no object', () => {
    class Broken extends Model {
      static override entity = 'broken'
      static override fields() {
        return null as unknown as Record<string, never>
      }
    }
    expect(() => registerModelFiles(createPinia(), [{ file: 'models/nested/Broken.ts', exports: { Broken } }]))
      .toThrowError(/^\[nuxt-pinia-orm\] Broken \(models\/nested\/Broken\.ts\) failed to load: Broken\.fields\(\) must return an object/)
  })

  it('lets an edited class take over its entity with `replace`, keeping the records', () => {
    const pinia = createPinia()
    registerModelFiles(pinia, [{ file: 'models/User.ts', exports: { User } }])
    useRepo(User, pinia).save({ id: 1, name: 'Ada' })
    class EditedUser extends Model {
      static override entity = 'users'
      static override fields() {
        return { id: this.attr(null), name: this.string('') }
      }
    }
    registerModelFiles(pinia, [{ file: 'models/User.ts', exports: { User: EditedUser } }], { replace: true })
    expect(useRepo(EditedUser, pinia).find(1)).toBeInstanceOf(EditedUser)
  })
})

import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { useNuxtApp } from '#imports'
import { Model as ExplicitModel, registerModels, useRepo as useCoreRepo } from 'nuxt-pinia-orm/orm'

// Runs inside the `app` fixture (with its layer), in the browser build of the app.

function appPinia(): Pinia {
  return useNuxtApp().$pinia as Pinia
}

describe('registration at start', () => {
  it('creates the store of every scanned model, the layer\'s included, before any use', () => {
    expect(Object.keys(appPinia().state.value).sort()).toEqual([
      'authors', 'badges', 'blogPosts', 'capitals', 'countries', 'meetups', 'phones', 'profiles', 'readings', 'remarks', 'roleUser', 'roles', 'settings', 'tags', 'teams', 'users', 'videos',
    ])
    expect(appPinia().state.value.users).toEqual({ data: {} })
  })

  it('registers the models of the options file through createORM', () => {
    expect(appPinia().state.value.settings).toEqual({ data: {} })
  })

  it('auto-imports each model under its name: default exports by file name, named exports by name', () => {
    expect([User.entity, Phone.entity, Author.entity, Profile.entity, Team.entity, Badge.entity, Country.entity, Tag.entity])
      .toEqual(['users', 'phones', 'authors', 'profiles', 'teams', 'badges', 'countries', 'tags'])
  })

  it('gives the same classes to auto-imports and to explicit imports of nuxt-pinia-orm/orm', () => {
    expect(Model).toBe(ExplicitModel)
    expect(User.prototype).toBeInstanceOf(ExplicitModel)
  })

  it('lets an edited model class take over its entity and keep the records, as a hot update does', () => {
    const pinia = appPinia()
    useRepo(User).save({ id: 7, name: 'Before' })
    class EditedUser extends Model {
      static override entity = 'users'
      static override fields() {
        return { id: this.attr(null), name: this.string(''), nickname: this.string('none') }
      }
    }
    expect(() => registerModels(pinia, [EditedUser])).toThrowError(/EditedUser/)
    registerModels(pinia, [EditedUser], { replace: true })
    expect(useRepo(EditedUser).find(7)?.$toJson()).toEqual({ id: 7, name: 'Before', nickname: 'none' })
    registerModels(pinia, [User], { replace: true })
    useRepo(User).flush()
  })
})

describe('useRepo', () => {
  it('saves into the Pinia of the Nuxt app without being given it', () => {
    useRepo(User).save({ id: 1, name: 'Ada', phone: { id: 11, number: '555-0101' } })
    expect(appPinia().state.value.users?.data).toEqual({ 1: { id: 1, name: 'Ada' } })
    expect(appPinia().state.value.phones?.data).toEqual({ 11: { id: 11, userId: 1, number: '555-0101' } })
    expect(useRepo(Phone).with('user').find(11)?.user?.name).toBe('Ada')
    useRepo(User).flush()
    useRepo(Phone).flush()
  })

  it('uses the Pinia it is given over the app\'s', async () => {
    const { createPinia } = await import('pinia')
    const other = createPinia()
    registerModels(other, [User, Phone])
    useRepo(User, other).save({ id: 2, name: 'Elsewhere' })
    expect(useRepo(User).find(2)).toBeNull()
    expect(useCoreRepo(User, other).find(2)?.name).toBe('Elsewhere')
  })

  it('returns typed repositories for auto-imported models', () => {
    const user = useRepo(User).make({ id: 3, name: 'Typed' })
    const name: string = user.name
    expect(name).toBe('Typed')
  })
})

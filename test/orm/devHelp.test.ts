// Issue 14: dev-time help. A misspelt relation or field gets a "did you mean"; a save that leaves a
// belongsTo foreign key pointing at no record warns once; neither is in a production bundle.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, registerModels, useRepo } from '../../src/runtime/orm'
import { closestName } from '../../src/runtime/orm/suggest'
import { expectWarning } from './expectWarning'
import { Phone, Post, User } from './models'

function errorOf(run: () => unknown): string {
  try {
    run()
  }
  catch (error) {
    return (error as Error).message
  }
  throw new Error('expected an error')
}

describe('closestName', () => {
  it('finds the name a typo, a swap of two letters, a case slip or a plural was meant to be', () => {
    expect(closestName('phnoe', ['phone', 'posts'])).toBe('phone')
    expect(closestName('nmae', ['id', 'name', 'email'])).toBe('name')
    expect(closestName('userid', ['id', 'userId', 'number'])).toBe('userId')
    expect(closestName('phones', ['phone', 'posts'])).toBe('phone')
    expect(closestName('post', ['phone', 'posts'])).toBe('posts')
  })

  it('suggests nothing when no name is a likely slip', () => {
    expect(closestName('owner', ['phone', 'posts'])).toBeUndefined()
    expect(closestName('i', ['id'])).toBe('id')
    expect(closestName('x', ['id'])).toBeUndefined()
    expect(closestName('xy', ['id'])).toBeUndefined()
    expect(closestName('anything', [])).toBeUndefined()
  })

  it('prefers the closest name, then the one listed first', () => {
    expect(closestName('titel', ['tile', 'title'])).toBe('title')
    expect(closestName('ab', ['ac', 'ad'])).toBe('ac')
  })
})

describe('did you mean, in query errors', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })

  it('with() suggests the closest relation of the model', () => {
    expect(errorOf(() => useRepo(User, pinia).with('phnoe'))).toBe(
      '[nuxt-pinia-orm] with(): User has no relation \'phnoe\'. Did you mean \'phone\'? Its relations are: phone, posts.',
    )
    expect(errorOf(() => useRepo(User, pinia).with('phone.usr'))).toContain('Phone has no relation \'usr\' (in \'phone.usr\'). Did you mean \'user\'?')
  })

  it('where() suggests the closest attribute of the model', () => {
    expect(errorOf(() => useRepo(User, pinia).where('nmae', 'Ann'))).toContain('\'nmae\' is not an attribute of User. Did you mean \'name\'? Its attributes are: id, name, email.')
  })

  it('adds no guess when nothing is close', () => {
    expect(errorOf(() => useRepo(User, pinia).with('comments'))).not.toContain('Did you mean')
    expect(errorOf(() => useRepo(User, pinia).where('createdAt', 1))).not.toContain('Did you mean')
  })
})

describe('a belongsTo foreign key that points at no record, after a save', () => {
  let pinia: Pinia
  // As the Nuxt module does at start: every model is registered, so every owner store is known.
  beforeEach(() => {
    pinia = createPinia()
    registerModels(pinia, [User, Phone, Post])
  })

  it('warns once, naming the model, the relation, the foreign key and its value', () => {
    useRepo(Phone, pinia).save({ id: 10, userId: 7, number: '555' })
    expectWarning(
      '[nuxt-pinia-orm] Phone.user: a saved Phone has userId = 7, but no User record has that id.',
      'Save the User too (nested under \'user\' or with useRepo(User).save()), or set userId to null.',
    )
    // Once per relation: the next dangling key of Phone.user stays quiet.
    useRepo(Phone, pinia).save({ id: 11, userId: 8 })
    expect(useRepo(Phone, pinia).with('user').find(10)!.user).toBeNull()
  })

  it('counts the other records of the same save that point at no record', () => {
    useRepo(Post, pinia).save([{ id: 1, userId: 5 }, { id: 2, userId: 6 }, { id: 3, userId: 6 }])
    expectWarning('Post.author: a saved Post has userId = 5, but no User record has that id (and 2 more saved Post records like it).')
  })

  it('judges the whole save: owners saved in the same call, nested or as parents, are found', () => {
    useRepo(Phone, pinia).save({ id: 10, number: '555', user: { id: 1, name: 'Ann' } })
    useRepo(User, pinia).save({ id: 2, name: 'Bob', posts: [{ id: 20 }], phone: { id: 11 } })
    useRepo(Post, pinia).save({ id: 21, userId: 2 })
  })

  it('stays quiet for a null foreign key and for an owner saved earlier', () => {
    useRepo(User, pinia).save({ id: 1 })
    useRepo(Phone, pinia).save([{ id: 10, userId: 1 }, { id: 11, userId: null }, { id: 12 }])
  })

  it('stays quiet for a record saved back with the key it had, its owner deleted since', () => {
    useRepo(Phone, pinia).save({ id: 10, number: '555', user: { id: 1, name: 'Ann' } })
    useRepo(User, pinia).destroy(1)
    // Read and saved back as it is, or changed elsewhere: the save did not put userId = 1 there.
    useRepo(Phone, pinia).save(useRepo(Phone, pinia).withAll().find(10)!)
    useRepo(Phone, pinia).where('id', 10).update({ number: '556' })
    expect(useRepo(Phone, pinia).find(10)).toMatchObject({ userId: 1, number: '556' })
    // A save that puts a key of no record there still warns, for a record stored before as well.
    useRepo(Phone, pinia).save({ id: 10, userId: 2 })
    expectWarning('Phone.user: a saved Phone has userId = 2, but no User record has that id.')
  })

  it('checks what a query\'s update() writes as a save\'s', () => {
    useRepo(User, pinia).save({ id: 1, phone: { id: 10 } })
    useRepo(Phone, pinia).where('id', 10).update({ number: '556' })
    useRepo(Phone, pinia).where('id', 10).update({ userId: 9 })
    expectWarning('Phone.user: a saved Phone has userId = 9, but no User record has that id.')
  })

  it('stays quiet for an empty string, what a this.string(\'\') foreign key holds for none', () => {
    useRepo(Phone, pinia).save([{ id: 10, userId: '' }, { id: 11, userId: '' }])
    expect(useRepo(Phone, pinia).with('user').find(10)!.user).toBeNull()
  })

  it('looks the owner up by a custom owner key', () => {
    class Team extends Model {
      static override entity = 'teams'
      static override fields() {
        return { id: this.attr(null), code: this.string('') }
      }
    }
    class Badge extends Model {
      static override entity = 'badges'
      static override fields() {
        return { id: this.attr(null), teamCode: this.attr(null), team: this.belongsTo(Team, 'teamCode', 'code') }
      }
    }
    useRepo(Team, pinia).save({ id: 1, code: 'red' })
    useRepo(Badge, pinia).save({ id: 1, teamCode: 'red' })
    useRepo(Badge, pinia).save({ id: 2, teamCode: 'blue' })
    expectWarning('Badge.team: a saved Badge has teamCode = "blue", but no Team record has that code.')
  })

  it('warns again for another Pinia, which stands for another request or app', () => {
    useRepo(Phone, pinia).save({ id: 10, userId: 7 })
    expectWarning('Phone.user')
    const other = createPinia()
    registerModels(other, [User, Phone])
    useRepo(Phone, other).save({ id: 10, userId: 7 })
    expectWarning('Phone.user')
  })

  it('leaves a relation to a model not registered with this Pinia alone, and registers nothing', () => {
    const other = createPinia()
    useRepo(Phone, other).save({ id: 10, userId: 7 })
    useRepo(Post, other).save({ id: 1, userId: 5 })
    expect(Object.keys(other.state.value)).toEqual(['phones', 'posts'])
  })
})

describe('a production bundle of the core', () => {
  const entry = fileURLToPath(new URL('../../src/runtime/orm/index.ts', import.meta.url))
  const bundle = async (mode: string) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      minifySyntax: true,
      external: ['pinia', 'vue'],
      define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
      logLevel: 'silent',
    })
    return result.outputFiles[0]!.text
  }

  it('holds none of the dev-time help, which a development bundle has', async () => {
    const [production, development] = await Promise.all([bundle('production'), bundle('development')])
    for (const devOnly of ['Did you mean', 'closestName', 'Warned once per relation', 'warnDanglingForeignKeys', 'storedBeforeSave']) {
      expect(development).toContain(devOnly)
      expect(production).not.toContain(devOnly)
    }
  }, 30_000)
})

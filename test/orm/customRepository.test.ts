// Custom repositories as pinia-orm documents them: a class extending Repository with `use`.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Repository, useRepo } from '../../src/runtime/orm'
import { Phone, Post, User } from './models'

class UserRepository extends Repository<typeof User> {
  override use = User

  named(name: string) {
    return this.where('name', name)
  }

  postsOf(id: number) {
    return this.repo(Post).where('userId', id).get()
  }

  // pinia-orm's protected `model`: an instance of the model the repository serves.
  entityName() {
    return this.model.$entity()
  }
}

class NoModelRepository extends Repository {
  active() {
    return this.where('active', true)
  }
}

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, name: 'Ann', posts: [{ id: 10, title: 'a' }] }, { id: 2, name: 'Bob' }])
})

class CountingRepository extends Repository<typeof User> {
  override use = User
  // pinia-orm's `model` is a writable protected property: a subclass may set its own.
  protected override model = new User({ name: 'template' })

  templateName() {
    return this.model.$getAttributes().name
  }

  swap() {
    this.model = new User({ name: 'swapped' })
    return this.model.$getAttributes().name
  }
}

describe('custom repositories', () => {
  it('may set this.model, a writable member as in pinia-orm', () => {
    const repo = useRepo(CountingRepository, pinia)
    expect(repo.templateName()).toBe('template')
    expect(repo.swap()).toBe('swapped')
    expect(useRepo(UserRepository, pinia).entityName()).toBe('users')
  })

  it('useRepo(UserRepository) gives an instance with its own methods and every built-in one', () => {
    const users = useRepo(UserRepository, pinia)
    expect(users).toBeInstanceOf(UserRepository)
    expect(users.named('Bob').first()?.id).toBe(2)
    expect(users.find(1)?.name).toBe('Ann')
    expect(users.count()).toBe(2)
    expect(users.entityName()).toBe('users')
    users.save({ id: 3, name: 'Cid' })
    expect(useRepo(User, pinia).find(3)?.name).toBe('Cid')
  })

  it('reads the records of the Pinia it is bound to', () => {
    const other = createPinia()
    useRepo(User, other).save({ id: 9, name: 'Zed' })
    expect(useRepo(UserRepository, other).all().map(user => user.id)).toEqual([9])
    expect(useRepo(UserRepository, pinia).all().map(user => user.id)).toEqual([1, 2])
  })

  it('repo(OtherModel) inside a repository reaches another model in the same Pinia', () => {
    expect(useRepo(UserRepository, pinia).postsOf(1).map(post => post.title)).toEqual(['a'])
    expect(useRepo(UserRepository, pinia).repo(Phone).count()).toBe(0)
  })

  it('a custom repository without `use` is an error that says to set it', () => {
    expect(() => useRepo(NoModelRepository, pinia)).toThrow(/NoModelRepository has no model: set `use` to the model class it serves/)
  })

  it('useRepo of something that is neither a model nor a repository names what it got', () => {
    expect(() => useRepo(function Foo() {} as never, pinia)).toThrow(/takes a model class .* or a repository class .*, not the function Foo/)
    expect(() => useRepo(undefined as never, pinia)).toThrow(/not undefined\. Check the import/)
  })
})

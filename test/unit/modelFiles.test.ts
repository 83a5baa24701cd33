import { describe, expect, it } from 'vitest'
import { Model } from '../../src/runtime/orm'
import { collectModels } from '../../src/runtime/modelFiles'

class User extends Model {
  static override entity = 'users'
}

class Phone extends Model {
  static override entity = 'phones'
}

describe('collectModels', () => {
  it('keeps the model classes of every file, in file order, each once', () => {
    expect(collectModels([
      { file: 'models/User.ts', exports: { User } },
      { file: 'models/index.ts', exports: { User, Phone } },
    ])).toEqual([User, Phone])
  })

  it('leaves out exports that are not models with an entity', () => {
    abstract class BaseModel extends Model {}
    class Plain {
      entity = 'plain'
    }
    expect(collectModels([
      { file: 'models/shared.ts', exports: { BaseModel, colours: ['red'], helper: () => 1, Plain } },
    ])).toEqual([])
  })

  it('throws before registering anything when two classes claim one entity, naming both files', () => {
    // An entity computed at run time escapes the build-time scan; start-up still catches it.
    const entity = ['us', 'ers'].join('')
    class Account extends Model {
      static override entity = entity
    }
    expect(() => collectModels([
      { file: 'models/User.ts', exports: { User } },
      { file: 'models/Account.ts', exports: { Account } },
    ])).toThrowError('[nuxt-pinia-orm] User (models/User.ts) and Account (models/Account.ts) both declare `static entity = \'users\'`. Give each model its own entity.')
  })

  it('takes two classes of one entity in different namespaces, and throws for two in the same one', () => {
    class AdminUser extends Model {
      static override entity = 'users'
      static override namespace = 'admin'
    }
    class StaffUser extends Model {
      static override entity = 'users'
      static override namespace = 'admin'
    }
    expect(collectModels([
      { file: 'models/User.ts', exports: { User } },
      { file: 'models/AdminUser.ts', exports: { AdminUser } },
    ])).toEqual([User, AdminUser])
    expect(() => collectModels([
      { file: 'models/AdminUser.ts', exports: { AdminUser } },
      { file: 'models/StaffUser.ts', exports: { StaffUser } },
    ])).toThrowError('[nuxt-pinia-orm] AdminUser (models/AdminUser.ts) and StaffUser (models/StaffUser.ts) both declare `static entity = \'users\'` in the namespace \'admin\'. Give each model its own entity.')
  })
})

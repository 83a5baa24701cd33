// Every code sample of pinia-orm's "One To One" documentation, as written there.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
})

describe('User hasOne Phone by userId', () => {
  class User extends Model {
    static override entity = 'users'

    static override fields() {
      return {
        id: this.attr(null),
        name: this.string(''),
        phone: this.hasOne(Phone, 'userId'),
      }
    }
  }

  class Phone extends Model {
    static override entity = 'phones'

    static override fields() {
      return {
        id: this.attr(null),
        userId: this.attr(null),
        number: this.string(''),
      }
    }
  }

  it('splits a user with its phone into both stores and fills the phone\'s userId', () => {
    useRepo(User, pinia).save({ id: 1, name: 'John Doe', phone: { id: 1, number: '123-4567-8912' } })

    expect(pinia.state.value).toEqual({
      users: { data: { 1: { id: 1, name: 'John Doe' } } },
      phones: { data: { 1: { id: 1, userId: 1, number: '123-4567-8912' } } },
    })
  })

  it('loads the phone of a user with with(\'phone\')', () => {
    useRepo(User, pinia).save([
      { id: 1, name: 'John Doe', phone: { id: 1, number: '111' } },
      { id: 2, name: 'Jane Doe', phone: { id: 2, number: '222' } },
    ])

    const user = useRepo(User, pinia).with('phone').find(2)

    expect(user).toBeInstanceOf(User)
    expect(user!.phone).toBeInstanceOf(Phone)
    expect(user!.$toJson()).toEqual({ id: 2, name: 'Jane Doe', phone: { id: 2, userId: 2, number: '222' } })
  })

  it('loads a missing phone as null', () => {
    useRepo(User, pinia).save({ id: 1, name: 'John Doe' })

    expect(useRepo(User, pinia).with('phone').find(1)!.phone).toBeNull()
  })
})

describe('hasOne with a custom local key', () => {
  class User extends Model {
    static override entity = 'users'

    static override fields() {
      return {
        id: this.attr(null),
        localId: this.attr(null),
        name: this.string(''),
        phone: this.hasOne(Phone, 'userId', 'localId'),
      }
    }
  }

  class Phone extends Model {
    static override entity = 'phones'

    static override fields() {
      return {
        id: this.attr(null),
        userId: this.attr(null),
        number: this.string(''),
      }
    }
  }

  it('fills the phone\'s userId from the user\'s localId, not its id', () => {
    useRepo(User, pinia).save({ id: 1, localId: 'local-7', name: 'John Doe', phone: { id: 3, number: '123' } })

    expect(pinia.state.value).toEqual({
      users: { data: { 1: { id: 1, localId: 'local-7', name: 'John Doe' } } },
      phones: { data: { 3: { id: 3, userId: 'local-7', number: '123' } } },
    })
  })

  it('matches the phone by localId when loading', () => {
    useRepo(User, pinia).save({ id: 1, localId: 'local-7', name: 'John Doe' })
    // A phone pointing at the id (1) must not match: the link is by localId.
    useRepo(Phone, pinia).save([{ id: 3, userId: 'local-7', number: '123' }, { id: 4, userId: 1, number: '456' }])

    expect(useRepo(User, pinia).with('phone').find(1)!.$toJson()).toEqual({
      id: 1,
      localId: 'local-7',
      name: 'John Doe',
      phone: { id: 3, userId: 'local-7', number: '123' },
    })
  })
})

describe('Phone belongsTo User by userId', () => {
  class User extends Model {
    static override entity = 'users'

    static override fields() {
      return {
        id: this.attr(null),
        name: this.string(''),
        phone: this.hasOne(Phone, 'userId'),
      }
    }
  }

  class Phone extends Model {
    static override entity = 'phones'

    static override fields() {
      return {
        id: this.attr(null),
        userId: this.attr(null),
        number: this.string(''),
        user: this.belongsTo(User, 'userId'),
      }
    }
  }

  it('splits a phone with its user into both stores and fills the phone\'s userId', () => {
    useRepo(Phone, pinia).save({ id: 1, number: '123', user: { id: 5, name: 'John Doe' } })

    expect(pinia.state.value).toEqual({
      phones: { data: { 1: { id: 1, userId: 5, number: '123' } } },
      users: { data: { 5: { id: 5, name: 'John Doe' } } },
    })
  })

  it('loads the user of a phone with with(\'user\')', () => {
    useRepo(Phone, pinia).save({ id: 1, number: '123', user: { id: 5, name: 'John Doe' } })

    const phone = useRepo(Phone, pinia).with('user').first()

    expect(phone!.user).toBeInstanceOf(User)
    expect(phone!.$toJson()).toEqual({ id: 1, userId: 5, number: '123', user: { id: 5, name: 'John Doe' } })
  })

  it('loads a phone without a user as null', () => {
    useRepo(Phone, pinia).save([{ id: 1, number: '123' }, { id: 2, userId: 99, number: '456' }])

    expect(useRepo(Phone, pinia).with('user').get().map(phone => phone.user)).toEqual([null, null])
  })
})

describe('belongsTo with a custom owner key', () => {
  class User extends Model {
    static override entity = 'users'

    static override fields() {
      return {
        id: this.attr(null),
        otherKey: this.attr(null),
        name: this.string(''),
      }
    }
  }

  // As in the documentation: the phone declares no userId attribute; the relation keeps it.
  class Phone extends Model {
    static override entity = 'phones'

    static override fields() {
      return {
        id: this.attr(null),
        number: this.string(''),
        user: this.belongsTo(User, 'userId', 'otherKey'),
      }
    }
  }

  it('fills the phone\'s userId from the user\'s otherKey', () => {
    useRepo(Phone, pinia).save({ id: 1, number: '123', user: { id: 5, otherKey: 'k-5', name: 'John Doe' } })

    expect(pinia.state.value).toEqual({
      phones: { data: { 1: { id: 1, number: '123', userId: 'k-5' } } },
      users: { data: { 5: { id: 5, otherKey: 'k-5', name: 'John Doe' } } },
    })
  })

  it('matches the user by otherKey when loading', () => {
    useRepo(User, pinia).save([{ id: 5, otherKey: 'k-5', name: 'John' }, { id: 6, otherKey: 5, name: 'Not John' }])
    useRepo(Phone, pinia).save({ id: 1, number: '123', userId: 'k-5' })

    expect(useRepo(Phone, pinia).with('user').find(1)!.user!.$toJson()).toEqual({ id: 5, otherKey: 'k-5', name: 'John' })
  })
})

describe('a parent with a custom primary key', () => {
  class User extends Model {
    static override entity = 'users'

    static override primaryKey = 'userId'

    static override fields() {
      return {
        userId: this.attr(null),
        name: this.string(''),
        phone: this.hasOne(Phone, 'ownerId'),
      }
    }
  }

  class Phone extends Model {
    static override entity = 'phones'

    static override fields() {
      return {
        id: this.attr(null),
        ownerId: this.attr(null),
        number: this.string(''),
        owner: this.belongsTo(User, 'ownerId'),
      }
    }
  }

  it('keys the store by the custom key and links the phone by it', () => {
    useRepo(User, pinia).save({ userId: 'u1', name: 'John Doe', phone: { id: 1, number: '123' } })

    expect(pinia.state.value).toEqual({
      users: { data: { u1: { userId: 'u1', name: 'John Doe' } } },
      phones: { data: { 1: { id: 1, ownerId: 'u1', number: '123' } } },
    })
    expect(useRepo(User, pinia).with('phone').find('u1')!.phone!.number).toBe('123')
    expect(useRepo(Phone, pinia).with('owner').find(1)!.owner!.$toJson()).toEqual({ userId: 'u1', name: 'John Doe' })
  })
})

// .onDelete('cascade' | 'set null'), applied by destroy, delete and flush through every level.
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { expectWarning } from './expectWarning'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      posts: this.hasMany(() => Post, 'userId').onDelete('cascade'),
      phone: this.hasOne(() => Phone, 'userId').onDelete('set null'),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId').onDelete('cascade'),
    }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      comments: this.morphMany(() => Comment, 'commentableId', 'commentableType').onDelete('cascade'),
      author: this.belongsTo(User, 'userId'),
    }
  }
}

class Comment extends Model {
  static override entity = 'comments'
  static override fields() {
    return { id: this.attr(null), commentableId: this.attr(null), commentableType: this.attr(null) }
  }
}

class Phone extends Model {
  static override entity = 'phones'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null) }
  }
}

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return { id: this.attr(null) }
  }
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey = ['roleId', 'userId']
  static override fields() {
    return { roleId: this.attr(null), userId: this.attr(null) }
  }
}

const data = (pinia: Pinia, entity: string) => pinia.state.value[entity]?.data as Record<string, Record<string, unknown>>

describe('delete rules', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(User, pinia).save([
      { id: 1, posts: [{ id: 10, comments: [{ id: 100 }, { id: 101 }] }], phone: { id: 5 }, roles: [{ id: 1 }, { id: 2 }] },
      { id: 2, posts: [{ id: 20, comments: [{ id: 200 }] }], roles: [{ id: 1 }] },
    ])
  })

  it('destroy cascades through every level and sets null where the relation says so', () => {
    useRepo(User, pinia).destroy(1)

    expect(Object.keys(data(pinia, 'users'))).toEqual(['2'])
    expect(Object.keys(data(pinia, 'posts'))).toEqual(['20'])
    expect(Object.keys(data(pinia, 'comments'))).toEqual(['200'])
    expect(data(pinia, 'phones')[5]).toEqual({ id: 5, userId: null })
    expect(Object.keys(data(pinia, 'roleUser'))).toEqual(['[1,2]'])
    expect(Object.keys(data(pinia, 'roles'))).toEqual(['1', '2'])
  })

  it('delete() of a query applies the rules to every deleted record', () => {
    useRepo(User, pinia).where('id', [1, 2]).delete()

    expect(data(pinia, 'posts')).toEqual({})
    expect(data(pinia, 'comments')).toEqual({})
    expect(data(pinia, 'roleUser')).toEqual({})
  })

  it('flush() applies the rules too', () => {
    useRepo(User, pinia).flush()

    expect(data(pinia, 'users')).toEqual({})
    expect(data(pinia, 'comments')).toEqual({})
  })

  it('writes each store once', () => {
    const writes: string[] = []
    for (const entity of ['users', 'posts', 'comments', 'phones', 'roleUser'])
      pinia._s.get(entity)!.$subscribe(() => writes.push(entity), { flush: 'sync' })

    useRepo(User, pinia).destroy([1, 2])

    expect(writes.sort()).toEqual(['comments', 'phones', 'posts', 'roleUser', 'users'])
  })
})

describe('\'set null\' through a pivot relation', () => {
  class Member extends Model {
    static override entity = 'members'
    static override fields() {
      return { id: this.attr(null), roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId').onDelete('set null') }
    }
  }

  it('deletes the pivots as a cascade does, keeping the related records: a pivot without its key would link nothing', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save([{ id: 1, roles: [{ id: 1 }, { id: 2 }] }, { id: 2, roles: [{ id: 2 }] }])
    useRepo(Member, pinia).destroy(1)

    expect(data(pinia, 'roleUser')).toEqual({ '[2,2]': { roleId: 2, userId: 2 } })
    expect(Object.keys(data(pinia, 'roles'))).toEqual(['1', '2'])
  })
})

class Left extends Model {
  static override entity = 'lefts'
  static override fields() {
    return { id: this.attr(null), rightId: this.attr(null), right: this.belongsTo(() => Right, 'rightId').onDelete('cascade') }
  }
}

class Right extends Model {
  static override entity = 'rights'
  static override fields() {
    return { id: this.attr(null), left: this.hasOne(Left, 'rightId').onDelete('cascade') }
  }
}

describe('a cycle of cascades', () => {
  it('ends, deleting each record once', () => {
    const pinia = createPinia()
    useRepo(Left, pinia).save({ id: 1, right: { id: 1 } })

    expect(useRepo(Left, pinia).destroy(1)!.id).toBe(1)
    expect(data(pinia, 'lefts')).toEqual({})
    expect(data(pinia, 'rights')).toEqual({})
  })
})

describe('unlinking by saving', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })

  it('sets a belongsTo foreign key to null when null is saved', () => {
    useRepo(Post, pinia).save({ id: 1, author: { id: 1 } })

    useRepo(Post, pinia).save({ id: 1, author: null })

    expect(data(pinia, 'posts')[1]!.userId).toBeNull()
  })

  it('keeps a foreign key the record gives itself, or its parent gives it, with null under the belongsTo', () => {
    useRepo(Post, pinia).save({ id: 1, userId: 7 })
    // A record read back with its relations (its owner not in the store loads as null), saved as it is.
    const post = useRepo(Post, pinia).withAll().find(1)!
    expect(post.author).toBeNull()
    useRepo(Post, pinia).save(post)
    // Kept, and not reported as a dangling key: the save did not put it there.
    expect(data(pinia, 'posts')[1]!.userId).toBe(7)

    useRepo(Post, pinia).save({ id: 2, userId: 1, author: null })
    // A new record's key is: no User 1 is stored.
    expectWarning('Post.author: a saved Post has userId = 1, but no User record has that id.')
    useRepo(User, pinia).save({ id: 3, posts: [{ id: 3, author: null }] })
    expect(data(pinia, 'posts')[2]!.userId).toBe(1)
    expect(data(pinia, 'posts')[3]!.userId).toBe(3)

    // Setting the key to null unlinks, with the relation or without.
    useRepo(Post, pinia).save({ ...post.$getAttributes(), userId: null, author: null })
    expect(data(pinia, 'posts')[1]!.userId).toBeNull()
  })

  it('keeps the part of a composite foreign key, or the morph type, the record gives, with null under the relation', () => {
    class Team extends Model {
      static override entity = 'nullTeams'
      static override primaryKey = ['orgId', 'code']
      static override fields() {
        return { orgId: this.attr(null), code: this.attr(null) }
      }
    }
    class Player extends Model {
      static override entity = 'nullPlayers'
      static override fields() {
        return {
          id: this.attr(null),
          orgId: this.attr(null),
          teamCode: this.attr(null),
          team: this.belongsTo(Team, ['orgId', 'teamCode'], ['orgId', 'code']),
          notableId: this.attr(null),
          notableType: this.attr(null),
          notable: this.morphTo([Team], 'notableId', 'notableType'),
        }
      }
    }
    useRepo(Player, pinia).save({ id: 1, team: { orgId: 3, code: 'a' } })
    // As pinia-orm 1.10.2 stores it: only the fields the record leaves out become null.
    useRepo(Player, pinia).save({ id: 1, orgId: 3, team: null, notableType: 'nullTeams', notable: null })
    expect(data(pinia, 'nullPlayers')[1]).toEqual({ id: 1, orgId: 3, teamCode: null, notableId: null, notableType: 'nullTeams' })
  })

  it('detaches a hasOne record when null is saved, its key set to null', () => {
    useRepo(User, pinia).save({ id: 1, phone: { id: 5 } })

    useRepo(User, pinia).save({ id: 1, phone: null })

    expect(data(pinia, 'phones')[5]).toEqual({ id: 5, userId: null })
  })

  // An API that sends `posts: null` for "none loaded": pinia-orm leaves the relation as it is.
  it('leaves a list relation as it is when null is saved under it: [] is what unlinks', () => {
    useRepo(User, pinia).save({ id: 1, posts: [{ id: 10, comments: [{ id: 100 }] }], roles: [{ id: 7 }] })
    const before = JSON.stringify(pinia.state.value)

    const saved = useRepo(User, pinia).save({ id: 1, posts: null, roles: null })
    useRepo(Post, pinia).save({ id: 10, comments: null })

    expect(JSON.stringify(pinia.state.value)).toBe(before)
    // As pinia-orm's result, it has no such field: saved back, it unlinks nothing either.
    expect(saved.posts).toBeUndefined()
    useRepo(User, pinia).save(saved)
    expect(JSON.stringify(pinia.state.value)).toBe(before)
    expect(useRepo(User, pinia).with('posts.comments').with('roles').find(1)!.$toJson()).toMatchObject({ posts: [{ id: 10, comments: [{ id: 100 }] }], roles: [{ id: 7 }] })
  })

  it('deletes the detached records when the relation cascades', () => {
    useRepo(User, pinia).save({ id: 1, posts: [{ id: 10, comments: [{ id: 100 }] }] })

    useRepo(User, pinia).save({ id: 1, posts: [] })

    expect(data(pinia, 'posts')).toEqual({})
    expect(data(pinia, 'comments')).toEqual({})
  })

  it('writes nothing when the same save fails', () => {
    useRepo(User, pinia).save({ id: 1, posts: [{ id: 10 }] })

    expect(() => useRepo(User, pinia).save([{ id: 1, posts: [] }, { posts: [] }])).toThrow(/primary key/)
    expect(Object.keys(data(pinia, 'posts'))).toEqual(['10'])
  })
})

// A one-to-one sharing the primary key (the profile's id is its user's id): its foreign key cannot
// become null, or the store would keep the record under a key it no longer holds.
describe('a relation whose foreign key is (part of) the related model\'s primary key', () => {
  class Profile extends Model {
    static override entity = 'profiles'
    static override fields() {
      return { id: this.attr(null), bio: this.string('') }
    }
  }
  class Member extends Model {
    static override entity = 'members'
    static override fields() {
      return { id: this.attr(null), name: this.string(''), profile: this.hasOne(Profile, 'id') }
    }
  }

  it('stays linked when null is saved under it (pinia-orm unlinks nothing), warning in dev, unless it cascades', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save({ id: 1, profile: { bio: 'hello' } })
    useRepo(Member, pinia).save({ id: 1, name: 'Ann', profile: null })
    expect(pinia.state.value).toEqual({ members: { data: { 1: { id: 1, name: 'Ann' } } }, profiles: { data: { 1: { id: 1, bio: 'hello' } } } })
    expectWarning('[nuxt-pinia-orm] Saving null under Member.profile unlinks Profile 1, which would set \'id\' of the linked Profile records to null, but \'id\' is part of Profile\'s primary key: a record cannot lose its key. It stays linked, as in pinia-orm. Declare Member.profile with onDelete(\'cascade\') to delete such records when unlinked, or delete them through useRepo(Profile). (Warned once per relation, in dev only.)')

    class Cascading extends Model {
      static override entity = 'cascading'
      static override fields() {
        return { id: this.attr(null), profile: this.hasOne(Profile, 'id').onDelete('cascade') }
      }
    }
    useRepo(Cascading, pinia).save({ id: 1, profile: null })
    expect(data(pinia, 'profiles')).toEqual({})
  })

  it('refuses a nested save that would change the record\'s own key through its belongsTo', () => {
    class Card extends Model {
      static override entity = 'cards'
      static override primaryKey = 'memberId'
      static override fields() {
        return { memberId: this.attr(null), bio: this.string(''), member: this.belongsTo(Member, 'memberId') }
      }
    }
    const pinia = createPinia()
    // Stored under '2', it would have held memberId 1.
    expect(() => useRepo(Card, pinia).save({ memberId: 2, bio: 'x', member: { id: 1 } })).toThrow('[nuxt-pinia-orm] cards: Linking Member 1 under Card.member would change Card\'s primary key \'memberId\' from 2 to 1: a save cannot change a record\'s key.')
    expect(data(pinia, 'cards')).toEqual({})
    expect(data(pinia, 'members')).toEqual({})
    // The same key, given as a number or a string, is no change; null under the relation leaves
    // the key the record gives.
    useRepo(Card, pinia).save([{ memberId: 1, member: { id: 1 } }, { memberId: '3', member: { id: 3 } }, { memberId: 4, member: null }])
    expect(data(pinia, 'cards')).toEqual({ 1: { memberId: 1, bio: '' }, 3: { memberId: 3, bio: '' }, 4: { memberId: 4, bio: '' } })
    expectWarning('Card.member: a saved Card has memberId = 4, but no Member record has that id.')
  })

  it('refuses onDelete(\'set null\') at its first use, naming the relation', () => {
    class Nulling extends Model {
      static override entity = 'nulling'
      static override fields() {
        return { id: this.attr(null), profile: this.hasOne(Profile, 'id').onDelete('set null') }
      }
    }
    const pinia = createPinia()
    expect(() => useRepo(Nulling, pinia).save({ id: 1, profile: { bio: 'hello' } })).toThrow('[nuxt-pinia-orm] Nulling.profile has onDelete(\'set null\'), which would set \'id\' of the linked Profile records to null')
    expect(data(pinia, 'nulling')).toEqual({})
    expect(data(pinia, 'profiles')).toEqual({})
  })
})

describe('saving an instance made with new, make() or $fill()', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    useRepo(User, pinia).save({ id: 1, posts: [{ id: 10, comments: [{ id: 100 }] }], phone: { id: 5 }, roles: [{ id: 1 }] })
  })

  it('leaves alone the relations the instance was not given, however they cascade', () => {
    const user = new User({ id: 1 })
    expect(user.$toJson()).toEqual({ id: 1, posts: [], phone: null, roles: [] })

    useRepo(User, pinia).save(user)
    useRepo(User, pinia).save(useRepo(User, pinia).make({ id: 1 }))
    useRepo(User, pinia).save(new User().$fill({ id: 1 }))

    expect(Object.keys(data(pinia, 'posts'))).toEqual(['10'])
    expect(Object.keys(data(pinia, 'comments'))).toEqual(['100'])
    expect(data(pinia, 'phones')[5]).toEqual({ id: 5, userId: 1 })
    expect(Object.keys(data(pinia, 'roleUser'))).toEqual(['[1,1]'])
  })

  it('keeps a foreign key the instance gives, with its belongsTo left out', () => {
    useRepo(Post, pinia).save(useRepo(Post, pinia).make({ id: 10, userId: 1 }))
    useRepo(Post, pinia).save(new Post({ id: 11, userId: 1 }))
    expect(data(pinia, 'posts')[10]!.userId).toBe(1)
    expect(data(pinia, 'posts')[11]!.userId).toBe(1)
    expect(Object.keys(data(pinia, 'comments'))).toEqual(['100'])
  })

  it('leaves alone the relations left out of an instance nested in another one (its keys come from the parent)', () => {
    const posts = useRepo(Post, pinia)
    // As an app maps API data: made children inside a made parent, then one save.
    useRepo(User, pinia).save(useRepo(User, pinia).make({ id: 2, posts: [posts.make({ id: 12 })] }))
    useRepo(User, pinia).save(new User({ id: 3, posts: [new Post({ id: 13, comments: [{ id: 130 }] })] }))

    expect(data(pinia, 'posts')[12]).toEqual({ id: 12, userId: 2 })
    expect(data(pinia, 'posts')[13]).toEqual({ id: 13, userId: 3 })
    expect(useRepo(User, pinia).with('posts').find(2)!.posts!.map(post => post.id)).toEqual([12])
    expect(data(pinia, 'comments')[130]).toEqual({ id: 130, commentableId: 13, commentableType: 'posts' })
  })

  it('unlinks once the app emptied a relation that was linked since it loaded empty', () => {
    useRepo(Post, pinia).save({ id: 11 })
    const user = useRepo(User, pinia).with('phone').with('posts', query => query.where('id', 11)).find(1)!
    expect(user.posts).toEqual([])
    // Linked by a save of the instance, then emptied again: that unlinks.
    user.posts = [useRepo(Post, pinia).find(11)!]
    useRepo(User, pinia).save(user)
    expect(data(pinia, 'posts')[11]!.userId).toBe(1)
    user.posts = []
    useRepo(User, pinia).save(user)
    expect(data(pinia, 'posts')[11]).toBeUndefined()

    // A later load that finds the record drops the mark of a relation loaded empty (null).
    const other = useRepo(User, pinia).with('phone', query => query.where('id', 0)).find(1)!
    expect(other.phone).toBeNull()
    useRepo(User, pinia).with('phone').load([other])
    other.phone = null
    useRepo(User, pinia).save(other)
    expect(data(pinia, 'phones')[5]!.userId).toBeNull()

    // $fill() giving the relation is a request too.
    useRepo(User, pinia).save({ id: 1, phone: { id: 5 } })
    const third = useRepo(User, pinia).with('phone', query => query.where('id', 0)).find(1)!
    third.$fill({ phone: null })
    useRepo(User, pinia).save(third)
    expect(data(pinia, 'phones')[5]!.userId).toBeNull()
  })

  it('unlinks a belongsTo given null to make() when the key field holds only its default', () => {
    class Note extends Model {
      static override entity = 'notes'
      static override fields() {
        return { id: this.attr(null), userId: this.string(''), owner: this.belongsTo(User, 'userId') }
      }
    }
    useRepo(Note, pinia).save({ id: 1, userId: '1' })
    useRepo(Note, pinia).save(useRepo(Note, pinia).make({ id: 1, owner: null }))
    expect(data(pinia, 'notes')[1]!.userId).toBeNull()
    useRepo(Note, pinia).save({ id: 2, userId: '1' })
    useRepo(Note, pinia).save(new Note({ id: 2, owner: null }))
    expect(data(pinia, 'notes')[2]!.userId).toBeNull()
  })

  it('saves what is added to such a relation, and unlinks as a plain object does when given', () => {
    const user = useRepo(User, pinia).make({ id: 1, phone: null })
    user.posts!.push(useRepo(Post, pinia).make({ id: 11 }))
    useRepo(User, pinia).save(user)
    expect(Object.keys(data(pinia, 'posts'))).toEqual(['10', '11'])
    // `phone: null` was given: the phone is detached, as by save({ id: 1, phone: null }).
    expect(data(pinia, 'phones')[5]).toEqual({ id: 5, userId: null })
  })
})

// pinia-orm applies a record's delete rules once it is deleted: one its deleting hook keeps, keeps
// what it links to.
describe('a record a cascade reaches that refuses to be deleted', () => {
  class Team extends Model {
    static override entity = 'keptTeams'
    static override fields() {
      return { id: this.attr(null), players: this.hasMany(Player, 'teamId').onDelete('cascade') }
    }
  }
  class Player extends Model {
    static override entity = 'keptPlayers'
    static override fields() {
      return {
        id: this.attr(null),
        teamId: this.attr(null),
        keep: this.boolean(false),
        notes: this.hasMany(Note, 'playerId').onDelete('cascade'),
        badges: this.hasMany(Badge, 'playerId').onDelete('set null'),
      }
    }

    declare keep: boolean

    static override deleting(player: Player) {
      if (player.keep)
        return false
    }
  }
  class Note extends Model {
    static override entity = 'keptNotes'
    static override fields() {
      return { id: this.attr(null), playerId: this.attr(null) }
    }
  }
  class Badge extends Model {
    static override entity = 'keptBadges'
    static override fields() {
      return { id: this.attr(null), playerId: this.attr(null) }
    }
  }

  it('is kept with everything it links to; its deleted siblings cascade as usual', () => {
    const pinia = createPinia()
    useRepo(Team, pinia).save({ id: 1, players: [
      { id: 1, keep: true, notes: [{ id: 1 }], badges: [{ id: 1 }] },
      { id: 2, notes: [{ id: 2 }], badges: [{ id: 2 }] },
    ] })

    useRepo(Team, pinia).destroy(1)

    expect(data(pinia, 'keptTeams')).toEqual({})
    expect(Object.keys(data(pinia, 'keptPlayers'))).toEqual(['1'])
    expect(data(pinia, 'keptNotes')).toEqual({ 1: { id: 1, playerId: 1 } })
    expect(data(pinia, 'keptBadges')).toEqual({ 1: { id: 1, playerId: 1 }, 2: { id: 2, playerId: null } })
  })
})

// pinia-orm runs a cascaded record's hooks on its own class (`model.$self()`): under single-table
// inheritance, a subclass's hooks run for its records a cascade reaches through the base.
describe('a cascade into a model with single-table inheritance', () => {
  const calls: string[] = []
  class Club extends Model {
    static override entity = 'stiClubs'
    static override fields() {
      return { id: this.attr(null), members: this.hasMany(() => Member, 'clubId').onDelete('cascade') }
    }
  }
  class Member extends Model {
    static override entity = 'stiMembers'
    static override types() {
      return { member: Member, coach: Coach }
    }

    static override fields() {
      return { id: this.attr(null), type: this.attr('member'), clubId: this.attr(null), keep: this.boolean(false) }
    }
  }
  class Coach extends Member {
    static override entity = 'stiCoaches'
    static override baseEntity = 'stiMembers'
    declare id: number
    declare keep: boolean

    static override deleting(coach: Coach) {
      calls.push(`deleting ${coach.constructor.name} ${coach.id}`)
      if (coach.keep)
        return false
    }

    static override deleted(coach: Coach) {
      calls.push(`deleted ${coach.constructor.name} ${coach.id}`)
    }
  }

  it('runs the subclass hooks of each record it reaches, and keeps the ones they refuse', () => {
    const pinia = createPinia()
    useRepo(Club, pinia).save({ id: 1, members: [
      { id: 1, type: 'member' },
      { id: 2, type: 'coach' },
      { id: 3, type: 'coach', keep: true },
    ] })
    calls.length = 0

    useRepo(Club, pinia).destroy(1)

    expect(calls).toEqual(['deleting Coach 2', 'deleting Coach 3', 'deleted Coach 2'])
    expect(Object.keys(data(pinia, 'stiMembers'))).toEqual(['3'])
  })
})

// Unlinking by saving (docs/relations.md) deletes the records a relation with onDelete('cascade')
// held: they run their delete hooks, as a destroy() of them does.
describe('records an unlink deletes', () => {
  const calls: string[] = []
  class Owner extends Model {
    static override entity = 'unlinkOwners'
    static override fields() {
      return { id: this.attr(null), badge: this.hasOne(() => Badge, 'ownerId').onDelete('cascade'), notes: this.hasMany(() => Note, 'ownerId').onDelete('cascade') }
    }
  }
  class Badge extends Model {
    static override entity = 'unlinkBadges'
    static override fields() {
      return { id: this.attr(null), ownerId: this.attr(null), keep: this.boolean(false) }
    }

    declare id: number
    declare keep: boolean

    static override deleting(badge: Badge) {
      calls.push(`deleting badge ${badge.id}`)
      if (badge.keep)
        return false
    }

    static override deleted(badge: Badge) {
      calls.push(`deleted badge ${badge.id}`)
    }
  }
  class Note extends Model {
    static override entity = 'unlinkNotes'
    static override fields() {
      return { id: this.attr(null), ownerId: this.attr(null) }
    }

    declare id: number

    static override deleted(note: Note) {
      calls.push(`deleted note ${note.id}`)
      if (note.id === 99)
        throw new Error('note 99 may not go')
    }
  }

  it('run their deleting hook, which may keep one (still linked), then their deleted hook once the save is written', () => {
    const pinia = createPinia()
    useRepo(Owner, pinia).save([{ id: 1, badge: { id: 5 }, notes: [{ id: 7 }] }, { id: 2, badge: { id: 6, keep: true } }])
    calls.length = 0

    useRepo(Owner, pinia).save([{ id: 1, badge: null, notes: [] }, { id: 2, badge: null }])

    expect(calls).toEqual(['deleting badge 5', 'deleting badge 6', 'deleted badge 5', 'deleted note 7'])
    expect(data(pinia, 'unlinkBadges')).toEqual({ 6: { id: 6, ownerId: 2, keep: true } })
    expect(data(pinia, 'unlinkNotes')).toEqual({})
  })

  it('leave every store as it was when a deleted hook throws', () => {
    const pinia = createPinia()
    useRepo(Owner, pinia).save({ id: 1, badge: { id: 5 }, notes: [{ id: 99 }] })
    const before = JSON.stringify(pinia.state.value)

    expect(() => useRepo(Owner, pinia).save({ id: 1, badge: null, notes: [] })).toThrow('note 99 may not go')

    expect(JSON.stringify(pinia.state.value)).toBe(before)
  })
})

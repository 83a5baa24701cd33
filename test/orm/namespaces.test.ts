// pinia-orm's `static namespace`: "Define a namespace if you have multiple equal entity names.
// Resulting in {namespace}/{entity}". Two models of one entity in different namespaces are two
// stores, and every read, write, relation and cache keeps them apart (pinia-orm 1.10 mixes them up
// in its shared instance cache, its has()/whereHas() and its morph and pivot lookups).
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { Model, createORM, packState, registerModels, unpackState, useRepo } from '../../src/runtime/orm'
import { getDatabase } from '../../src/runtime/orm/database'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return { id: this.attr(null), name: this.string(''), posts: this.hasMany(Post, 'userId') }
  }
}

class AdminUser extends Model {
  static override entity = 'users'
  static override namespace = 'admin'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      role: this.string('editor'),
      posts: this.hasMany(AdminPost, 'userId'),
      images: this.morphMany(Image, 'imageableId', 'imageableType'),
    }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string(''), author: this.belongsTo(User, 'userId') }
  }
}

class AdminPost extends Model {
  static override entity = 'posts'
  static override namespace = 'admin'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), title: this.string(''), author: this.belongsTo(AdminUser, 'userId') }
  }
}

class Image extends Model {
  static override entity = 'images'
  static override fields() {
    return {
      id: this.attr(null),
      url: this.string(''),
      imageableId: this.attr(null),
      imageableType: this.attr(null),
      imageable: this.morphTo([AdminUser, Post], 'imageableId', 'imageableType'),
    }
  }
}

function twins() {
  const pinia = createPinia()
  useRepo(User, pinia).save([{ id: 1, name: 'Ann', posts: [{ id: 1, title: 'Ann on users' }] }, { id: 2, name: 'Bob' }])
  useRepo(AdminUser, pinia).save({ id: 1, name: 'Root', role: 'owner', posts: [{ id: 1, title: 'Root on admins' }, { id: 2, title: 'Root again' }] })
  return pinia
}

describe('two models of one entity in different namespaces', () => {
  it('keep their records in two stores, namespace/entity and entity', () => {
    const pinia = twins()
    expect(pinia.state.value.users!.data).toEqual({ 1: { id: 1, name: 'Ann' }, 2: { id: 2, name: 'Bob' } })
    expect(pinia.state.value['admin/users']!.data).toEqual({ 1: { id: 1, name: 'Root', role: 'owner' } })
    expect(pinia.state.value['admin/posts']!.data).toEqual({
      1: { id: 1, userId: 1, title: 'Root on admins' },
      2: { id: 2, userId: 1, title: 'Root again' },
    })
    expect(useRepo(AdminUser, pinia).piniaStore().$id).toBe('admin/users')
    expect(useRepo(User, pinia).piniaStore().$id).toBe('users')
  })

  it('each reads only its own records, by key too', () => {
    const pinia = twins()
    const users = useRepo(User, pinia)
    const admins = useRepo(AdminUser, pinia)
    expect(users.all().map(user => user.name)).toEqual(['Ann', 'Bob'])
    expect(admins.all().map(user => user.name)).toEqual(['Root'])
    const root = admins.find(1)!
    expect(root).toBeInstanceOf(AdminUser)
    expect(root.role).toBe('owner')
    expect(users.find(1)).toBeInstanceOf(User)
    expect(users.find(1)!.name).toBe('Ann')
    expect(users.count()).toBe(2)
    expect(admins.count()).toBe(1)
  })

  it('each writes only its own store: an update of one leaves its twin as it was', () => {
    const pinia = twins()
    useRepo(AdminUser, pinia).where('id', 1).update({ name: 'Root 2' })
    useRepo(User, pinia).destroy(2)
    expect(pinia.state.value['admin/users']!.data).toEqual({ 1: { id: 1, name: 'Root 2', role: 'owner' } })
    expect(pinia.state.value.users!.data).toEqual({ 1: { id: 1, name: 'Ann' } })
    useRepo(User, pinia).flush()
    expect(useRepo(AdminUser, pinia).count()).toBe(1)
  })

  it('load their relations from their own related stores', () => {
    const pinia = twins()
    expect(useRepo(AdminUser, pinia).with('posts').find(1)!.posts!.map(post => post.title)).toEqual(['Root on admins', 'Root again'])
    expect(useRepo(User, pinia).with('posts').find(1)!.posts!.map(post => post.title)).toEqual(['Ann on users'])
    const post = useRepo(AdminPost, pinia).with('author').find(2)!
    expect(post.author).toBeInstanceOf(AdminUser)
    expect(post.author!.name).toBe('Root')
  })

  it('answer relation queries from their own stores', () => {
    const pinia = twins()
    expect(useRepo(AdminUser, pinia).has('posts', '>=', 2).get().map(user => user.name)).toEqual(['Root'])
    expect(useRepo(User, pinia).has('posts', '>=', 2).get()).toEqual([])
    expect(useRepo(User, pinia).whereHas('posts', query => query.where('title', 'Ann on users')).get().map(user => user.name)).toEqual(['Ann'])
    expect(useRepo(User, pinia).doesntHave('posts').get().map(user => user.name)).toEqual(['Bob'])
  })

  it('do not share cached query results', () => {
    const pinia = twins()
    expect(useRepo(User, pinia).useCache().where('id', 1).get().map(user => user.name)).toEqual(['Ann'])
    expect(useRepo(AdminUser, pinia).useCache().where('id', 1).get().map(user => user.name)).toEqual(['Root'])
  })

  it('travel in the payload as two stores', () => {
    const client = createPinia()
    client.state.value = unpackState(JSON.parse(JSON.stringify(packState(twins()))))
    expect(useRepo(AdminUser, client).with('posts').find(1)!.posts).toHaveLength(2)
    expect(useRepo(User, client).find(1)!.name).toBe('Ann')
  })

  it('name themselves as pinia-orm does', () => {
    const root = useRepo(AdminUser, twins()).find(1)!
    expect(root.$entity()).toBe('users')
    expect(root.$modelEntity()).toBe('admin/users')
    expect(root.$storeName()).toBe('admin/users')
    expect(root.$namespace()).toBe('admin')
    expect(AdminUser.modelEntity()).toBe('admin/users')
    expect(User.modelEntity()).toBe('users')
  })
})

describe('morph relations to a namespaced model', () => {
  it('write the bare entity to the type column, as pinia-orm does, and load a namespaced model by it', () => {
    class Studio extends Model {
      static override entity = 'studios'
      static override namespace = 'media'
      static override fields() {
        return { id: this.attr(null), name: this.string(''), clips: this.morphMany(() => Clip, 'ownerId', 'ownerType') }
      }
    }
    class Clip extends Model {
      static override entity = 'clips'
      static override fields() {
        return { id: this.attr(null), ownerId: this.attr(null), ownerType: this.attr(null), owner: this.morphTo([Studio, Post], 'ownerId', 'ownerType') }
      }
    }
    const pinia = createPinia()
    useRepo(Studio, pinia).save({ id: 1, name: 'North', clips: [{ id: 10 }] })
    useRepo(Clip, pinia).save({ id: 11, ownerType: 'posts', owner: { id: 5, title: 'Plain post' } })
    expect(pinia.state.value.clips!.data[10]).toEqual({ id: 10, ownerId: 1, ownerType: 'studios' })
    const [studio, post] = useRepo(Clip, pinia).with('owner').get()
    expect(studio!.owner).toBeInstanceOf(Studio)
    expect(studio!.owner).toMatchObject({ id: 1, name: 'North' })
    expect(post!.owner).toBeInstanceOf(Post)
    expect(useRepo(Studio, pinia).with('clips').find(1)!.clips!.map(clip => clip.id)).toEqual([10])
  })

  it('work from one twin while the other has none', () => {
    const pinia = twins()
    useRepo(AdminUser, pinia).save({ id: 1, images: [{ id: 10, url: 'root.png' }] })
    expect(pinia.state.value.images!.data[10]).toEqual({ id: 10, url: 'root.png', imageableId: 1, imageableType: 'users' })
    expect(useRepo(AdminUser, pinia).with('images').find(1)!.images!.map(image => image.url)).toEqual(['root.png'])
  })

  it('a morphTo to a model that has a twin is an error: another relation may write the entity for the twin', () => {
    const pinia = twins()
    expect(() => useRepo(Image, pinia).with('imageable').get()).toThrowError('[nuxt-pinia-orm] Image.imageable: AdminUser (\'admin/users\') and User (\'users\') share the entity \'users\' in different namespaces, and a polymorphic relation\'s type column holds the entity only (as in pinia-orm): their records could not be told apart. Keep polymorphic relations away from one of them, or give one its own entity.')
  })

  it('a morphTo listing both twins is an error: the type column cannot tell them apart', () => {
    class Tag extends Model {
      static override entity = 'tags'
      static override fields() {
        return { id: this.attr(null), taggableId: this.attr(null), taggableType: this.attr(null), taggable: this.morphTo([User, AdminUser], 'taggableId', 'taggableType') }
      }
    }
    expect(() => useRepo(Tag, createPinia()).with('taggable').get()).toThrow('[nuxt-pinia-orm] Tag.taggable lists User and AdminUser, two models of the entity \'users\' in different namespaces: its type column holds the entity only, as in pinia-orm, so it cannot tell them apart. List one of them.')
  })
})

describe('morph relations on both twins', () => {
  it('are an error naming both models: their type columns would hold the same entity', () => {
    class Photo extends Model {
      static override entity = 'photos'
      static override fields() {
        return { id: this.attr(null), ownerId: this.attr(null), ownerType: this.attr(null) }
      }
    }
    class Member extends Model {
      static override entity = 'members'
      static override fields() {
        return { id: this.attr(null), photos: this.morphMany(Photo, 'ownerId', 'ownerType') }
      }
    }
    class AdminMember extends Model {
      static override entity = 'members'
      static override namespace = 'admin'
      static override fields() {
        return { id: this.attr(null), photos: this.morphMany(Photo, 'ownerId', 'ownerType').onDelete('cascade') }
      }
    }
    const pinia = createPinia()
    // One twin alone has its morph relation: it works.
    useRepo(AdminMember, pinia).save({ id: 1, photos: [{ id: 1 }] })
    expect(useRepo(AdminMember, pinia).with('photos').find(1)!.photos).toHaveLength(1)
    // The other twin arrives: the relations are checked again.
    registerModels(pinia, [Member])
    const message = '[nuxt-pinia-orm] AdminMember.photos: AdminMember (\'admin/members\') and Member (\'members\') share the entity \'members\' in different namespaces, and a polymorphic relation\'s type column holds the entity only (as in pinia-orm): their records could not be told apart. Keep polymorphic relations away from one of them, or give one its own entity.'
    expect(() => useRepo(AdminMember, pinia).with('photos').find(1)).toThrowError(message)
    expect(() => useRepo(AdminMember, pinia).destroy(1)).toThrowError(message)
    expect(pinia.state.value.photos!.data).toEqual({ 1: { id: 1, ownerId: 1, ownerType: 'members' } })
  })
})

describe('morphedByMany to a model whose twin has morph relations', () => {
  it('is an error too: the pivot\'s type column would hold the same entity for both', () => {
    class Label extends Model {
      static override entity = 'labels'
      static override fields() {
        return { id: this.attr(null), members: this.morphedByMany(() => LabelMember, () => Labelled, 'labelId', 'labelledId', 'labelledType') }
      }
    }
    class Labelled extends Model {
      static override entity = 'labelled'
      static override primaryKey = ['labelId', 'labelledId', 'labelledType']
      static override fields() {
        return { labelId: this.attr(null), labelledId: this.attr(null), labelledType: this.attr(null) }
      }
    }
    class LabelMember extends Model {
      static override entity = 'labelMembers'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class AdminLabelMember extends Model {
      static override entity = 'labelMembers'
      static override namespace = 'admin'
      static override fields() {
        return { id: this.attr(null), labels: this.morphToMany(Label, Labelled, 'labelId', 'labelledId', 'labelledType') }
      }
    }
    const pinia = createPinia()
    registerModels(pinia, [LabelMember, AdminLabelMember])
    expect(() => useRepo(Label, pinia).with('members').get()).toThrowError('[nuxt-pinia-orm] Label.members: LabelMember (\'labelMembers\') and AdminLabelMember (\'admin/labelMembers\') share the entity \'labelMembers\' in different namespaces, and a polymorphic relation\'s type column holds the entity only')
  })
})

describe('belongsToMany through twin pivots', () => {
  class Role extends Model {
    static override entity = 'roles'
    static override fields() {
      return { id: this.attr(null), name: this.string('') }
    }
  }
  class RoleUser extends Model {
    static override entity = 'roleUser'
    static override primaryKey = ['userId', 'roleId']
    static override fields() {
      return { userId: this.attr(null), roleId: this.attr(null) }
    }
  }
  class AdminRoleUser extends Model {
    static override entity = 'roleUser'
    static override namespace = 'admin'
    static override primaryKey = ['userId', 'roleId']
    static override fields() {
      return { userId: this.attr(null), roleId: this.attr(null) }
    }
  }
  class Member extends Model {
    static override entity = 'members'
    static override fields() {
      return {
        id: this.attr(null),
        roles: this.belongsToMany(Role, RoleUser, 'userId', 'roleId'),
        adminRoles: this.belongsToMany(Role, AdminRoleUser, 'userId', 'roleId').onDelete('cascade'),
      }
    }
  }

  it('keep each relation\'s links in its own pivot store, and a cascade deletes from that one only', () => {
    const pinia = createPinia()
    const members = useRepo(Member, pinia)
    members.save({ id: 1, roles: [{ id: 1, name: 'reader' }], adminRoles: [{ id: 2, name: 'admin' }] })
    expect(Object.keys(pinia.state.value.roleUser!.data)).toEqual(['[1,1]'])
    expect(Object.keys(pinia.state.value['admin/roleUser']!.data)).toEqual(['[1,2]'])
    const member = members.with('roles').with('adminRoles').find(1)!
    expect(member.roles!.map(role => role.name)).toEqual(['reader'])
    expect(member.adminRoles!.map(role => role.name)).toEqual(['admin'])
    members.destroy(1)
    expect(pinia.state.value['admin/roleUser']!.data).toEqual({})
    expect(Object.keys(pinia.state.value.roleUser!.data)).toEqual(['[1,1]'])
  })
})

describe('naming a namespaced model by its entity', () => {
  it('finds the model of that entity without a namespace first, then the one namespaced model of it', () => {
    class Comment extends Model {
      static override entity = 'comments'
      static override fields() {
        return {
          id: this.attr(null),
          userId: this.attr(null),
          adminId: this.attr(null),
          user: this.belongsTo('users', 'userId'),
          admin: this.belongsTo('admin/users', 'adminId'),
          post: this.belongsTo('posts', 'userId'),
        }
      }
    }
    const pinia = twins()
    useRepo(Comment, pinia).save({ id: 1, userId: 1, adminId: 1 })
    const comment = useRepo(Comment, pinia).with('user').with('admin').find(1)!
    expect(comment.user).toBeInstanceOf(User)
    expect(comment.admin).toBeInstanceOf(AdminUser)
    expect(useRepo(User, pinia).newQuery('admin/users').find(1)).toMatchObject({ name: 'Root', role: 'owner' })
  })

  it('finds the model without a namespace once it is registered, after the namespaced one', () => {
    class Remark extends Model {
      static override entity = 'remarks'
      static override fields() {
        return { id: this.attr(null), userId: this.attr(null), user: this.belongsTo('users', 'userId') }
      }
    }
    const pinia = createPinia()
    registerModels(pinia, [AdminUser, Remark])
    useRepo(AdminUser, pinia).save({ id: 1, name: 'Root' })
    useRepo(Remark, pinia).save({ id: 1, userId: 1 })
    expect(useRepo(Remark, pinia).with('user').find(1)!.user).toBeInstanceOf(AdminUser)
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    expect(useRepo(Remark, pinia).with('user').find(1)!.user).toBeInstanceOf(User)
  })

  it('follows a class whose namespace changed under hot replacement', () => {
    class Remark extends Model {
      static override entity = 'remarks'
      static override fields() {
        return { id: this.attr(null), staffId: this.attr(null), staff: this.belongsTo('staff', 'staffId') }
      }
    }
    const makeStaff = (namespace: string) => class Staff extends Model {
      static override entity = 'staff'
      static override namespace = namespace
      static override fields() {
        return { id: this.attr(null), name: this.string('') }
      }
    }
    const pinia = createPinia()
    const before = makeStaff('hr')
    registerModels(pinia, [before, Remark])
    useRepo(before, pinia).save({ id: 1, name: 'Lee' })
    useRepo(Remark, pinia).save({ id: 1, staffId: 1 })
    expect(useRepo(Remark, pinia).with('staff').find(1)!.staff).toBeInstanceOf(before)
    const after = makeStaff('people')
    registerModels(pinia, [after, Remark], { replace: true })
    useRepo(after, pinia).save({ id: 1, name: 'Kim' })
    // The records of the old namespace stay in its store.
    expect(pinia.state.value['hr/staff']!.data).toEqual({ 1: { id: 1, name: 'Lee' } })
    expect(useRepo(Remark, pinia).with('staff').find(1)!.staff).toBeInstanceOf(after)
    expect(pinia.state.value['people/staff']!.data).toEqual({ 1: { id: 1, name: 'Kim' } })
  })

  it('keeps both of two twins that have the same class name when hot replacement registers them again', () => {
    // Two files each exporting a class named Person, one of them namespaced.
    const makeTwins = () => [
      class Person extends Model {
        static override entity = 'people'
        static override fields() {
          return { id: this.attr(null), name: this.string('') }
        }
      },
      class Person extends Model {
        static override entity = 'people'
        static override namespace = 'admin'
        static override fields() {
          return { id: this.attr(null), name: this.string('') }
        }
      },
    ] as const
    const pinia = createPinia()
    const [plain, admin] = makeTwins()
    registerModels(pinia, [plain, admin])
    useRepo(plain, pinia).save({ id: 1, name: 'Ann' })
    useRepo(admin, pinia).save({ id: 1, name: 'Root' })
    const [plain2, admin2] = makeTwins()
    registerModels(pinia, [plain2, admin2], { replace: true })
    expect(useRepo(plain2, pinia).find(1)!.name).toBe('Ann')
    expect(useRepo(admin2, pinia).find(1)!.name).toBe('Root')
    expect(getDatabase(pinia).schemaOf('people')?.model).toBe(plain2)
  })

  it('finds a model by its store id under a Pinia-wide namespace, as $modelEntity() gives it', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ model: { namespace: 'app' } }))
    useRepo(User, pinia).save({ id: 1, name: 'Ann' })
    const ann = useRepo(User, pinia).find(1)!
    expect(ann.$modelEntity()).toBe('app/users')
    expect(useRepo(Post, pinia).newQuery(ann.$modelEntity()).find(1)).toBeInstanceOf(User)
    expect(useRepo(Post, pinia).newQuery('users').find(1)).toBeInstanceOf(User)
  })

  it('is an error when two namespaced models share the entity and none is without a namespace', () => {
    class Staff extends Model {
      static override entity = 'staff'
      static override namespace = 'hr'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class OtherStaff extends Model {
      static override entity = 'staff'
      static override namespace = 'payroll'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class Badge extends Model {
      static override entity = 'badges'
      static override fields() {
        return { id: this.attr(null), staffId: this.attr(null), staff: this.belongsTo('staff', 'staffId') }
      }
    }
    const pinia = createPinia()
    useRepo(Staff, pinia).save({ id: 1 })
    const badges = useRepo(Badge, pinia)
    badges.save({ id: 1, staffId: 1 })
    expect(badges.with('staff').find(1)!.staff).toBeInstanceOf(Staff)
    useRepo(OtherStaff, pinia).save({ id: 1 })
    const fresh = createPinia()
    useRepo(Staff, fresh)
    useRepo(OtherStaff, fresh)
    expect(() => useRepo(Badge, fresh).with('staff').get()).toThrow('[nuxt-pinia-orm] Badge.staff names the entity \'staff\', which Staff (\'hr/staff\') and OtherStaff (\'payroll/staff\') share in different namespaces. Give it as \'hr/staff\' or \'payroll/staff\', or pass the model class.')
  })
})

describe('clashes namespaces do not resolve', () => {
  it('two models of one entity in the same namespace: an error that names both and the way out', () => {
    class Member extends Model {
      static override entity = 'members'
      static override namespace = 'crm'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    class OtherMember extends Model {
      static override entity = 'members'
      static override namespace = 'crm'
      static override fields() {
        return { id: this.attr(null) }
      }
    }
    const pinia = createPinia()
    useRepo(Member, pinia).save({ id: 1 })
    expect(() => useRepo(OtherMember, pinia).save({ id: 2 })).toThrow('[nuxt-pinia-orm] The entity \'crm/members\' is claimed by Member and OtherMember. Every model needs its own `static entity`: rename the entity of one of them, or, to keep both, give them different `static namespace`s (an empty namespace is none).')
    expect(pinia.state.value['crm/members']!.data).toEqual({ 1: { id: 1 } })
  })

  it('a Pinia-wide namespace that gives a model the store id of a namespaced twin: an error', () => {
    const pinia = createPinia()
    createApp({}).use(pinia)
    pinia.use(createORM({ model: { namespace: 'admin' } }))
    useRepo(AdminUser, pinia).save({ id: 1 })
    expect(() => useRepo(User, pinia).save({ id: 2 })).toThrow('[nuxt-pinia-orm] User and AdminUser would both keep their records in the store \'admin/users\'')
    // Still refused on the next try: the model did not stay half registered, reading its twin's store.
    expect(() => useRepo(User, pinia).all()).toThrow('would both keep their records in the store \'admin/users\'')
    expect(pinia.state.value['admin/users']!.data).toEqual({ 1: { id: 1, name: '', role: 'editor' } })
  })
})

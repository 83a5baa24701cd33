// pinia-orm's relation objects show their definition as public properties (its declarations:
// `foreignKey`, `localKey`, `ownerKey`, `related`, `parent`, `pivot`, `morphId`, ...). Code that
// reads `$fields()`, as pinia-orm-helpers' getClassRelationships does, relies on them.
import { describe, expect, it } from 'vitest'
import { BelongsTo, HasMany, Model } from '../../src/runtime/orm'
import type { BelongsToMany, HasManyBy, HasManyThrough, HasOne, MorphMany, MorphTo, MorphToMany } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'def-users'
  static override fields() {
    return {
      id: this.attr(null),
      countryId: this.attr(null),
      tagIds: this.attr([]),
      phone: this.hasOne(() => Phone, 'userId'),
      posts: this.hasMany(() => Post, 'userId', 'id'),
      country: this.belongsTo(() => Country, 'countryId'),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId').as('membership'),
      tags: this.hasManyBy(() => Tag, 'tagIds'),
      images: this.morphMany(() => Image, 'imageableId', 'imageableType'),
      labels: this.morphToMany(() => Tag, () => Taggable, 'tagId', 'taggableId', 'taggableType'),
    }
  }
}
class Phone extends Model {
  static override entity = 'def-phones'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null) }
  }
}
class Post extends Model {
  static override entity = 'def-posts'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null) }
  }
}
class Country extends Model {
  static override entity = 'def-countries'
  static override primaryKey = 'code'
  static override fields() {
    return { code: this.attr(null), posts: this.hasManyThrough(Post, User, 'countryId', 'userId') }
  }
}
class Role extends Model {
  static override entity = 'def-roles'
  static override fields() {
    return { id: this.attr(null) }
  }
}
class RoleUser extends Model {
  static override entity = 'def-roleUser'
  static override primaryKey = ['userId', 'roleId']
  static override fields() {
    return { userId: this.attr(null), roleId: this.attr(null) }
  }
}
class Tag extends Model {
  static override entity = 'def-tags'
  static override fields() {
    return { id: this.attr(null) }
  }
}
class Taggable extends Model {
  static override entity = 'def-taggables'
  static override fields() {
    return { id: this.attr(null), tagId: this.attr(null), taggableId: this.attr(null), taggableType: this.attr(null) }
  }
}
class Image extends Model {
  static override entity = 'def-images'
  static override fields() {
    return { id: this.attr(null), imageableId: this.attr(null), imageableType: this.attr(null), imageable: this.morphTo([User, Post], 'imageableId', 'imageableType') }
  }
}

const fieldsOf = (model: Model) => model.$fields() as Record<string, unknown>

describe('a relation\'s definition, as pinia-orm\'s relation objects show it', () => {
  it('hasOne and hasMany: foreignKey, localKey (default the primary key), the parent and related models', () => {
    const phone = fieldsOf(new User()).phone as HasOne
    expect([phone.foreignKey, phone.localKey]).toEqual(['userId', 'id'])
    expect(phone.parent).toBeInstanceOf(User)
    expect(phone.related).toBeInstanceOf(Phone)
    const posts = fieldsOf(new User()).posts as HasMany
    expect(posts).toBeInstanceOf(HasMany)
    expect([posts.foreignKey, posts.localKey]).toEqual(['userId', 'id'])
  })

  it('belongsTo: foreignKey, ownerKey (default the owner\'s primary key), child (the related model, as in pinia-orm)', () => {
    const country = fieldsOf(new User()).country as BelongsTo
    expect(country).toBeInstanceOf(BelongsTo)
    expect([country.foreignKey, country.ownerKey]).toEqual(['countryId', 'code'])
    expect(country.child).toBeInstanceOf(Country)
    expect(country.parent).toBeInstanceOf(User)
    expect(country.related).toBeInstanceOf(Country)
  })

  it('belongsToMany: pivot, foreignPivotKey, relatedPivotKey, parentKey, relatedKey, pivotKey', () => {
    const roles = fieldsOf(new User()).roles as BelongsToMany
    expect(roles.pivot).toBeInstanceOf(RoleUser)
    expect([roles.foreignPivotKey, roles.relatedPivotKey, roles.parentKey, roles.relatedKey, roles.pivotKey]).toEqual(['userId', 'roleId', 'id', 'id', 'membership'])
  })

  it('hasManyBy, hasManyThrough, morphMany, morphTo and morphToMany', () => {
    const tags = fieldsOf(new User()).tags as HasManyBy
    expect([tags.foreignKey, tags.ownerKey]).toEqual(['tagIds', 'id'])
    const through = fieldsOf(new Country()).posts as HasManyThrough
    expect(through.through).toBeInstanceOf(User)
    expect([through.firstKey, through.secondKey, through.localKey, through.secondLocalKey]).toEqual(['countryId', 'userId', 'code', 'id'])
    const images = fieldsOf(new User()).images as MorphMany
    expect([images.morphId, images.morphType, images.localKey]).toEqual(['imageableId', 'imageableType', 'id'])
    const imageable = fieldsOf(new Image()).imageable as MorphTo
    expect([imageable.morphId, imageable.morphType, imageable.ownerKey]).toEqual(['imageableId', 'imageableType', ''])
    expect(imageable.relatedModels.map(model => model.constructor)).toEqual([User, Post])
    expect(Object.keys(imageable.relatedTypes)).toEqual(['def-users', 'def-posts'])
    // As pinia-orm's: a morphTo's `related` is its parent.
    expect(imageable.related).toBeInstanceOf(Image)
    const labels = fieldsOf(new User()).labels as MorphToMany
    expect([labels.relatedId, labels.morphId, labels.morphType, labels.pivotKey]).toEqual(['tagId', 'taggableId', 'taggableType', 'pivot'])
    expect(labels.pivot).toBeInstanceOf(Taggable)
  })

  it('keep the same blank instances, and show the delete rule as onDeleteMode', () => {
    const posts = fieldsOf(new User()).posts as HasMany
    expect(posts.related).toBe(posts.related)
    expect(posts.onDeleteMode).toBeUndefined()
    expect((fieldsOf(new Country()).posts as HasManyThrough).through).toBe((fieldsOf(new Country()).posts as HasManyThrough).through)
    class Author extends Model {
      static override entity = 'def-authors'
      static override fields() {
        return { id: this.attr(null), posts: this.hasMany(Post, 'userId').onDelete('cascade') }
      }
    }
    expect((fieldsOf(new Author()).posts as HasMany).onDeleteMode).toBe('cascade')
  })

  it('are own enumerable properties, so a spread of the relation copies them', () => {
    const copy = { ...(fieldsOf(new User()).posts as HasMany), kind: 'HasMany' }
    expect(copy).toMatchObject({ foreignKey: 'userId', localKey: 'id', kind: 'HasMany' })
    expect(copy.related).toBeInstanceOf(Post)
  })
})

// Audit of the relation decorators against the "With Decorator" samples of pinia-orm 1.10's relation
// API pages, written as a pinia-orm user would. Runs once per decorator mode (see compile.ts).
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import type { BelongsToMany as BelongsToManyRelation, MorphTo as MorphToRelation } from '../../src/runtime/orm'
import { Attr, BelongsToMany, HasManyThrough, MorphTo, MorphedByMany, MorphToMany, Num, OnDelete, Str } from '../../src/runtime/orm/decorators'

class AuditRole extends Model {
  static override entity = 'audit_roles'
  @Attr(null) id!: number | null
  @Str('') name!: string
}

class AuditRoleUser extends Model {
  static override entity = 'audit_role_user'
  static override primaryKey = ['role_id', 'user_id']
  @Attr(null) role_id!: number | null
  @Attr(null) user_id!: number | null
  @Str('member') level!: string
}

// The belongsToMany page's "or if you have other pivot key": `{ as, model }` as the pivot.
class AuditUser extends Model {
  static override entity = 'audit_users'
  @Attr(null) id!: number | null
  @OnDelete('cascade')
  @BelongsToMany(() => AuditRole, { as: 'userPivot', model: () => AuditRoleUser }, 'user_id', 'role_id') roles!: (AuditRole & { userPivot: AuditRoleUser })[]
}

// The morphTo page: the related models as a function returning them.
class AuditImage extends Model {
  static override entity = 'audit_images'
  @Num(0) id!: number
  @Str('') url!: string
  @Num(0) imageableId!: number
  @Str('') imageableType!: string
  @MorphTo(() => [AuditAuthor, AuditArticle], 'imageableId', 'imageableType') imageable!: AuditAuthor | AuditArticle | null
}

class AuditAuthor extends Model {
  static override entity = 'audit_authors'
  @Num(0) id!: number
  @Str('') name!: string
  @Attr(null) countryId!: number | null
}

class AuditArticle extends Model {
  static override entity = 'audit_articles'
  @Num(0) id!: number
  @Attr(null) authorId!: number | null
  @Str('') title!: string
  @MorphToMany(() => AuditTag, () => AuditTaggable, 'tag_id', 'taggable_id', 'taggable_type') tags!: AuditTag[]
}

// The hasManyThrough page's decorated Country.
class AuditCountry extends Model {
  static override entity = 'audit_countries'
  @Attr() id!: number
  @HasManyThrough(() => AuditArticle, () => AuditAuthor, 'countryId', 'authorId') articles!: AuditArticle[]
}

// The morphedByMany page's decorated Tag, with its `pivot` declared.
class AuditTag extends Model {
  static override entity = 'audit_tags'
  @Attr() id!: number
  @MorphedByMany(() => AuditArticle, () => AuditTaggable, 'tag_id', 'taggable_id', 'taggable_type') articles!: AuditArticle[]
  declare pivot: AuditTaggable
}

class AuditTaggable extends Model {
  static override entity = 'audit_taggables'
  static override primaryKey = ['tag_id', 'taggable_id', 'taggable_type']
  @Attr(null) tag_id!: number | null
  @Attr(null) taggable_id!: number | null
  @Attr(null) taggable_type!: string | null
}

describe('relation decorators, as pinia-orm\'s "With Decorator" samples write them', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
  })

  it('@BelongsToMany with { as, model } loads each role\'s pivot under the given name', () => {
    useRepo(AuditUser, pinia).save({ id: 1, roles: [{ id: 1, name: 'admin', userPivot: { level: 'owner' } }] })

    const user = useRepo(AuditUser, pinia).with('roles').find(1)!

    expect(user.roles[0]!.userPivot).toBeInstanceOf(AuditRoleUser)
    expect(user.roles[0]!.userPivot.level).toBe('owner')
  })

  it('@OnDelete(\'cascade\') on a @BelongsToMany removes the user\'s pivot records', () => {
    useRepo(AuditUser, pinia).save([{ id: 1, roles: [{ id: 1 }] }, { id: 2, roles: [{ id: 1 }] }])

    useRepo(AuditUser, pinia).destroy(1)

    expect(Object.keys(pinia.state.value.audit_role_user!.data)).toEqual(['[1,2]'])
  })

  it('@MorphTo takes the related models as a function returning them', () => {
    useRepo(AuditAuthor, pinia).save({ id: 1, name: 'Ann' })
    useRepo(AuditArticle, pinia).save({ id: 1, title: 'Hello' })
    useRepo(AuditImage, pinia).save([{ id: 1, imageableId: 1, imageableType: 'audit_authors' }, { id: 2, imageableId: 1, imageableType: 'audit_articles' }])

    const images = useRepo(AuditImage, pinia).with('imageable').orderBy('id').get()

    expect(images[0]!.imageable).toBeInstanceOf(AuditAuthor)
    expect(images[1]!.imageable).toBeInstanceOf(AuditArticle)
  })

  it('@MorphTo fills the id and type when saving through it', () => {
    useRepo(AuditImage, pinia).save({ id: 1, imageableType: 'audit_authors', imageable: { id: 5, name: 'Bob' } })

    expect(pinia.state.value.audit_images!.data[1]).toMatchObject({ imageableId: 5, imageableType: 'audit_authors' })
  })

  it('@HasManyThrough loads a country\'s articles through its authors', () => {
    useRepo(AuditAuthor, pinia).save([{ id: 1, countryId: 1 }, { id: 2, countryId: 2 }])
    useRepo(AuditArticle, pinia).save([{ id: 1, authorId: 1 }, { id: 2, authorId: 2 }, { id: 3, authorId: 1 }])
    useRepo(AuditCountry, pinia).save({ id: 1 })

    expect(useRepo(AuditCountry, pinia).with('articles').find(1)!.articles.map(article => article.id)).toEqual([1, 3])
  })

  it('@MorphedByMany and @MorphToMany share the pivot, loaded under the declared pivot', () => {
    useRepo(AuditArticle, pinia).save({ id: 1, tags: [{ id: 1 }, { id: 2 }] })

    const article = useRepo(AuditArticle, pinia).with('tags').find(1)!
    const tag = useRepo(AuditTag, pinia).with('articles').find(2)!

    expect(article.tags.map(item => item.pivot.tag_id)).toEqual([1, 2])
    expect(tag.articles.map(item => item.id)).toEqual([1])
  })
})

describe('decorated relations show their definition as pinia-orm\'s do', () => {
  it('@BelongsToMany and @MorphTo: keys, pivot and related models on $fields()', () => {
    const fields = new AuditUser().$fields() as unknown as { roles: BelongsToManyRelation }
    expect([fields.roles.foreignPivotKey, fields.roles.relatedPivotKey, fields.roles.pivotKey]).toEqual(['user_id', 'role_id', 'userPivot'])
    expect(fields.roles.pivot).toBeInstanceOf(AuditRoleUser)
    expect(fields.roles.parent).toBeInstanceOf(AuditUser)
    const imageable = (new AuditImage().$fields() as unknown as { imageable: MorphToRelation }).imageable
    expect([imageable.morphId, imageable.morphType]).toEqual(['imageableId', 'imageableType'])
    expect(imageable.relatedModels.map((model: Model) => model.constructor)).toEqual([AuditAuthor, AuditArticle])
  })
})

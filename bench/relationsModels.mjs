// The models of W9..W11 for both ORMs (same definitions, each on its own Model class), and the
// implementation methods on top of their shared API.

/** Defines the W9/W10 models on an ORM's `Model`. */
export function defineRelationModels(Model) {
  class RUser extends Model {
    static entity = 'rusers'
    static fields() {
      return { id: this.attr(null), name: this.string(''), roles: this.belongsToMany(Role, RoleUser, 'userId', 'roleId') }
    }
  }
  class Role extends Model {
    static entity = 'roles'
    static fields() {
      return { id: this.attr(null), name: this.string('') }
    }
  }
  class RoleUser extends Model {
    static entity = 'roleUser'
    static primaryKey = ['userId', 'roleId']
    static fields() {
      return { userId: this.attr(null), roleId: this.attr(null) }
    }
  }
  class CPost extends Model {
    static entity = 'cposts'
    static fields() {
      return { id: this.attr(null), title: this.string(''), comments: this.morphMany(Comment, 'commentableId', 'commentableType') }
    }
  }
  class Video extends Model {
    static entity = 'videos'
    static fields() {
      return { id: this.attr(null), title: this.string(''), comments: this.morphMany(Comment, 'commentableId', 'commentableType') }
    }
  }
  class Comment extends Model {
    static entity = 'comments'
    static fields() {
      return { id: this.attr(null), body: this.string(''), commentableId: this.attr(null), commentableType: this.attr(null) }
    }
  }
  return { RUser, Role, RoleUser, CPost, Video, Comment }
}

/** The W9..W11 methods of an ORM implementation, through `useRepo(Model, pinia)`. */
export function relationMethods(Model, useRepo) {
  const { RUser, CPost, Video } = defineRelationModels(Model)
  return {
    saveUsersWithRoles: (store, users) => useRepo(RUser, store.pinia).save(users),
    usersWithRoles: store => useRepo(RUser, store.pinia).with('roles').get(),
    savePostsAndVideos(store, { posts, videos }) {
      useRepo(CPost, store.pinia).save(posts)
      useRepo(Video, store.pinia).save(videos)
    },
    postsWithComments: store => useRepo(CPost, store.pinia).with('comments').get(),
    usersHavingPosts: store => store.users.has('posts').get(),
    usersWhereHasPosts: (store, predicate) => store.users.whereHas('posts', query => query.where('title', predicate)).get(),
  }
}

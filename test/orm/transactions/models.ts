// Models of the transaction tests: users with posts (deleted with their user), phones (unlinked
// when their user goes) and tags; hooks that can be told to throw.
import { Model } from '../../../src/runtime/orm'

export class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      posts: this.hasMany(() => Post, 'userId').onDelete('cascade'),
      phone: this.hasOne(() => Phone, 'userId').onDelete('set null'),
    }
  }

  declare id: number | string
  declare name: string
  declare posts: Post[]
  declare phone: Phone | null

  static override saved(model: User) {
    if (model.name === 'throw in saved')
      throw new Error('saved refused')
  }
}

export class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      title: this.string(''),
      author: this.belongsTo(User, 'userId'),
    }
  }

  declare id: number | string
  declare userId: number | string | null
  declare title: string
}

export class Phone extends Model {
  static override entity = 'phones'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), number: this.string('') }
  }

  declare id: number
  declare userId: number | string | null
  declare number: string
}

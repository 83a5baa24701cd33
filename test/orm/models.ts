// Models shared by the core's tests: the one-to-one pair of the documentation plus one-to-many.
import { Model } from '../../src/runtime/orm'

export class User extends Model {
  static override entity = 'users'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      email: this.string(''),
      phone: this.hasOne(Phone, 'userId'),
      posts: this.hasMany(() => Post, 'userId'),
    }
  }
}

export class Phone extends Model {
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

export class Post extends Model {
  static override entity = 'posts'

  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      title: this.string(''),
      published: this.boolean(false),
      author: this.belongsTo('users', 'userId'),
    }
  }
}

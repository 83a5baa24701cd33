// A user has one phone (the one-to-one of the documentation) and many posts.
export default class User extends Model {
  static override entity = 'users'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      email: this.string(''),
      phone: this.hasOne(Phone, 'userId'),
      posts: this.hasMany(Post, 'userId'),
    }
  }
}

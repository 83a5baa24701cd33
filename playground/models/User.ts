// A user has one phone (the one-to-one of the documentation), many posts, and many roles through
// RoleUser pivot records (the many-to-many).
export default class User extends Model {
  static override entity = 'users'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      email: this.string(''),
      phone: this.hasOne(Phone, 'userId'),
      posts: this.hasMany(Post, 'userId'),
      roles: this.belongsToMany(Role, RoleUser, 'userId', 'roleId'),
    }
  }
}

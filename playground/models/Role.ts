// A role is held by many users, and a user holds many roles: the many-to-many of the
// documentation, through RoleUser pivot records.
export default class Role extends Model {
  static override entity = 'roles'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      users: this.belongsToMany(User, RoleUser, 'roleId', 'userId'),
    }
  }
}

// The pivot between users and roles: one record per link, keyed by both sides, with the level at
// which the user holds the role. Loaded relations carry it under `pivot`.
export default class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey = ['roleId', 'userId']

  static override fields() {
    return {
      roleId: this.attr(null),
      userId: this.attr(null),
      level: this.string('member'),
    }
  }
}

export default class Phone extends Model {
  static entity = 'phones'

  static fields() {
    return {
      id: this.uid(),
      userId: this.attr(null),
      number: this.string(''),
      user: this.belongsTo(User, 'userId'),
    }
  }
}

export default class Phone extends Model {
  static override entity = 'phones'

  static override fields() {
    return {
      id: this.uid(),
      userId: this.attr(null),
      number: this.string(''),
      user: this.belongsTo(User, 'userId'),
    }
  }
}

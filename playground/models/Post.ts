export default class Post extends Model {
  static override entity = 'posts'

  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      title: this.string(''),
      author: this.belongsTo(User, 'userId'),
    }
  }
}

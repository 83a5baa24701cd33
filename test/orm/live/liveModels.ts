// Models of the live query tests: users with a phone (hasOne) and posts (hasMany), posts with
// their author (belongsTo), and tags keyed by strings (store order is not numeric for them).
import { Model } from '../../../src/runtime/orm'

export class LiveUser extends Model {
  static override entity = 'liveUsers'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      age: this.number(0),
      active: this.boolean(false),
      phone: this.hasOne(LivePhone, 'userId'),
      posts: this.hasMany(() => LivePost, 'userId'),
    }
  }

  declare id: number
  declare name: string
  declare age: number
  declare active: boolean
  declare phone: LivePhone | null
  declare posts: LivePost[]
}

export class LivePhone extends Model {
  static override entity = 'livePhones'

  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      number: this.string(''),
    }
  }

  declare id: number
  declare userId: number | null
  declare number: string
}

export class LivePost extends Model {
  static override entity = 'livePosts'

  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      title: this.string(''),
      author: this.belongsTo(LiveUser, 'userId'),
    }
  }

  declare id: number
  declare userId: number | null
  declare title: string
  declare author: LiveUser | null
}

export class LiveTag extends Model {
  static override entity = 'liveTags'

  static override fields() {
    return {
      id: this.attr(null),
      label: this.string(''),
    }
  }

  declare id: string
  declare label: string
}

export const liveModels = [LiveUser, LivePhone, LivePost, LiveTag]

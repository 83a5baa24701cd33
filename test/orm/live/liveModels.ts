// Models of the live query tests: users with a phone (hasOne) and posts (hasMany), posts with
// their author (belongsTo), and tags keyed by strings (store order is not numeric for them). The
// other relations: users' roles through a pivot (belongsToMany), images of users and posts
// (morphOne, morphMany, morphTo), users' tags by a list of keys (hasManyBy), and teams' posts
// through their members (hasManyThrough).
import { Model } from '../../../src/runtime/orm'

export class LiveUser extends Model {
  static override entity = 'liveUsers'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      age: this.number(0),
      active: this.boolean(false),
      teamId: this.attr(null),
      tagIds: this.attr(null),
      phone: this.hasOne(LivePhone, 'userId'),
      posts: this.hasMany(() => LivePost, 'userId'),
      roles: this.belongsToMany(() => LiveRole, () => LiveRoleUser, 'userId', 'roleId'),
      image: this.morphOne(() => LiveImage, 'imageableId', 'imageableType'),
      tags: this.hasManyBy(() => LiveTag, 'tagIds'),
    }
  }

  declare id: number
  declare name: string
  declare age: number
  declare active: boolean
  declare teamId: number | null
  declare tagIds: string[] | null
  declare phone: LivePhone | null
  declare posts: LivePost[]
  declare roles: (LiveRole & { pivot: LiveRoleUser })[]
  declare image: LiveImage | null
  declare tags: LiveTag[]
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
      images: this.morphMany(() => LiveImage, 'imageableId', 'imageableType'),
    }
  }

  declare id: number
  declare userId: number | null
  declare title: string
  declare author: LiveUser | null
  declare images: LiveImage[]
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

export class LiveRole extends Model {
  static override entity = 'liveRoles'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
    }
  }

  declare id: number
  declare name: string
}

export class LiveRoleUser extends Model {
  static override entity = 'liveRoleUsers'

  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      roleId: this.attr(null),
      level: this.number(0),
    }
  }

  declare id: number
  declare userId: number
  declare roleId: number
  declare level: number
}

export class LiveImage extends Model {
  static override entity = 'liveImages'

  static override fields() {
    return {
      id: this.attr(null),
      imageableId: this.attr(null),
      imageableType: this.attr(null),
      url: this.string(''),
      imageable: this.morphTo([LiveUser, LivePost], 'imageableId', 'imageableType'),
    }
  }

  declare id: number
  declare imageableId: number | null
  declare imageableType: string | null
  declare url: string
  declare imageable: LiveUser | LivePost | null
}

export class LiveTeam extends Model {
  static override entity = 'liveTeams'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      members: this.hasMany(LiveUser, 'teamId'),
      posts: this.hasManyThrough(LivePost, LiveUser, 'teamId', 'userId'),
    }
  }

  declare id: number
  declare name: string
  declare members: LiveUser[]
  declare posts: LivePost[]
}

export const liveModels = [LiveUser, LivePhone, LivePost, LiveTag, LiveRole, LiveRoleUser, LiveImage, LiveTeam]

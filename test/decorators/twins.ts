// The `static fields()` form of the models in models.ts, as pinia-orm's documentation writes them.
import { Model } from '../../src/runtime/orm'

export class TwinUser extends Model {
  static override entity = 'twin_users'

  static override fields() {
    return {
      id: this.attr(null),
      name: this.string(''),
      age: this.number(0),
      active: this.boolean(false),
      phone: this.hasOne(() => TwinPhone, 'userId'),
      posts: this.hasMany(() => TwinPost, 'userId'),
    }
  }

  declare id: number | null
  declare name: string
  declare age: number
  declare active: boolean
  declare phone: TwinPhone | null
  declare posts: TwinPost[]

  get label(): string {
    return `${this.name} (${this.age})`
  }
}

export class TwinPost extends Model {
  static override entity = 'twin_posts'

  static override fields() {
    return {
      id: this.uid(),
      userId: this.attr(null),
      title: this.string(''),
      author: this.belongsTo(() => TwinUser, 'userId'),
    }
  }
}

export class TwinPhone extends Model {
  static override entity = 'twin_phones'

  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
      number: this.string(''),
      user: this.belongsTo(() => TwinUser, 'userId'),
    }
  }
}

export class TwinRole extends Model {
  static override entity = 'twin_roles'
  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

export class TwinRoleUser extends Model {
  static override entity = 'twin_role_user'
  static override primaryKey = ['userId', 'roleId']
  static override fields() {
    return { userId: this.attr(null), roleId: this.attr(null), level: this.string('') }
  }
}

export class TwinMember extends Model {
  static override entity = 'twin_members'
  static override fields() {
    return {
      id: this.attr(null),
      roles: this.belongsToMany(() => TwinRole, () => TwinRoleUser, 'userId', 'roleId'),
      notes: this.morphMany(() => TwinNote, 'notableId', 'notableType'),
    }
  }
}

export class TwinNote extends Model {
  static override entity = 'twin_notes'
  static override fields() {
    return {
      id: this.attr(null),
      notableId: this.attr(null),
      notableType: this.attr(null),
      body: this.string(''),
      notable: this.morphTo([() => TwinMember], 'notableId', 'notableType'),
    }
  }
}

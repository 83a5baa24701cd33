// Decorated models, compiled once per decorator mode (see compile.ts), and their `static fields()`
// twins in twins.ts: both must give the same stored records and query results.
import { CastAttribute, Model, StringCast } from '../../src/runtime/orm'
import { Attr, BelongsTo, BelongsToMany, Bool, Cast, HasMany, HasOne, Hidden, MorphMany, MorphTo, Mutate, Num, Str, Uid } from '../../src/runtime/orm/decorators'

export class DecoratedUser extends Model {
  static override entity = 'decorated_users'

  @Attr(null) id!: number | null
  @Str('') name!: string
  @Num(0) age!: number
  @Bool(false) active!: boolean
  @HasOne(() => DecoratedPhone, 'userId') phone!: DecoratedPhone | null
  @HasMany(() => DecoratedPost, 'userId') posts!: DecoratedPost[]

  get label(): string {
    return `${this.name} (${this.age})`
  }
}

export class DecoratedPost extends Model {
  static override entity = 'decorated_posts'

  @Uid() id!: string
  @Attr(null) userId!: number | null
  @Str('') title!: string
  @BelongsTo(() => DecoratedUser, 'userId') author!: DecoratedUser | null
}

/** Decorated fields and `static fields()` in one class. */
export class DecoratedPhone extends Model {
  static override entity = 'decorated_phones'

  static override fields() {
    return {
      id: this.attr(null),
      userId: this.attr(null),
    }
  }

  declare id: number | null
  declare userId: number | null
  @Str('') number!: string
  @BelongsTo(() => DecoratedUser, 'userId') user!: DecoratedUser | null
}

/** A custom cast: instances see the stored string in upper case; the store keeps it as given. */
export class UpperCast extends CastAttribute<string> {
  override get(value: unknown): string {
    return typeof value === 'string' ? value.toUpperCase() : value as string
  }

  override set(value: unknown): unknown {
    return value
  }
}
export const upper = (value: string) => value.toUpperCase()
export const trim = (value: string) => value.trim()

/** `@Cast`, `@Mutate` and `@Hidden` beside hand-written statics of the same kind. */
export class DecoratedAccount extends Model {
  static override entity = 'decorated_accounts'
  static override hidden = ['password']

  static override casts() {
    return { nickname: StringCast }
  }

  @Attr(null) id!: number | null
  @Str('') password!: string
  @Hidden() @Str('') token!: string
  @Cast(() => UpperCast) @Str('') code!: string
  @Mutate(upper, trim) @Str('') name!: string
  @Mutate(upper) @Str('') nickname!: string
}

/** A subclass adds its own decorated fields and statics; the parent's stay as they were. */
export class DecoratedAdmin extends DecoratedAccount {
  static override entity = 'decorated_admins'

  @Hidden() @Num(0) level!: number
  @Cast(() => StringCast) @Str('') role!: string
}

/** Many-to-many and polymorphic relations declared by decorators (twins in twins.ts). */
export class DecoratedRole extends Model {
  static override entity = 'decorated_roles'
  @Attr(null) id!: number | null
  @Str('') name!: string
}

export class DecoratedRoleUser extends Model {
  static override entity = 'decorated_role_user'
  static override primaryKey = ['userId', 'roleId']
  @Attr(null) userId!: number | null
  @Attr(null) roleId!: number | null
  @Str('') level!: string
}

export class DecoratedMember extends Model {
  static override entity = 'decorated_members'
  @Attr(null) id!: number | null
  @BelongsToMany(() => DecoratedRole, () => DecoratedRoleUser, 'userId', 'roleId') roles!: DecoratedRole[]
  @MorphMany(() => DecoratedNote, 'notableId', 'notableType') notes!: DecoratedNote[]
}

export class DecoratedNote extends Model {
  static override entity = 'decorated_notes'
  @Attr(null) id!: number | null
  @Attr(null) notableId!: number | null
  @Attr(null) notableType!: string | null
  @Str('') body!: string
  @MorphTo([() => DecoratedMember], 'notableId', 'notableType') notable!: DecoratedMember | null
}

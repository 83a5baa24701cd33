/**
 * pinia-orm's `pinia-orm/nanoid`, as `nuxt-pinia-orm/nanoid`: an id cast and its decorator that
 * generate nanoid-style ids (21 URL-safe characters by default) with `crypto.getRandomValues`, the
 * same generator as `this.uid({ size, alphabet })`. No `nanoid` package is needed.
 *
 * ```ts
 * import { Uid, UidCast } from 'nuxt-pinia-orm/nanoid'
 *
 * class User extends Model {
 *   static entity = 'users'
 *   static fields() { return { id: this.uid(), name: this.string('') } }
 *   static casts() { return { id: UidCast.withParameters({ size: 10 }) } }
 * }
 * class Post extends Model {
 *   static entity = 'posts'
 *   @Uid({ alphabet: '0123456789abcdef' }) declare id: string
 * }
 * ```
 */
import { _IdCast } from '../casts/idCast'
import { _idCastDecorator } from '../decorators/idCastDecorator'
import type { PropertyDecorator } from '../decorators/propertyDecorator'
import { createOrmError } from '../errors'
import { generateUid } from '../uid'
import type { UidOptions } from '../uid'

/** The parameters of the nanoid `UidCast` and the options of its `@Uid()`, as pinia-orm names them. */
export type NanoidOptions = UidOptions

const DEFAULT_SIZE = 21

/**
 * A cast that keeps a given id and generates one for a record without (`null` or missing): `size`
 * characters (default 21) of `alphabet` (default `A-Z a-z 0-9 _ -`), each drawn uniformly.
 * Parameters: `UidCast.withParameters({ size, alphabet })`.
 */
export class UidCast extends _IdCast {
  readonly #options: { size: number, alphabet?: string }

  constructor() {
    super()
    this.#options = nanoidOptions(this.getParameters(), 'UidCast.withParameters')
  }

  protected override generate(): string {
    return generateUid(this.#options)
  }
}

/** `@Uid(options?)`: declares the field with `this.uid()` and the nanoid {@link UidCast}. */
export const Uid: (options?: NanoidOptions) => PropertyDecorator = _idCastDecorator<NanoidOptions>(UidCast)

/** The options checked, with the default size. */
function nanoidOptions(parameters: Record<string, unknown>, where: string): { size: number, alphabet?: string } {
  const { size = DEFAULT_SIZE, alphabet, ...others } = parameters
  const unknown = Object.keys(others)
  if (unknown.length > 0)
    throw createOrmError(`${where}() of nuxt-pinia-orm/nanoid got ${unknown.map(key => `'${key}'`).join(', ')}, which it does not take. Its options are size and alphabet.`)
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1)
    throw createOrmError(`${where}({ size }) of nuxt-pinia-orm/nanoid needs a positive whole number, not ${String(size)}.`)
  if (alphabet !== undefined && (typeof alphabet !== 'string' || [...alphabet].length < 2 || [...alphabet].length > 256))
    throw createOrmError(`${where}({ alphabet }) of nuxt-pinia-orm/nanoid needs a string of 2 to 256 characters, not ${typeof alphabet === 'string' ? `'${alphabet}'` : String(alphabet)}.`)
  return alphabet === undefined ? { size } : { size, alphabet }
}

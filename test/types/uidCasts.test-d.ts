// Type tests of the id cast packages: their casts fit `static casts()`, their decorators take the
// options of their generator.
import { describe, expectTypeOf, it } from 'vitest'
import { Model } from '../../src/runtime/orm'
import type { CastClass, Casts } from '../../src/runtime/orm'
import type { PropertyDecorator } from '../../src/runtime/orm/decorators'
import { Uid as NanoidUid, UidCast as NanoidCast } from '../../src/runtime/orm/nanoid'
import { Uid as V1Uid, UidCast as V1Cast } from '../../src/runtime/orm/uuid/v1'
import { Uid as V4Uid, UidCast as V4Cast } from '../../src/runtime/orm/uuid/v4'

describe('id casts', () => {
  it('are cast classes for static casts(), with or without parameters', () => {
    class User extends Model {
      static override entity = 'users'
      static override fields() {
        return { id: this.attr(''), token: this.uid(), stamp: this.attr(null) }
      }

      static override casts(): Casts {
        return { id: NanoidCast.withParameters({ size: 10 }), token: V4Cast, stamp: V1Cast }
      }
    }
    expectTypeOf(NanoidCast).toExtend<CastClass<string>>()
    expectTypeOf(User.casts()).toEqualTypeOf<Casts>()
  })

  it('have decorators that take their generator\'s options', () => {
    expectTypeOf(NanoidUid({ size: 8, alphabet: 'abc' })).toEqualTypeOf<PropertyDecorator>()
    expectTypeOf(V1Uid({ node: [1, 2, 3, 4, 5, 6], clockseq: 1 })).toEqualTypeOf<PropertyDecorator>()
    expectTypeOf(V4Uid()).toEqualTypeOf<PropertyDecorator>()
    // @ts-expect-error a size is a number
    NanoidUid({ size: '8' })
    // @ts-expect-error uuid v1 options are node, clockseq, msecs and nsecs
    V1Uid({ random: [] })
  })
})

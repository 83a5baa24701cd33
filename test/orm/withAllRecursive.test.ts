// withAllRecursive(depth = 3) loads depth + 1 levels of relations, as pinia-orm 1.10 does (checked
// against it on this very chain: A -> B -> C -> D -> E -> F, one hasOne each).
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'

class F extends Model {
  static override entity = 'f'
  static override fields() {
    return { id: this.attr(null), eId: this.attr(null) }
  }
}

class E extends Model {
  static override entity = 'e'
  static override fields() {
    return { id: this.attr(null), dId: this.attr(null), f: this.hasOne(F, 'eId') }
  }
}

class D extends Model {
  static override entity = 'd'
  static override fields() {
    return { id: this.attr(null), cId: this.attr(null), e: this.hasOne(E, 'dId') }
  }
}

class C extends Model {
  static override entity = 'c'
  static override fields() {
    return { id: this.attr(null), bId: this.attr(null), d: this.hasOne(D, 'cId') }
  }
}

class B extends Model {
  static override entity = 'b'
  static override fields() {
    return { id: this.attr(null), aId: this.attr(null), c: this.hasOne(C, 'bId') }
  }
}

class A extends Model {
  static override entity = 'a'
  static override fields() {
    return { id: this.attr(null), b: this.hasOne(B, 'aId') }
  }
}

let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
  useRepo(A, pinia).save({ id: 1, b: { id: 2, c: { id: 3, d: { id: 4, e: { id: 5, f: { id: 6 } } } } } })
})

const plain = (value: unknown) => JSON.parse(JSON.stringify(value))

describe('withAllRecursive(depth)', () => {
  it('withAllRecursive(0) loads one level, as withAll()', () => {
    expect(plain(useRepo(A, pinia).withAllRecursive(0).first())).toEqual({ id: 1, b: { id: 2, aId: 1 } })
  })

  it('withAllRecursive(1) loads two levels', () => {
    expect(plain(useRepo(A, pinia).withAllRecursive(1).first())).toEqual({ id: 1, b: { id: 2, aId: 1, c: { id: 3, bId: 2 } } })
  })

  it('withAllRecursive() loads four levels (depth 3), leaving the fifth out', () => {
    expect(plain(useRepo(A, pinia).withAllRecursive().first())).toEqual({ id: 1, b: { id: 2, aId: 1, c: { id: 3, bId: 2, d: { id: 4, cId: 3, e: { id: 5, dId: 4 } } } } })
  })

  it('withAllRecursive(4) reaches the fifth level', () => {
    expect(plain(useRepo(A, pinia).query().withAllRecursive(4).first())).toEqual({ id: 1, b: { id: 2, aId: 1, c: { id: 3, bId: 2, d: { id: 4, cId: 3, e: { id: 5, dId: 4, f: { id: 6, eId: 5 } } } } } })
  })
})

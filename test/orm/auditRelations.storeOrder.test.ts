// _inStoreOrder: the order pivot relations list their related records in, the store's.
import { describe, expect, it } from 'vitest'
import { _inStoreOrder } from '../../src/runtime/orm/relations/storeOrder'

function order(ids: string[]) {
  const pivots = ids.map(id => `p${id}`)
  _inStoreOrder(ids, pivots)
  return { ids, pivots }
}

describe('_inStoreOrder', () => {
  it('puts array-index keys first, ascending, each with its pivot', () => {
    expect(order(['10', 'x', '2', '0'])).toEqual({ ids: ['0', '2', '10', 'x'], pivots: ['p0', 'p2', 'p10', 'px'] })
  })

  it('keeps other keys in the order they came, also keys that only look like numbers', () => {
    expect(order(['b', '01', 'a', '-1', '1.5', '4294967295', '4294967294'])).toEqual({
      ids: ['4294967294', 'b', '01', 'a', '-1', '1.5', '4294967295'],
      pivots: ['p4294967294', 'pb', 'p01', 'pa', 'p-1', 'p1.5', 'p4294967295'],
    })
  })

  it('orders as a plain object orders its own keys', () => {
    const ids = ['z', '3', '', '12', 'é', '0', '7', 'a1']
    const store: Record<string, true> = {}
    for (const id of ids)
      store[id] = true
    expect(order([...ids]).ids).toEqual(Object.keys(store))
  })

  it('keeps one key given twice in place, and leaves a list in order as it is', () => {
    expect(order(['2', '1', '2'])).toEqual({ ids: ['1', '2', '2'], pivots: ['p1', 'p2', 'p2'] })
    const ids = ['1', '5', 'a']
    const pivots = ['q', 'r', 's']
    _inStoreOrder(ids, pivots)
    expect(pivots).toEqual(['q', 'r', 's'])
  })
})

describe('_inStoreOrder of a long list', () => {
  it('orders more than eight keys as a plain object orders them, each with its pivot', () => {
    const ids = ['q', '30', '4', 'b', '17', '0', 'a', '9', '22', '5', 'c', '1']
    const store: Record<string, true> = {}
    for (const id of ids)
      store[id] = true
    const { ids: ordered, pivots } = order([...ids])
    expect(ordered).toEqual(Object.keys(store))
    expect(pivots).toEqual(ordered.map(id => `p${id}`))
  })
})

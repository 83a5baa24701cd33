import { describe, expect, it } from 'vitest'
import { sortedIndex, StorageOrder } from '../../../src/runtime/orm/live/storageOrder'

describe('StorageOrder', () => {
  it('orders ids as Object.keys() lists them: integer-like ids ascending, then the others as added', () => {
    const data: Record<string, { id: string }> = {}
    for (const id of ['b', '10', 'a', '2', '007', 'zz'])
      data[id] = { id }
    const order = new StorageOrder(data)
    expect(['zz', 'a', '2', 'b', '007', '10'].sort((x, y) => order.compare(x, y))).toEqual(Object.keys(data))
  })

  it('puts an id added later after every other non-integer id, and again last when re-added', () => {
    const data: Record<string, { id: string }> = { b: { id: 'b' }, a: { id: 'a' } }
    const order = new StorageOrder(data)
    order.add('c')
    order.add('1')
    expect(['c', '1', 'a', 'b'].sort((x, y) => order.compare(x, y))).toEqual(['1', 'b', 'a', 'c'])
    order.remove('b')
    order.add('b')
    expect(['c', '1', 'a', 'b'].sort((x, y) => order.compare(x, y))).toEqual(['1', 'a', 'c', 'b'])
  })
})

describe('sortedIndex', () => {
  const compare = (a: number, b: number) => a - b

  it('gives where a value goes in a sorted list, and where it is when the list holds it', () => {
    expect(sortedIndex([], 5, compare)).toBe(0)
    expect(sortedIndex([1, 3, 5, 7], 4, compare)).toBe(2)
    expect(sortedIndex([1, 3, 5, 7], 5, compare)).toBe(2)
    expect(sortedIndex([1, 3, 5, 7], 0, compare)).toBe(0)
    expect(sortedIndex([1, 3, 5, 7], 9, compare)).toBe(4)
  })
})

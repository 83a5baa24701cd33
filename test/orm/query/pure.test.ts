// The pure building blocks of the query features, one describe per file of src/runtime/orm/query.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregate } from '../../../src/runtime/orm/query/aggregates'
import { parseKeyString } from '../../../src/runtime/orm/query/compositeKey'
import { EntityCounts } from '../../../src/runtime/orm/query/entityCounts'
import { groupItems } from '../../../src/runtime/orm/query/groupBy'
import { compareOrdered, orderPairs, stringCompare } from '../../../src/runtime/orm/query/orderBy'
import { pageWindow, paginated } from '../../../src/runtime/orm/query/paginate'
import { QueryCache, describeQuery } from '../../../src/runtime/orm/query/queryCache'
import { likeMatcher } from '../../../src/runtime/orm/query/whereLike'

describe('likeMatcher', () => {
  it('% matches any run of characters, none included', () => {
    const match = likeMatcher('%john%')
    expect(['john', 'Big John Doe', 'JOHN'].map(match)).toEqual([true, true, true])
    expect(match('jon')).toBe(false)
  })

  it('_ matches exactly one character', () => {
    const match = likeMatcher('J_hn Doe')
    expect(['John Doe', 'Jahn Doe', 'Jhn Doe', 'Joohn Doe'].map(match)).toEqual([true, true, false, false])
  })

  it('is case-sensitive only when asked', () => {
    expect(likeMatcher('John%', true)('john smith')).toBe(false)
    expect(likeMatcher('John%', true)('John smith')).toBe(true)
  })

  it('treats regular expression characters as themselves', () => {
    expect(likeMatcher('a.b(c)*')('a.b(c)*')).toBe(true)
    expect(likeMatcher('a.b')('axb')).toBe(false)
  })

  it('matches numbers by their text and nothing that is not a string or number', () => {
    expect(likeMatcher('4%')(42)).toBe(true)
    expect(likeMatcher('%')(null)).toBe(false)
  })
})

describe('groupItems', () => {
  const items = [{ a: 1, b: 'x' }, { a: 2, b: 'y' }, { a: 1, b: 'y' }]

  it('keys groups by the value of one field, in order of first appearance', () => {
    expect(groupItems(items, ['a'])).toEqual({ 1: [items[0], items[2]], 2: [items[1]] })
  })

  it('keys groups by [a,b] for several fields', () => {
    expect(groupItems(items, ['a', 'b'])).toEqual({ '[1,x]': [items[0]], '[2,y]': [items[1]], '[1,y]': [items[2]] })
  })

  it('puts every item in exactly one group', () => {
    fc.assert(fc.property(fc.array(fc.record({ a: fc.integer({ min: 0, max: 3 }) })), (list) => {
      const groups = groupItems(list, ['a'])
      expect(Object.values(groups).flat()).toHaveLength(list.length)
    }))
  })
})

describe('aggregate', () => {
  const records = [{ n: 3 }, { n: null }, { n: -1 }, {}]

  it('sums, skipping null and missing values; the sum of nothing is 0', () => {
    expect(aggregate(records, 'sum', 'M', 'n')).toBe(2)
    expect(aggregate([], 'sum', 'M', 'n')).toBe(0)
  })

  it('finds the minimum and maximum, null when there is nothing', () => {
    expect(aggregate(records, 'min', 'M', 'n')).toBe(-1)
    expect(aggregate(records, 'max', 'M', 'n')).toBe(3)
    expect(aggregate([], 'max', 'M', 'n')).toBeNull()
  })

  it('refuses a value that is not a number, naming the model and field', () => {
    expect(() => aggregate([{ n: '3' }], 'sum', 'User', 'n')).toThrow(/sum\('n'\) on User met a value that is not a number \("3"\)/)
  })
})

describe('orderBy helpers', () => {
  it('puts null, then undefined, after every value, as pinia-orm, and compares the rest with <', () => {
    expect([3, null, 1, undefined, 2].sort((a, b) => compareOrdered(a, b))).toEqual([1, 2, 3, null, undefined])
    expect(compareOrdered(null, undefined)).toBeLessThan(0)
    expect(compareOrdered(undefined, null)).toBeGreaterThan(0)
    expect(compareOrdered(undefined, 0)).toBeGreaterThan(0)
  })

  it('orders a field of mixed types by type: numbers, strings, booleans, dates, then null', () => {
    // The case pinia-orm 1.10.2 sorts the same way (checked by running it), by another rule.
    const values = [5, 'abc', true, 20, false, null, 'X']
    expect([...values].sort((a, b) => compareOrdered(a, b))).toEqual([5, 20, 'X', 'abc', false, true, null])
    expect([2, '9', 10, '10'].sort((a, b) => compareOrdered(a, b))).toEqual([2, 10, '10', '9'])
    expect([new Date(20), 'a', new Date(10), Number.NaN, 1].sort((a, b) => compareOrdered(a, b))).toEqual([1, Number.NaN, 'a', new Date(10), new Date(20)])
    expect(compareOrdered(Symbol('a'), Symbol('b'))).toBe(0)
  })

  it('is a total order: any field\'s values sort the same whatever order they come in', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom('9', '10', 'a', 'B', '', ' 1'), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(Number.NaN), fc.integer({ min: 0, max: 3 }).map(n => new Date(n)), fc.bigInt({ min: -2n, max: 2n }))
    const key = (item: unknown) => item instanceof Date ? `date ${item.getTime()}` : typeof item === 'bigint' ? `${item}n` : `${typeof item} ${String(item)}`
    fc.assert(fc.property(fc.array(value, { maxLength: 12 }), fc.func(fc.integer()), (values, shuffle) => {
      const sorted = [...values].sort((a, b) => compareOrdered(a, b))
      const shuffled = values.map((item, i) => [shuffle(i), item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item)
      const again = shuffled.sort((a, b) => compareOrdered(a, b))
      // Equal values may be two of one number and bigint (1 and 1n): compare by their order only.
      for (let i = 0; i < sorted.length; i++)
        expect(compareOrdered(sorted[i], again[i])).toBe(0)
      // And each step of the sorted list goes up or stays.
      for (let i = 1; i < sorted.length; i++)
        expect(compareOrdered(sorted[i - 1], sorted[i]), `${key(sorted[i - 1])} before ${key(sorted[i])}`).toBeLessThanOrEqual(0)
    }), { numRuns: 300 })
  })

  it('compares strings with a collator when given one', () => {
    const numeric = stringCompare('Item', { collator: { numeric: true } })
    expect(['item 10', 'item 2'].sort((a, b) => compareOrdered(a, b, numeric))).toEqual(['item 2', 'item 10'])
    expect(['item 10', 'item 2'].sort((a, b) => compareOrdered(a, b))).toEqual(['item 10', 'item 2'])
  })

  it('uses an Intl.Collator as it is', () => {
    const collator = new Intl.Collator('de')
    expect(stringCompare('Item', { collator })).toBe(collator.compare)
    expect(stringCompare('Item', undefined)).toBeUndefined()
    // Given as the options themselves, as pinia-orm 2 takes it.
    expect(stringCompare('Item', collator)).toBe(collator.compare)
  })

  it('refuses options it does not know, naming them, rather than sort without them', () => {
    expect(() => stringCompare('Item', { colator: { numeric: true } } as never)).toThrow('[nuxt-pinia-orm] orderBy() on Item: the option \'colator\' is not known. The options are: collator (an Intl.Collator or its options), locale.')
    expect(() => stringCompare('Item', 'lt' as never)).toThrow('orderBy() on Item takes options as an object ({ collator, locale }) or an Intl.Collator, not string.')
  })

  it('gives a lone field the default direction', () => {
    expect(orderPairs(['name', ['age', 'desc']], 'asc')).toEqual([['name', 'asc'], ['age', 'desc']])
  })
})

describe('pagination helpers', () => {
  it('turns a page into an offset and a limit', () => {
    expect(pageWindow('User', 3, 20)).toEqual({ skip: 40, take: 20 })
  })

  it('refuses pages and sizes below 1 or not whole, naming the argument', () => {
    expect(() => pageWindow('User', 0, 20)).toThrow(/paginate\(\) on User: page must be a whole number from 1, got 0/)
    expect(() => pageWindow('User', 1, 2.5)).toThrow(/perPage must be a whole number from 1, got 2.5/)
  })

  it('computes the last page, 1 when there is nothing', () => {
    expect(paginated([], 0, 1, 20).lastPage).toBe(1)
    expect(paginated([], 41, 1, 20).lastPage).toBe(3)
    expect(paginated([], 40, 1, 20).lastPage).toBe(2)
  })
})

describe('parseKeyString', () => {
  it('reads pinia-orm\'s JSON form of a composite key', () => {
    expect(parseKeyString('[1,3]')).toEqual([1, 3])
    expect(parseKeyString('["a",2]')).toEqual(['a', 2])
  })

  it('gives undefined for anything else', () => {
    expect(parseKeyString('1')).toBeUndefined()
    expect(parseKeyString('[1,')).toBeUndefined()
    expect(parseKeyString(1)).toBeUndefined()
  })
})

describe('EntityCounts', () => {
  it('follows writes into the counted object and recounts a replaced one', () => {
    const counts = new EntityCounts()
    const data: Record<string, Record<string, unknown>> = { 1: { id: 1 } }
    expect(counts.get('users', data)).toBe(1)
    counts.write('users', data, new Map([['2', { id: 2 }], ['1', undefined], ['9', undefined]]))
    data['2'] = { id: 2 }
    Reflect.deleteProperty(data, '1')
    expect(counts.get('users', data)).toBe(1)
    expect(counts.get('users', { a: {}, b: {} })).toBe(2)
  })

  it('matches a fresh count after any sequence of writes', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean())), (ops) => {
      const counts = new EntityCounts()
      const data: Record<string, Record<string, unknown>> = {}
      counts.get('e', data)
      for (const [id, set] of ops) {
        counts.write('e', data, new Map([[String(id), set ? { id } : undefined]]))
        if (set)
          data[id] = { id }
        else
          Reflect.deleteProperty(data, id)
      }
      expect(counts.get('e', data)).toBe(Object.keys(data).length)
    }))
  })
})

describe('QueryCache', () => {
  const source = () => {
    const versions = new Map<string, number>()
    const db = {
      _reads: undefined as Set<string> | undefined,
      _version: (entity: string) => versions.get(entity) ?? 0,
      read(entity: string) {
        db._reads?.add(entity)
      },
      bump(entity: string) {
        versions.set(entity, db._version(entity) + 1)
      },
    }
    return db
  }

  it('returns the cached result until an entity it read is written', () => {
    const db = source()
    const cache = new QueryCache(db)
    let runs = 0
    const run = () => {
      db.read('users')
      return ++runs
    }
    expect(cache._run('k', run)).toBe(1)
    expect(cache._run('k', run)).toBe(1)
    db.bump('posts')
    expect(cache._run('k', run)).toBe(1)
    db.bump('users')
    expect(cache._run('k', run)).toBe(2)
  })

  it('keeps at most its limit of results, dropping the oldest', () => {
    const cache = new QueryCache(source(), 2)
    cache._run('a', () => 1)
    cache._run('b', () => 2)
    cache._run('c', () => 3)
    expect(cache.size).toBe(2)
    expect(cache._run('a', () => 4)).toBe(4)
    cache.clear()
    expect(cache.size).toBe(0)
  })

  it('describes functions by identity, not by source', () => {
    const cache = new QueryCache(source())
    const f = () => true
    const g = () => true
    const idOf = (fn: object) => cache._idOf(fn)
    expect(describeQuery([f], idOf)).toBe(describeQuery([f], idOf))
    expect(describeQuery([f], idOf)).not.toBe(describeQuery([g], idOf))
  })
})

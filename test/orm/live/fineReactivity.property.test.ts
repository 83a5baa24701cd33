// Fine-grained dependencies never miss a change: after every write of a random sequence, computeds
// over reads (kept, not rebuilt) hold what the same read gives afresh.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { computed } from 'vue'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import { LivePhone, LivePost, LiveTag, LiveUser, liveModels } from './liveModels'
import { apply, write } from './liveWrites'

const READS: Record<string, (pinia: Pinia) => unknown> = {
  'find with hasOne and hasMany': pinia => useRepo(LiveUser, pinia).with('phone').with('posts').find(3),
  'find of several ids': pinia => useRepo(LiveUser, pinia).with('posts').find([2, 9, 4]),
  'where, orderBy, limit, with': pinia => useRepo(LiveUser, pinia).where('active', true).orderBy('name').orderBy('age', 'desc').limit(3).with('phone').get(),
  'orWhere and offset': pinia => useRepo(LiveUser, pinia).where('age', (age: number) => age < 20).orWhere('name', 'Bob').offset(1).get(),
  'first with belongsTo': pinia => useRepo(LivePost, pinia).where('title', 't2').with('author').first(),
  'belongsTo, nested hasOne': pinia => useRepo(LivePost, pinia).with('author.phone').orderBy('id').get(),
  'whereId with a where': pinia => useRepo(LiveUser, pinia).whereId([1, 5, 7]).where('active', true).get(),
  'all phones': pinia => useRepo(LivePhone, pinia).all(),
  'string ids': pinia => useRepo(LiveTag, pinia).where('label', 'p').get(),
  'relation query': pinia => useRepo(LiveUser, pinia).whereHas('posts', query => query.where('title', 't1')).get(),
}

const snapshot = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null))

/**
 * After every write of `steps`, each computed over a read of `reads` (made once, before the
 * writes, in a Pinia that `fill` prepared) holds what the same read gives afresh.
 */
function checkKeptReads(reads: Record<string, (pinia: Pinia) => unknown>, steps: Parameters<typeof apply>[1][], fill?: (pinia: Pinia) => void): void {
  const pinia = createPinia()
  registerModels(pinia, liveModels)
  fill?.(pinia)
  const kept = Object.entries(reads).map(([name, read]) => ({ name, read, value: computed(() => snapshot(read(pinia))) }))
  for (const { value } of kept)
    void value.value
  for (const step of steps) {
    apply(pinia, step)
    for (const { name, read, value } of kept)
      expect([name, value.value]).toEqual([name, snapshot(read(pinia))])
  }
}

describe('a computed over a read', () => {
  it('equals the same read made afresh after every write', () => {
    fc.assert(fc.property(fc.array(write, { maxLength: 40 }), steps => checkKeptReads(READS, steps)), { numRuns: 80 })
  })
})

// Reads of more than 128 records depend on the changes their filter matches (before or after),
// not on each record: the same check, over 150 more users that every read matches.
const MANY_READS: Record<string, (pinia: Pinia) => unknown> = {
  'where over many, orderBy': pinia => useRepo(LiveUser, pinia).where('active', true).orderBy('name').orderBy('id').get(),
  'orWhere over many, limit': pinia => useRepo(LiveUser, pinia).where('age', (age: number) => age > 19).orWhere('name', 'Bob').orderBy('id').limit(140).get(),
  'whereIn over many, with': pinia => useRepo(LiveUser, pinia).whereIn('age', [18, 20, 22]).with('phone').get(),
}

describe('a computed over a read of many records', () => {
  it('equals the same read made afresh after every write', () => {
    const fill = (pinia: Pinia) => useRepo(LiveUser, pinia).save(Array.from({ length: 150 }, (_, i) => ({ id: 101 + i, name: `u${i}`, age: 18 + (i % 5), active: true })))
    fc.assert(fc.property(fc.array(write, { maxLength: 40 }), steps => checkKeptReads(MANY_READS, steps, fill)), { numRuns: 40 })
  })
})

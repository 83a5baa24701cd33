// Issue 10's performance bar: a model with a date cast and a `saving` hook against the same model
// without them, on W1 (nested save of N users) and W2 (`with('phone').get()` of all users), in one
// process, alternating samples, cold (a fresh store per sample, a turn of the event loop and a full
// GC first), production builds of Vue and the core:
//   node bench/features.mjs [--n 10000] [--samples 15]
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runAsProductionChild } from './productionChild.mjs'

const BUNDLE = fileURLToPath(new URL('.build/orm-features.mjs', import.meta.url))

await runAsProductionChild(import.meta.url, BUNDLE)

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '10000' }, samples: { type: 'string', default: '15' } } })
const N = Number(args.n)
const SAMPLES = Number(args.samples)
const { createPinia } = await import('pinia')
const { Model, useRepo, DateCast } = await import(BUNDLE)

/** User and Phone models; with `features`, User has a date cast and a `saving` hook. */
function defineModels(features) {
  class Phone extends Model {
    static entity = 'phones'
    static fields() {
      return { id: this.attr(null), userId: this.attr(null), number: this.string('') }
    }
  }
  class User extends Model {
    static entity = 'users'
    static fields() {
      return { id: this.attr(null), name: this.string(''), joinedAt: this.attr(null), phone: this.hasOne(Phone, 'userId') }
    }
  }
  if (features) {
    User.casts = () => ({ joinedAt: DateCast })
    let saved = 0
    User.saving = () => {
      saved++
    }
    User.savedCount = () => saved
  }
  return { User, Phone }
}

const plainModels = defineModels(false)
const featureModels = defineModels(true)
const users = Array.from({ length: N }, (_, i) => ({ id: i + 1, name: `user ${i + 1}`, joinedAt: '2026-01-02T03:04:05.000Z', phone: { id: i + 1, number: `${i}` } }))
const turn = () => new Promise(resolve => setImmediate(resolve))
const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

async function sample(models, workload) {
  const pinia = createPinia()
  if (workload === 'W2')
    useRepo(models.User, pinia).save(users)
  await turn()
  globalThis.gc()
  const start = performance.now()
  if (workload === 'W1')
    useRepo(models.User, pinia).save(users)
  else
    useRepo(models.User, pinia).with('phone').get()
  return performance.now() - start
}

const rows = []
for (const workload of ['W1', 'W2']) {
  const times = { plain: [], features: [] }
  // One untimed run of each first (JIT), then alternating samples.
  await sample(plainModels, workload)
  await sample(featureModels, workload)
  for (let i = 0; i < SAMPLES; i++) {
    times.plain.push(await sample(plainModels, workload))
    times.features.push(await sample(featureModels, workload))
  }
  const plain = median(times.plain)
  const features = median(times.features)
  rows.push(`| ${workload} | ${N.toLocaleString('en-US')} | ${plain.toFixed(2)} ms | ${features.toFixed(2)} ms | ${(features / plain).toFixed(2)}× |`)
}
if (featureModels.User.savedCount() === 0)
  throw new Error('[bench] the saving hook never ran')
console.log('| workload | N | without | date cast + `saving` hook | ratio (target ≤ 2×) |\n| --- | ---: | ---: | ---: | ---: |')
console.log(rows.join('\n'))

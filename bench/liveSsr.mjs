// Server renders with live queries hold nothing after the request (issue 15):
//   node --expose-gc bench/liveSsr.mjs [--requests 10000]
// Each request gets its own Pinia, saves 100 users with phones, and renders a component that reads
// them through a live query and useLiveQuery. The heap in use after full GCs is printed after 1,000
// requests and at the end: it must not grow with the number of requests.
import { fileURLToPath } from 'node:url'
import { buildOrm, ORM_ENTRY } from './build.mjs'
import { defineLiveModels, makeLiveUsers } from './liveWorkloads.mjs'

process.env.NODE_ENV = 'production'
if (typeof globalThis.gc !== 'function')
  throw new Error('Run with node --expose-gc')
const at = process.argv.indexOf('--requests')
const requests = at === -1 ? 10_000 : Number(process.argv[at + 1])
const bundle = fileURLToPath(new URL('.build/orm-live-ssr.mjs', import.meta.url))
await buildOrm(ORM_ENTRY, bundle)
const { createSSRApp, defineComponent, h } = await import('vue')
const { renderToString } = await import('vue/server-renderer')
const { createPinia } = await import('pinia')
const { Model, useRepo, useLiveQuery } = await import(bundle)
const { User } = defineLiveModels(Model)
const input = makeLiveUsers(100)

async function render() {
  const pinia = createPinia()
  useRepo(User, pinia).save(input)
  const app = createSSRApp(defineComponent({
    setup() {
      const all = useRepo(User, pinia).with('phone').live()
      const active = useLiveQuery(() => useRepo(User, pinia).where('active', true).orderBy('name').limit(10))
      return () => h('main', [
        h('ul', all.value.map(user => h('li', { key: user.id }, `${user.name}: ${user.phone?.number}`))),
        h('ol', active.value.map(user => h('li', { key: user.id }, user.name))),
      ])
    },
  }))
  app.use(pinia)
  return (await renderToString(app)).length
}

function heapMb() {
  for (let i = 0; i < 3; i++) globalThis.gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

let bytes = 0
for (let i = 0; i < Math.min(1000, requests); i++) bytes += await render()
const early = heapMb()
for (let i = 1000; i < requests; i++) bytes += await render()
const late = heapMb()
console.log(`| requests | heap in use after GC |\n| ---: | ---: |\n| 1,000 | ${early.toFixed(1)} MB |\n| ${requests.toLocaleString('en-US')} | ${late.toFixed(1)} MB |`)
console.log(`(${(bytes / requests).toFixed(0)} bytes of HTML per request)`)

import { pathToFileURL } from 'node:url'
const bundle = process.argv[2]
const { Model, useRepo } = await import(pathToFileURL(bundle).href)
const { createPinia, setActivePinia } = await import('pinia')
class User extends Model { static entity = 'users'; static fields() { return { id: this.attr(null), name: this.string('') } } }
const refs = []
for (let r = 0; r < 5; r++) {
  const pinia = createPinia()
  if (process.argv[3] === 'repo') useRepo(User, pinia).save([{ id: 1 }])
  if (process.argv[3] === 'store') { const { defineStore } = await import('pinia'); defineStore('x', { state: () => ({ a: 1 }) })(pinia) }
  refs.push(new WeakRef(pinia))
}
await new Promise(r => setTimeout(r, 10)); globalThis.gc(); globalThis.gc()
console.log(process.argv[3], 'alive:', refs.filter(r => r.deref()).length)

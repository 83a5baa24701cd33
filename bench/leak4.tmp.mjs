import { pathToFileURL } from 'node:url'
const bundle = process.argv[2]
const { Model, useRepo } = await import(pathToFileURL(bundle).href)
const { createPinia, setActivePinia } = await import('pinia')
class User extends Model { static entity = 'users'; static fields() { return { id: this.attr(null), name: this.string(''), phone: this.hasOne(Phone, 'userId') } } }
class Phone extends Model { static entity = 'phones'; static fields() { return { id: this.attr(null), userId: this.attr(null), number: this.string(''), user: this.belongsTo(User, 'userId') } } }
const list = []; for (let i = 1; i <= 10000; i++) list.push({ id: i, name: 'u' + i, phone: { id: i, number: 'n' + i } })
const refs = []
for (let r = 0; r < 8; r++) {
  const pinia = createPinia(); setActivePinia(pinia)
  useRepo(User, pinia).save(list)
  refs.push(new WeakRef(pinia))
  globalThis.gc(); globalThis.gc()
  console.log(r, (process.memoryUsage().heapUsed / 1e6).toFixed(1), 'MB', 'alive', refs.filter(r => r.deref()).length)
}

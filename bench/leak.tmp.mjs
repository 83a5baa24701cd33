import { pathToFileURL } from 'node:url'
const bundle = process.argv[2]
const { Model, useRepo } = await import(pathToFileURL(bundle).href)
const { createPinia, setActivePinia } = await import('pinia')
class User extends Model { static entity = 'users'; static fields() { return { id: this.attr(null), name: this.string(''), phone: this.hasOne(Phone, 'userId') } } }
class Phone extends Model { static entity = 'phones'; static fields() { return { id: this.attr(null), userId: this.attr(null), number: this.string(''), user: this.belongsTo(User, 'userId') } } }
const list = []; for (let i = 1; i <= 10000; i++) list.push({ id: i, name: 'u' + i, phone: { id: i, number: 'n' + i } })
for (let r = 0; r < 8; r++) {
  const pinia = createPinia(); setActivePinia(pinia)
  useRepo(User, pinia).save(list)
  useRepo(Phone, pinia).with('user').get()
  useRepo(User, pinia).with('phone').find(5)
  if (process.argv[3] === 'tick') await new Promise(r => setTimeout(r, 1))
  globalThis.gc(); globalThis.gc()
  console.log(r, (process.memoryUsage().heapUsed / 1e6).toFixed(1), 'MB')
}

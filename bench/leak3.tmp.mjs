import { pathToFileURL } from 'node:url'
const bundle = process.argv[2]
const { Model, useRepo } = await import(pathToFileURL(bundle).href)
const { createPinia, setActivePinia } = await import('pinia')
class User extends Model { static entity = 'users'; static fields() { return { id: this.attr(null), name: this.string(''), phone: this.hasOne(Phone, 'userId') } } }
class Phone extends Model { static entity = 'phones'; static fields() { return { id: this.attr(null), userId: this.attr(null), number: this.string(''), user: this.belongsTo(User, 'userId') } } }
const list = []; for (let i = 1; i <= 1000; i++) list.push({ id: i, name: 'u' + i, phone: { id: i, number: 'n' + i } })
const refs = []
const steps = process.argv[3].split(',')
for (let r = 0; r < 5; r++) {
  const pinia = createPinia()
  if (steps.includes('active')) setActivePinia(pinia)
  if (steps.includes('save')) useRepo(User, pinia).save(list)
  if (steps.includes('savephone')) useRepo(Phone, pinia).save({ id: 1, userId: 1 })
  if (steps.includes('with')) useRepo(Phone, pinia).with('user').get()
  if (steps.includes('find')) useRepo(User, pinia).with('phone').find(5)
  refs.push(new WeakRef(pinia))
}
setActivePinia(undefined)
await new Promise(r => setTimeout(r, 10)); globalThis.gc(); globalThis.gc()
console.log(process.argv[3], 'alive:', refs.filter(r => r.deref()).length)

import { defineStore } from 'pinia'
import type { PageUser } from '../../../shared/users'

interface UserRecord { id: number, name: string, email: string }
interface PhoneRecord { id: number, userId: number, number: string }

// What a careful developer writes without an ORM: records keyed by id in the
// state, replaced as a whole on each save, and the join done in a getter. The
// records sit in shallowRefs, Vue's advice for large data replaced as a whole:
// reads then skip the deep reactive proxies (with plain `ref`s this page
// renders at less than half the rate).
export const useUsersStore = defineStore('users', () => {
  const users = shallowRef<Record<number, UserRecord>>({})
  const phones = shallowRef<Record<number, PhoneRecord>>({})

  function save(input: PageUser[]) {
    const nextUsers = { ...users.value }
    const nextPhones = { ...phones.value }
    for (const { phone, ...user } of input) {
      nextUsers[user.id] = user
      nextPhones[phone.id] = { ...phone, userId: user.id }
    }
    users.value = nextUsers
    phones.value = nextPhones
  }

  const usersWithPhone = computed(() => {
    const phoneByUser = new Map<number, PhoneRecord>()
    for (const phone of Object.values(phones.value)) phoneByUser.set(phone.userId, phone)
    return Object.values(users.value).map(user => ({ ...user, phone: phoneByUser.get(user.id) ?? null }))
  })

  return { users, phones, save, usersWithPhone }
})

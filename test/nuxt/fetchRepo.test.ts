import { registerEndpoint } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'

// Runs inside the `app` fixture, in the browser build of the app: useFetchRepo fetches in the
// browser here, as after client-side navigation.

let phoneNumber = '555-0001'
registerEndpoint('/api/nuxt-fetch-repo', () => [
  { id: 31, name: 'Ada', phone: { id: 131, number: phoneNumber } },
  { id: 32, name: 'Linus' },
])

describe('useFetchRepo in the browser', () => {
  it('fetches, saves into the repositories and returns the saved records with the requested relation', async () => {
    const { data, status, keys } = await useFetchRepo(User, '/api/nuxt-fetch-repo', { with: 'phone' })
    expect(status.value).toBe('success')
    expect(keys.value).toEqual([31, 32])
    expect(data.value.map(user => `${user.name}: ${user.phone?.number ?? 'no phone'}`)).toEqual(['Ada: 555-0001', 'Linus: no phone'])
    expect(useRepo(Phone).with('user').find(131)?.user?.name).toBe('Ada')
  })

  it('saves the new response on refresh(), and data follows saves made elsewhere', async () => {
    const { data, refresh } = await useFetchRepo(User, '/api/nuxt-fetch-repo', { with: 'phone', key: 'nuxt-fetch-repo-refresh' })
    phoneNumber = '555-0002'
    await refresh()
    expect(data.value[0]?.phone?.number).toBe('555-0002')
    useRepo(User).save({ id: 32, name: 'Linus Torvalds' })
    expect(data.value[1]?.name).toBe('Linus Torvalds')
  })

  it('refuses useFetch\'s pick and default options, which would apply to keys, not records', () => {
    expect(() => useFetchRepo(User, '/api/nuxt-fetch-repo', { pick: ['id'] } as never)).toThrow(
      '[nuxt-pinia-orm] useFetchRepo(User) does not take useFetch\'s `pick` option: its data is the saved records, which start empty. Load relations with `with`, and read what you need from `data`.',
    )
  })
})

import type { Pinia } from 'pinia'

// Remembers which records the browser found in the stores at hydration: those came from the
// server, in the payload. Records saved later in the browser are not in the set.
export default defineNuxtPlugin({
  name: 'playground-server-records',
  dependsOn: ['nuxt-pinia-orm'],
  setup(nuxtApp) {
    const hydrated = new Set<string>()
    if (import.meta.client) {
      const state = (nuxtApp.$pinia as Pinia).state.value as Record<string, { data?: Record<string, unknown> }>
      for (const entity of ['users', 'phones', 'posts', 'roles', 'roleUser']) {
        for (const id in state[entity]?.data ?? {})
          hydrated.add(`${entity}:${id}`)
      }
    }
    return {
      provide: {
        fromServer: (entity: string, id: unknown) => import.meta.server || hydrated.has(`${entity}:${String(id)}`),
      },
    }
  },
})

import type { Pinia } from 'pinia'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import { useNuxtApp } from '#imports'
import { DateCast as CoreDateCast, mapRepos as explicitMapRepos } from 'nuxt-pinia-orm/orm'
import { CastAttribute, DateCast } from 'nuxt-pinia-orm/casts'
import { UidCast as NanoidCast } from 'nuxt-pinia-orm/nanoid'
import { UidCast as NonSecureCast } from 'nuxt-pinia-orm/nanoid/non-secure'
import { UidCast as AsyncCast } from 'nuxt-pinia-orm/nanoid/async'
import { UidCast as V1Cast } from 'nuxt-pinia-orm/uuid/v1'
import { UidCast as V4Cast } from 'nuxt-pinia-orm/uuid/v4'

// mapRepos, pinia-orm's casts and id cast packages inside the `app` fixture: auto-imported, and imported
// by the subpaths a pinia-orm app switches to.

describe('pinia-orm compatibility exports in a Nuxt app', () => {
  it('auto-imports mapRepos, whose getters read the app\'s Pinia in an Options API component', async () => {
    expect(mapRepos).toBe(explicitMapRepos)
    const pinia = useNuxtApp().$pinia as Pinia
    useRepo(User, pinia).save({ id: 41, name: 'Mapped' })
    const component = await mountSuspended(defineComponent({
      computed: { ...mapRepos({ userRepo: User }) },
      render() {
        return h('p', this.userRepo.find(41)?.name ?? 'none')
      },
    }))
    expect(component.text()).toBe('Mapped')
    useRepo(User, pinia).destroy(41)
  })

  it('resolves nuxt-pinia-orm/casts to the core\'s casts', () => {
    expect(DateCast).toBe(CoreDateCast)
    expect(DateCast.prototype).toBeInstanceOf(CastAttribute)
  })

  it.each([
    ['nanoid', NanoidCast, /^[\w-]{21}$/],
    ['nanoid/non-secure', NonSecureCast, /^[\w-]{21}$/],
    ['nanoid/async', AsyncCast, /^[\w-]{21}$/],
    ['uuid/v1', V1Cast, /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    ['uuid/v4', V4Cast, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
  ] as const)('resolves nuxt-pinia-orm/%s, whose UidCast keys a record saved without an id', (path, cast, shape) => {
    class Ticket extends Model {
      static override entity = `tickets_${path}`
      static override fields() {
        return { id: this.attr(''), title: this.string('') }
      }

      static override casts() {
        return { id: cast }
      }
    }
    const pinia = createPinia()
    const saved = useRepo(Ticket, pinia).save({ title: 'a' })
    expect(saved.id).toMatch(shape)
    expect(useRepo(Ticket, pinia).find(saved.id as string)!.title).toBe('a')
  })
})

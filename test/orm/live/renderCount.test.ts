// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { computed, defineComponent, h, nextTick } from 'vue'
import type { PropType } from 'vue'
import { registerModels, useRepo } from '../../../src/runtime/orm'
import { LivePhone, LiveUser, liveModels } from './liveModels'

const ROWS = 1000

function renderList(read: 'live' | 'computed') {
  const pinia = createPinia()
  registerModels(pinia, liveModels)
  useRepo(LiveUser, pinia).save(Array.from({ length: ROWS }, (_, i) => ({ id: i + 1, name: `user ${i + 1}`, phone: { id: i + 1, number: `${i}` } })))
  let rowRenders = 0
  const Row = defineComponent({
    props: { user: { type: Object as PropType<LiveUser>, required: true } },
    setup(props) {
      return () => {
        rowRenders++
        return h('li', `${props.user.name}: ${props.user.phone?.number}`)
      }
    },
  })
  const List = defineComponent({
    setup() {
      const users = read === 'live'
        ? useRepo(LiveUser, pinia).with('phone').live()
        : computed(() => useRepo(LiveUser, pinia).with('phone').get())
      return () => h('ul', users.value.map(user => h(Row, { key: user.id, user })))
    },
  })
  const wrapper = mount(List)
  return { pinia, wrapper, rowRenders: () => rowRenders }
}

describe('1,000 rows of users with their phones, one component per row', () => {
  it('re-render one row when one phone is saved, with a live query', async () => {
    const { pinia, wrapper, rowRenders } = renderList('live')
    expect(rowRenders()).toBe(ROWS)

    useRepo(LivePhone, pinia).save({ id: 500, userId: 500, number: 'changed' })
    await nextTick()

    expect(rowRenders()).toBe(ROWS + 1)
    expect(wrapper.findAll('li')[499]!.text()).toBe('user 500: changed')
    wrapper.unmount()
  })

  it('re-render every row with a computed over get(), which makes new instances', async () => {
    const { pinia, wrapper, rowRenders } = renderList('computed')
    useRepo(LivePhone, pinia).save({ id: 500, userId: 500, number: 'changed' })
    await nextTick()

    expect(rowRenders()).toBe(2 * ROWS)
    expect(wrapper.findAll('li')[499]!.text()).toBe('user 500: changed')
    wrapper.unmount()
  })
})

describe('1,000 row components that each find their user with its phone', () => {
  it('re-render one row when one phone is saved, and none for a save of the same values', async () => {
    const pinia = createPinia()
    registerModels(pinia, liveModels)
    useRepo(LiveUser, pinia).save(Array.from({ length: ROWS }, (_, i) => ({ id: i + 1, name: `user ${i + 1}`, phone: { id: i + 1, number: `${i}` } })))
    let rowRenders = 0
    let listRenders = 0
    const Row = defineComponent({
      props: { id: { type: Number, required: true } },
      setup(props) {
        const user = computed(() => useRepo(LiveUser, pinia).with('phone').find(props.id))
        return () => {
          rowRenders++
          return h('li', `${user.value?.name}: ${user.value?.phone?.number}`)
        }
      },
    })
    const List = defineComponent({
      setup() {
        const ids = computed(() => useRepo(LiveUser, pinia).orderBy('id').get().map(user => user.id))
        return () => {
          listRenders++
          return h('ul', ids.value.map(id => h(Row, { key: id, id })))
        }
      },
    })
    const wrapper = mount(List)
    expect([listRenders, rowRenders]).toEqual([1, ROWS])

    useRepo(LivePhone, pinia).save({ id: 500, userId: 500, number: 'changed' })
    await nextTick()
    expect([listRenders, rowRenders]).toEqual([1, ROWS + 1])
    expect(wrapper.findAll('li')[499]!.text()).toBe('user 500: changed')

    useRepo(LivePhone, pinia).save({ id: 500, userId: 500, number: 'changed' })
    await nextTick()
    expect([listRenders, rowRenders]).toEqual([1, ROWS + 1])
    wrapper.unmount()
  })
})

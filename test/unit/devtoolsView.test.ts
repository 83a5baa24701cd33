// @vitest-environment happy-dom
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, registerModels, useRepo } from '../../src/runtime/orm'
import { createInspector } from '../../src/runtime/devtools/inspector'
import { mountDevtoolsView } from '../../src/runtime/devtools/view'
import { Phone, Post, User } from '../orm/models'

class Tag extends Model {
  static override entity = 'tags'
  static override fields() {
    return { id: this.attr(null), name: this.string('') }
  }
}

function mount() {
  document.body.innerHTML = '<div id="app"></div>'
  const pinia = createPinia()
  registerModels(pinia, [User, Phone, Post])
  const stop = mountDevtoolsView(document, createInspector(pinia, () => null))
  const text = (selector: string) => document.querySelector(selector)?.textContent
  const click = (selector: string) => (document.querySelector(selector) as HTMLElement).click()
  return { pinia, stop, text, click }
}

const flush = () => new Promise(resolve => setTimeout(resolve, 0))

describe('the DevTools view', () => {
  it('re-renders the counts after writes, and stops when unmounted', async () => {
    const { pinia, stop, text } = mount()
    expect(text('[data-test="entity-users"] [data-test="count"]')).toBe('0')
    useRepo(User, pinia).save({ id: 1, name: 'Ada' })
    await flush()
    expect(text('[data-test="entity-users"] [data-test="count"]')).toBe('1')
    stop()
    useRepo(User, pinia).save({ id: 2, name: 'Linus' })
    await flush()
    expect(text('[data-test="entity-users"] [data-test="count"]')).toBe('1')
  })

  it('opens an entity\'s records and follows a relation to the related record', async () => {
    const { pinia, text, click } = mount()
    useRepo(User, pinia).save({ id: 1, name: 'Ada', phone: { id: 10, number: '555' } })
    await flush()
    click('[data-test="entity-users"]')
    expect(text('[data-test="total"]')).toBe('1 record')
    click('[data-test="record-1"] a[data-goto-entity="phones"]')
    expect(text('[data-test="record-10"]')).toBe('10id: 10userId: 1number: "555"user: users 1')
  })

  it('listens to the store of a model registered after it was mounted', async () => {
    const { pinia, text } = mount()
    registerModels(pinia, [Tag])
    useRepo(User, pinia).save({ id: 1, name: 'Ada' })
    await flush()
    expect(text('[data-test="entity-tags"] [data-test="count"]')).toBe('0')
    useRepo(Tag, pinia).save({ id: 1, name: 'new' })
    await flush()
    expect(text('[data-test="entity-tags"] [data-test="count"]')).toBe('1')
  })
})

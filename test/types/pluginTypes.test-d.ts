// What a plugin adds to repositories and to the config is typed by augmenting `Repository` and
// `OrmConfig`, as an app does for `nuxt-pinia-orm/orm` (pinia-orm types every member as `any`; an
// undeclared config member is `any` here too, an undeclared repository member an error).
import { createPinia } from 'pinia'
import { describe, expectTypeOf, it } from 'vitest'
import { Model, definePiniaOrmPlugin, useRepo } from '../../src/runtime/orm'

declare module '../../src/runtime/orm' {
  interface Repository {
    /** Set by the plugin below. */
    invoiceApi: () => { get: (url: string) => Promise<unknown> }
  }
  interface OrmConfig {
    invoiceApiConfig?: { baseURL: string }
  }
}

class Invoice extends Model {
  static override entity = 'invoices'
  static override fields() {
    return { id: this.attr(null) }
  }
}

describe('members a plugin adds', () => {
  it('are typed on the plugin\'s context and on every repository once declared', () => {
    const plugin = definePiniaOrmPlugin((context) => {
      context.config.invoiceApiConfig = { baseURL: '/api' }
      context.repository.invoiceApi = () => ({ get: url => fetch(`${context.config.invoiceApiConfig?.baseURL}${url}`) })
      return context
    })
    void plugin
    const invoices = useRepo(Invoice, createPinia())
    expectTypeOf(invoices.invoiceApi().get).toEqualTypeOf<(url: string) => Promise<unknown>>()
    expectTypeOf(invoices.config.invoiceApiConfig).toEqualTypeOf<{ baseURL: string } | undefined>()
    // @ts-expect-error a member nobody declared
    void invoices.invoiceApii
  })
})

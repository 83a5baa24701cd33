import { addPlugin, addServerHandler, useNuxt } from '@nuxt/kit'
import { addCustomTab } from '@nuxt/devtools-kit'

/** Where the DevTools tab's page is served in dev. @internal */
export const DEVTOOLS_ROUTE = '/__nuxt-pinia-orm__/devtools'

/**
 * The Nuxt DevTools tab, in dev only: a page served at {@link DEVTOOLS_ROUTE} (shown by the tab in
 * an iframe) and a browser plugin through which that page reads the app's Pinia. Production builds
 * get neither.
 * @internal
 */
export function setupDevtools(resolveRuntime: (path: string) => string): void {
  const nuxt = useNuxt()
  if (!nuxt.options.dev)
    return
  addPlugin({ src: resolveRuntime('./runtime/devtools/bridge'), mode: 'client' })
  addServerHandler({ route: DEVTOOLS_ROUTE, handler: resolveRuntime('./runtime/devtools/pageHandler') })
  addCustomTab({
    name: 'nuxt-pinia-orm',
    title: 'Pinia ORM',
    icon: 'carbon:data-base',
    view: { type: 'iframe', src: DEVTOOLS_ROUTE },
  }, nuxt)
}

import { fileURLToPath } from 'node:url'
import { loadNuxt } from '@nuxt/kit'
import { describe, expect, it } from 'vitest'

// Loads (does not build) the `layer` fixture as an app with the given module list, and counts
// what @pinia/nuxt set up.
const rootDir = fileURLToPath(new URL('../fixtures/layer', import.meta.url))
const ours = fileURLToPath(new URL('../../src/module', import.meta.url))

async function piniaSetups(modules: string[]) {
  const nuxt = await loadNuxt({ cwd: rootDir, dev: false, overrides: { modules, imports: { autoImport: true } } })
  try {
    return {
      modules: nuxt.options._installedModules.filter(({ meta }) => meta.name === 'pinia').length,
      plugins: nuxt.options.plugins
        .map(plugin => typeof plugin === 'string' ? plugin : plugin.src)
        .filter(src => /@pinia\/nuxt\/dist\/runtime\/plugin/.test(src)).length,
    }
  }
  finally {
    await nuxt.close()
  }
}

describe('@pinia/nuxt', () => {
  it('is installed by the module when the app does not list it', async () => {
    expect(await piniaSetups([ours])).toEqual({ modules: 1, plugins: 1 })
  })

  it('is set up once when the app lists it before the module', async () => {
    expect(await piniaSetups(['@pinia/nuxt', ours])).toEqual({ modules: 1, plugins: 1 })
  })

  it('is set up once when the app lists it after the module', async () => {
    expect(await piniaSetups([ours, '@pinia/nuxt'])).toEqual({ modules: 1, plugins: 1 })
  })
})

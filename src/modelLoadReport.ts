import type { useNuxt } from '@nuxt/kit'
import { resolve } from 'pathe'
import type { ViteDevServer } from 'vite'

/**
 * Loads model files in the dev server's SSR module graph, so that one whose top-level code throws
 * is reported in the terminal right away: Vite logs the guarded error, which names the file, with
 * its stack mapped back to the source (`fixStacktrace`), so the model file and line are the first
 * frame. Earlier copies are invalidated first, so a changed file is evaluated again.
 * @internal
 */
export async function loadModelFiles(server: ViteDevServer, paths: string[]): Promise<void> {
  for (const path of paths) {
    for (const module of server.moduleGraph.getModulesByFile(path) ?? [])
      server.moduleGraph.invalidateModule(module)
  }
  for (const path of paths)
    await server.ssrLoadModule(path, { fixStacktrace: true }).catch(() => {})
}

/**
 * In dev, a model file that throws when it loads is reported in the terminal as soon as the dev
 * server starts and again whenever a model file changes, without waiting for a request (the error
 * of that request is reported too, but its frames are not mapped back to the source).
 * @internal
 */
export function watchModelLoadErrors(nuxt: ReturnType<typeof useNuxt>, dirs: string[], modelFiles: () => Array<{ path: string }>): void {
  let server: ViteDevServer | undefined
  const load = () => {
    if (server)
      loadModelFiles(server, modelFiles().map(file => file.path)).catch(() => {})
  }
  nuxt.hook('vite:serverCreated', (created, { isServer }) => {
    if (!isServer)
      return
    server = created
    load()
  })
  // Vite's own watcher invalidates the changed file too, dropping the source map the stack is
  // mapped with: load after it has, a moment later (and once for a burst of changes).
  let timer: ReturnType<typeof setTimeout> | undefined
  nuxt.hook('builder:watch', (_event, relativePath) => {
    const path = resolve(nuxt.options.srcDir, relativePath)
    if (!dirs.some(dir => path.startsWith(`${dir}/`)))
      return
    clearTimeout(timer)
    timer = setTimeout(load, 300)
  })
  nuxt.hook('close', () => clearTimeout(timer))
}

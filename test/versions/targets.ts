/** One app the packed module is installed into: exact versions, as a user's package.json pins them. */
export interface VersionTarget {
  /** Why this version is tested. */
  label: string
  nuxt: string
  pinia: string
  piniaNuxt: string
  /** The bundler, when not Vite: the app lists its builder package and sets `builder`. */
  builder?: 'webpack'
}

/**
 * The supported range is `^3.19.0 || ^4.1.0` (`meta.compatibility` and the `@nuxt/kit` dependency):
 * the module calls `getLayerDirectories`, which @nuxt/kit has from 3.19 and 4.1 (4.0.x lacks it).
 * Tested at both floors and at the latest Nuxt 3 and Nuxt 4 that run on Node 20 (4.4.6 and later
 * want Node 22). Pinia 3 goes with @pinia/nuxt 0.11, Pinia 4 with @pinia/nuxt 1.x.
 */
export const VERSION_TARGETS: VersionTarget[] = [
  { label: 'the Nuxt 3 floor', nuxt: '3.19.0', pinia: '3.0.4', piniaNuxt: '0.11.3' },
  { label: 'the latest Nuxt 3', nuxt: '3.21.11', pinia: '3.0.4', piniaNuxt: '0.11.3' },
  { label: 'the Nuxt 4 floor', nuxt: '4.1.0', pinia: '3.0.4', piniaNuxt: '0.11.3' },
  { label: 'the latest Nuxt 4 on Node 20', nuxt: '4.4.5', pinia: '4.1.0', piniaNuxt: '1.0.2' },
  // The model-load guard is an unplugin: built with webpack, the model files are guarded too.
  { label: 'built with webpack', nuxt: '4.4.5', pinia: '4.1.0', piniaNuxt: '1.0.2', builder: 'webpack' },
]

/** A name for the target's app folder and messages: `4.4.5` or `4.4.5-webpack`. */
export function targetName(target: VersionTarget): string {
  return target.builder ? `${target.nuxt}-${target.builder}` : target.nuxt
}

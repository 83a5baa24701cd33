// @ts-check
import { createConfigForNuxt } from '@nuxt/eslint-config/flat'

export default createConfigForNuxt({
  features: {
    tooling: true,
    stylistic: true,
  },
  dirs: {
    src: ['./playground', './test/fixtures/app', './test/fixtures/layer', './test/fixtures/duplicate-entity'],
  },
}).append({
  ignores: ['bench/pinia-orm/**', 'bench/results/**', 'bench/.build/**'],
})

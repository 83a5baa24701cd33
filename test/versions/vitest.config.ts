import { defineConfig } from 'vitest/config'

// `npm run test:versions`: the packed module in fresh apps at each supported Nuxt version. Apart
// from `npm test` because it installs from the npm registry (a few minutes); `.ci/run` runs it.
export default defineConfig({
  test: {
    name: 'versions',
    environment: 'node',
    include: ['test/versions/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 1_500_000,
  },
})

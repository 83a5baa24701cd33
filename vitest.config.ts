import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { defineVitestProject } from '@nuxt/test-utils/config'
import { compileDecorators } from './test/decorators/compile'

// The layers of tests, each its own project:
// - unit: the ORM core and the module's build-time helpers, in plain Node;
// - types: type tests (`*.test-d.ts`), checked by tsc;
// - e2e: real builds of the fixture apps, served and driven in Chromium;
// - nuxt: composables and registration inside a Nuxt app (the `app` fixture), without a build.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/orm/**/*.test.ts', 'test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/failOnConsole.ts'],
        },
      },
      // The decorated models of issue 11, compiled once per TypeScript decorator mode.
      ...(['standard', 'legacy'] as const).map(mode => ({
        plugins: [compileDecorators(mode)],
        test: {
          name: `decorators-${mode}`,
          environment: 'node',
          // Shared tests, then those of one mode (legacy/: pinia-orm 1.x's `declare` fields).
          include: ['test/decorators/*.test.ts', `test/decorators/${mode}/*.test.ts`],
          setupFiles: ['test/setup/failOnConsole.ts'],
        },
      })),
      {
        test: {
          name: 'types',
          include: [],
          // Only the type tests and what they import: the rest of the project is checked by
          // `npm run typecheck` (vue-tsc), and vitest's incremental tsc over it (Nitro's typed routes in
          // test/e2e) at times overflows its stack.
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: 'test/types/tsconfig.json' },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      await defineVitestProject({
        test: {
          name: 'nuxt',
          environment: 'nuxt',
          include: ['test/nuxt/**/*.test.ts'],
          environmentOptions: {
            nuxt: {
              rootDir: fileURLToPath(new URL('./test/fixtures/app', import.meta.url)),
              domEnvironment: 'happy-dom',
            },
          },
        },
      }),
    ],
  },
})

// Issue 11: the Vite esbuild options the module sets so decorated model files run on Node 20.
import { transform } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { DECORATOR_IMPORTS, decoratorEsbuildOptions } from '../../src/decorators'
import * as decorators from '../../src/runtime/orm/decorators'

const model = 'class User extends Model { @Str(\'\') name!: string }\n'

describe('decoratorEsbuildOptions', () => {
  it('has esbuild compile standard decorators, which it leaves in the code for Nuxt\'s esnext target', async () => {
    const options = decoratorEsbuildOptions({ target: 'esnext', jsxFactory: 'h' }, 'standard')
    expect(options).toEqual({ target: 'esnext', jsxFactory: 'h', supported: { decorators: false } })
    expect((await transform(model, { loader: 'ts', target: 'esnext' })).code).toContain('@Str("")')
    const { code } = await transform(model, { loader: 'ts', ...options })
    expect(code).not.toContain('@Str')
    expect(code).toContain('__decorateElement')
  })

  it('turns experimentalDecorators on for legacy decorators, keeping the app\'s own tsconfigRaw', async () => {
    const options = decoratorEsbuildOptions({ tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } } }, 'legacy')
    expect(options.tsconfigRaw).toEqual({ compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } })
    expect(decoratorEsbuildOptions({ tsconfigRaw: '{"compilerOptions":{"strict":true}}' }, 'legacy').tsconfigRaw)
      .toEqual({ compilerOptions: { strict: true, experimentalDecorators: true } })
    const { code } = await transform(model, { loader: 'ts', ...options } as Parameters<typeof transform>[1])
    expect(code).toContain('__decorateClass([')
  })

  it('keeps what the app set for the decorators feature', () => {
    expect(decoratorEsbuildOptions({ supported: { decorators: true, bigint: true } }, 'standard').supported).toEqual({ decorators: true, bigint: true })
  })
})

describe('DECORATOR_IMPORTS', () => {
  it('lists exactly the decorators nuxt-pinia-orm/decorators exports, under pinia-orm\'s names', () => {
    const exported = Object.entries(decorators).filter(([, value]) => typeof value === 'function').map(([name]) => name)
    expect([...DECORATOR_IMPORTS].sort()).toEqual(exported.sort())
  })
})

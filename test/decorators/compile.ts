// Compiles the decorated model files of these tests with TypeScript itself, in one of its two
// decorator modes, so that one source runs once per mode. Vitest's own transform (Oxc) leaves
// standard decorators in the code, which Node cannot run.
import ts from 'typescript'
import type { Plugin } from 'vite'

/** The decorator mode a vitest project compiles with. */
export type DecoratorMode = 'standard' | 'legacy'

/** A Vite plugin that compiles `test/decorators/**\/*.ts` with `experimentalDecorators` or without. */
export function compileDecorators(mode: DecoratorMode): Plugin {
  return {
    name: `test:decorators-${mode}`,
    enforce: 'pre',
    transform(code, id) {
      if (!/\/test\/decorators\/[^?]+\.ts$/.test(id) || id.endsWith('.test-d.ts'))
        return undefined
      const { outputText, sourceMapText } = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          // Define semantics, the stricter case: a class field is defined on each instance.
          useDefineForClassFields: true,
          experimentalDecorators: mode === 'legacy',
          sourceMap: true,
        },
      })
      return { code: outputText, map: sourceMapText }
    },
  }
}

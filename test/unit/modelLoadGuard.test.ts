// Issue 3: a model file whose top-level code throws names the file, in a production build too.
// Each case guards real modules, writes them to disk and imports them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping'
import ts from 'typescript'
import { rollup } from 'rollup'
import { afterAll, describe, expect, it } from 'vitest'
import { ModelLoadGuard, guardModelModule, modelLoadGuardBuildPlugin } from '../../src/modelLoadGuard'
import { modelFileLoadError } from '../../src/runtime/modelLoadError'
import { OrmError } from '../../src/runtime/orm'

const helper = fileURLToPath(new URL('../../src/runtime/modelLoadError.ts', import.meta.url))
const core = fileURLToPath(new URL('../../src/runtime/orm/index.ts', import.meta.url))
const tmp = fileURLToPath(new URL(`./.guard-tmp-${randomBytes(4).toString('hex')}`, import.meta.url))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let loads = 0

/** Writes the guarded modules (`name` → code) into a fresh folder and imports `entry` from it. */
async function load(modules: Record<string, string>, entry = Object.keys(modules)[0]!): Promise<Record<string, unknown>> {
  const dir = `${tmp}/${loads++}`
  mkdirSync(dir, { recursive: true })
  for (const [name, code] of Object.entries(modules)) {
    const guarded = guardModelModule(code, `${dir}/${name}`, { file: `models/${name}`, helper })
    writeFileSync(`${dir}/${name}`, guarded?.code ?? code)
  }
  return import(`${dir}/${entry}`)
}

async function loadError(modules: Record<string, string>): Promise<Error> {
  return load(modules).then(
    () => { throw new Error('expected the module to throw') },
    (error: Error) => error,
  )
}

describe('guardModelModule', () => {
  it('names the file when top-level code throws, keeping the original error as cause', async () => {
    const error = await loadError({ 'User.mjs': 'export const answer = 42\nthrow new TypeError(\'boom\')\n' })
    expect(error).toBeInstanceOf(OrmError)
    expect(error.message).toBe('[nuxt-pinia-orm] The model file models/User.mjs failed to load: boom. Its top-level code (class declarations, static initializers, code outside classes) threw while the app started; fix it in that file.')
    expect(error.cause).toBeInstanceOf(TypeError)
    expect((error.cause as Error).message).toBe('boom')
  })

  it('names the file of a model that extends an undefined class', async () => {
    const error = await loadError({ 'Phone.mjs': 'export default class Phone extends Model {}\n' })
    expect(error.message).toMatch(/^\[nuxt-pinia-orm\] The model file models\/Phone\.mjs failed to load: Model is not defined\./)
    expect(error.cause).toBeInstanceOf(ReferenceError)
  })

  it('names the file of a model whose static initializer throws', async () => {
    const error = await loadError({
      'Post.mjs': [
        `import { Model } from ${JSON.stringify(core)}`,
        'export default class Post extends Model {',
        '  static entity = missingEntityName()',
        '}',
      ].join('\n'),
    })
    expect(error.message).toMatch(/^\[nuxt-pinia-orm\] The model file models\/Post\.mjs failed to load: missingEntityName is not defined\./)
  })

  it('keeps every kind of export, with its value and name', async () => {
    const module = await load({
      'User.mjs': [
        `import { Model } from ${JSON.stringify(core)}`,
        'export default class User extends Model { static entity = \'users\' }',
        'export class Phone extends Model { static entity = \'phones\' }',
        'export const { a, b: [c, ...d] = [] } = { a: 1, b: [2, 3, 4] }, e = a + c',
        'export let f',
        'export var g = 7',
        'export function h () { return helper() + a }',
        'function helper () { return 10 }',
        'const local = 5',
        'export { local as renamed }',
        'export * from \'./more.mjs\'',
        'export { more as moreAgain } from \'./more.mjs\'',
      ].join('\n'),
      'more.mjs': 'export const more = \'more\'\n',
    })
    expect(Object.keys(module).sort()).toEqual(['Phone', 'a', 'c', 'd', 'default', 'e', 'f', 'g', 'h', 'more', 'moreAgain', 'renamed'])
    expect((module.default as { name: string, entity: string }).name).toBe('User')
    expect((module.default as { entity: string }).entity).toBe('users')
    expect((module.Phone as { name: string }).name).toBe('Phone')
    expect([module.a, module.c, module.d, module.e, module.f, module.g]).toEqual([1, 2, [3, 4], 3, undefined, 7])
    expect((module.h as () => number)()).toBe(11)
    expect([module.renamed, module.more, module.moreAgain]).toEqual([5, 'more', 'more'])
  })

  it('gives anonymous default exports the name `default`, as an unguarded module does', async () => {
    const anonymousClass = await load({ 'A.mjs': 'export default class { static entity = \'a\' }\n' })
    expect((anonymousClass.default as { name: string }).name).toBe('default')
    const arrow = await load({ 'B.mjs': 'export default () => 1\n' })
    expect((arrow.default as { name: string }).name).toBe('default')
    const value = await load({ 'C.mjs': 'const c = 3\nexport default c * 2\n' })
    expect(value.default).toBe(6)
  })

  it('keeps a binding unreadable before its declaration, as an unguarded module does, and names the file', async () => {
    const error = await loadError({
      'Prefixed.mjs': [
        'export default class Prefixed { static entity = prefixed(\'users\') }',
        'function prefixed (name) { return PREFIX + name }',
        'const PREFIX = \'app_\'',
      ].join('\n'),
    })
    expect(error.message).toMatch(/^\[nuxt-pinia-orm\] The model file models\/Prefixed\.mjs failed to load: Cannot access 'PREFIX' before initialization\./)
    expect(error.cause).toBeInstanceOf(ReferenceError)
  })

  it('keeps exported `let` bindings live', async () => {
    const module = await load({ 'Counter.mjs': 'export let count = 0\nexport function increment () { count++ }\n' })
    ;(module.increment as () => void)()
    expect(module.count).toBe(1)
  })

  it('keeps function declarations hoisted: code above them can call them', async () => {
    const module = await load({ 'Early.mjs': 'export const early = late()\nfunction late () { return \'late\' }\n' })
    expect(module.early).toBe('late')
  })

  it('loads models that import each other', async () => {
    const module = await load({
      'User.mjs': [
        `import { Model } from ${JSON.stringify(core)}`,
        'import Phone from \'./Phone.mjs\'',
        'export default class User extends Model { static entity = \'users\'; static related () { return Phone } }',
      ].join('\n'),
      'Phone.mjs': [
        `import { Model } from ${JSON.stringify(core)}`,
        'import User from \'./User.mjs\'',
        'export default class Phone extends Model { static entity = \'phones\'; static related () { return User } }',
      ].join('\n'),
    })
    const User = module.default as { related: () => { name: string, related: () => unknown } }
    expect(User.related().name).toBe('Phone')
    expect(User.related().related()).toBe(User)
  })

  it('keeps statements apart when the file has no semicolons', async () => {
    const module = await load({
      'Asi.mjs': [
        'const list = []',
        'class A {}',
        '[1, 2].forEach(n => list.push(n))',
        'list.push(3)',
        'let x = 4',
        'export { list, A, x }',
      ].join('\n'),
    })
    expect(module.list).toEqual([1, 2, 3])
    expect(module.x).toBe(4)
    expect((module.A as { name: string }).name).toBe('A')
  })

  it('maps the code it keeps back to the original lines', () => {
    const code = 'import { Model } from \'x\'\nexport default class User extends Model {}\n\nthrow new Error(\'boom\')\n'
    const guarded = guardModelModule(code, '/app/models/User.js', { file: 'models/User.js', helper })!
    const line = guarded.code.split('\n').findIndex(text => text.includes('throw new Error'))
    const column = guarded.code.split('\n')[line]!.indexOf('throw new Error')
    const original = originalPositionFor(new TraceMap(guarded.map as ConstructorParameters<typeof TraceMap>[0]), { line: line + 1, column })
    expect(original).toMatchObject({ line: 4, column: 0 })
  })

  it('keeps every line at its number, so an unmapped stack trace still points at the right line', () => {
    const code = [
      'import { Model } from \'x\'',
      'function helper () {',
      '  return missing()',
      '}',
      'export default class User extends Model {',
      '  static entity = helper()',
      '}',
      'export const answer = 42',
      'export { helper }',
    ].join('\n')
    const lines = guardModelModule(code, '/app/models/User.js', { file: 'models/User.js', helper })!.code.split('\n')
    for (const [index, token] of ['Model }', 'function helper', 'missing()', 'class User', 'helper()', 'answer', 'export { helper }'].entries()) {
      const line = code.split('\n').findIndex(text => text.includes(token))
      expect(lines[line], `${token} at line ${line + 1} (${index})`).toContain(token)
    }
  })

  it('keeps line numbers when `export default` and its class are on different lines', () => {
    const code = 'export default // the model\nclass User {}\nthrow new Error(\'boom\')\n'
    const lines = guardModelModule(code, '/m.js', { file: 'm.js', helper })!.code.split('\n')
    expect(lines[1]).toContain('class User {}')
    expect(lines[2]).toContain('throw new Error')
  })

  it('refuses a model file whose decorators were left uncompiled, naming the file and the option to set', () => {
    for (const code of ['@observed export class A {}\n', 'export class A { @field x }\n', 'export const A = class { @field x }\n']) {
      expect(() => guardModelModule(code, '/m.js', { file: 'models/A.ts', helper })).toThrow(OrmError)
      expect(() => guardModelModule(code, '/m.js', { file: 'models/A.ts', helper })).toThrow(/The model file models\/A\.ts still has decorators after compilation.*vite\.esbuild\.supported\.decorators = false.*piniaOrm: \{ decorators: 'legacy' \}/)
    }
  })

  it('names the file of a model whose compiled decorator throws, in both decorator modes', async () => {
    const source = [
      `import { Model } from ${JSON.stringify(core)}`,
      'function Explode(..._args: unknown[]): any { throw new Error(\'the decorator threw\') }',
      'export default class Broken extends Model {',
      '  static entity = \'broken\'',
      '  @Explode id!: number',
      '}',
    ].join('\n')
    for (const experimentalDecorators of [false, true]) {
      const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators } })
      const error = await loadError({ [`Broken${experimentalDecorators ? 'Legacy' : ''}.mjs`]: outputText })
      expect(error.message).toMatch(/^\[nuxt-pinia-orm\] The model file models\/Broken(?:Legacy)?\.mjs failed to load: the decorator threw\./)
    }
  })

  it('leaves a module alone when it starts with a hashbang, which must stay first', () => {
    expect(guardModelModule('#!/usr/bin/env node\nexport const a = 1\n', '/m.js', { file: 'm.js', helper })).toBeUndefined()
  })

  it('leaves a module alone when nothing in it runs: only imports, exports and functions', () => {
    expect(guardModelModule('import { a } from \'a\'\nexport { a }\nexport function b () {}\n', '/m.js', { file: 'm.js', helper })).toBeUndefined()
  })

  it('leaves a module alone when it declares `using` bindings, which a block would dispose early', () => {
    expect(guardModelModule('using r = open()\nexport const x = 1\n', '/m.js', { file: 'm.js', helper })).toBeUndefined()
  })
})

describe('modelFileLoadError', () => {
  it('takes the stack frames of the original error, so a trace points at the line that threw', () => {
    const original = new Error('boom')
    const error = modelFileLoadError('models/User.ts', original)
    const frames = (stack: string | undefined) => stack?.split('\n').slice(1)
    expect(error.stack?.split('\n')[0]).toBe(`OrmError: ${error.message}`)
    expect(frames(error.stack)).toEqual(frames(original.stack))
    expect(frames(error.stack)?.[0]).toMatch(/modelLoadGuard\.test\.ts/)
  })

  it('names the file for a thrown value that is not an Error', () => {
    const error = modelFileLoadError('models/User.ts', 'plain string')
    expect(error.message).toMatch(/^\[nuxt-pinia-orm\] The model file models\/User\.ts failed to load: plain string\./)
    expect(error.cause).toBe('plain string')
  })
})

describe('ModelLoadGuard, the build plugin (an unplugin)', () => {
  const dir = '/app/models'
  const code = 'export const a = f()\n'

  it('lets only modules of the model folders through its filter, the same for Vite, webpack and rspack', () => {
    const plugin = ModelLoadGuard.raw({ dirs: [dir], modelFiles: () => [], helper }, { framework: 'webpack', versions: {} } as never)
    const transform = plugin.transform as { filter: { id: { include: RegExp[] } } }
    const passes = (id: string) => transform.filter.id.include.some(pattern => pattern.test(id))
    expect(passes('/app/models/User.ts')).toBe(true)
    expect(passes('/app/models/nested/Phone.ts?v=2')).toBe(true)
    expect(passes('/app/models-old/User.ts')).toBe(false)
    expect(passes('/app/pages/index.vue')).toBe(false)
    expect(plugin.enforce).toBe('post')
  })

  it('guards the scanned model files only in Vite, and follows a rescan', () => {
    let files = [{ path: '/app/models/User.js', displayPath: 'models/User.js' }]
    const plugin = ModelLoadGuard.vite({ dirs: [dir], modelFiles: () => files, helper })
    const transform = plugin.transform as { handler: (code: string, id: string) => { code: string } | undefined }
    expect(plugin.enforce).toBe('post')
    expect(transform.handler(code, '/app/models/User.js?v=1')?.code).toContain('"models/User.js"')
    expect(transform.handler(code, '/app/models/Draft.js')).toBeUndefined()
    files = [{ path: '/app/models/Draft.js', displayPath: 'models/Draft.js' }]
    expect(transform.handler(code, '/app/models/User.js')).toBeUndefined()
    expect(transform.handler(code, '/app/models/Draft.js')?.code).toContain('"models/Draft.js"')
  })

  it('gives Nuxt a plugin for each of Vite, webpack and rspack', () => {
    const plugins = modelLoadGuardBuildPlugin({ dirs: [dir], modelFiles: () => [], helper })
    expect(plugins.vite().name).toBe('nuxt-pinia-orm:model-load-guard')
    expect(typeof plugins.webpack().apply).toBe('function')
    expect(typeof plugins.rspack().apply).toBe('function')
  })

  it('guards a model file in a real Rollup bundle, so the bundle names the file when the model throws', async () => {
    const root = `${tmp}/rollup-${loads++}`
    mkdirSync(`${root}/models`, { recursive: true })
    writeFileSync(`${root}/models/User.js`, 'export default class User { static entity = settings() }\nfunction settings() { throw new Error(\'no entity\') }\n')
    writeFileSync(`${root}/main.js`, 'import User from \'./models/User.js\'\nexport const entity = User.entity\n')
    const plugin = ModelLoadGuard.rollup({ dirs: [`${root}/models`], modelFiles: () => [{ path: `${root}/models/User.js`, displayPath: 'models/User.js' }], helper })
    const bundle = await rollup({ input: `${root}/main.js`, plugins: [plugin], external: [helper] })
    await bundle.write({ file: `${root}/out.mjs`, format: 'es' })
    await bundle.close()
    const error = await import(`${root}/out.mjs`).then(() => undefined, (error: Error) => error)
    expect(error).toBeInstanceOf(OrmError)
    expect(error!.message).toMatch(/^\[nuxt-pinia-orm\] The model file models\/User\.js failed to load: no entity\./)
  }, 30_000)
})

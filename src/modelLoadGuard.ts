import MagicString from 'magic-string'
import { createUnplugin } from 'unplugin'
import { parseSync } from 'oxc-parser'
import type { BindingPattern, Class, Expression, VariableDeclaration } from 'oxc-parser'
import { createOrmError } from './runtime/orm/errors'

/** Local names the guard adds to a model module; long enough never to meet an app's own names. */
const DEFAULT_LOCAL = '__nuxtPiniaOrm$default'
const ERROR_LOCAL = '__nuxtPiniaOrm$error'
const HELPER_LOCAL = '__nuxtPiniaOrm$modelFileLoadError'

/** Options of {@link guardModelModule}. @internal */
export interface GuardOptions {
  /** The file as messages name it (relative to the app's root). */
  file: string
  /** Module that exports `modelFileLoadError(file, error)`. */
  helper: string
}

/** Result of {@link guardModelModule}: the code and its source map, as a Vite transform returns them. */
export interface GuardedModule {
  code: string
  map: ReturnType<MagicString['generateMap']>
}

/** Every name a binding pattern declares: `{ a, b: [c, ...d] = [] }` declares a, c and d. */
function boundNames(pattern: BindingPattern, names: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern.name)
      break
    case 'ObjectPattern':
      for (const property of pattern.properties)
        boundNames(property.type === 'RestElement' ? property.argument : property.value, names)
      break
    case 'ArrayPattern':
      for (const element of pattern.elements) {
        if (element)
          boundNames(element.type === 'RestElement' ? element.argument : element, names)
      }
      break
    case 'AssignmentPattern':
      boundNames(pattern.left, names)
      break
  }
  return names
}

/** Every name a `let`, `const` or `var` declaration declares. */
function declaredNames(declaration: VariableDeclaration): string[] {
  return declaration.declarations.flatMap(declarator => boundNames(declarator.id))
}

/** Whether `export default <expression>` names its value `default` (anonymous functions and classes). */
function isAnonymousFunction(expression: Expression): boolean {
  let inner = expression
  while (inner.type === 'ParenthesizedExpression')
    inner = inner.expression
  return (inner.type === 'FunctionExpression' || inner.type === 'ClassExpression') ? !inner.id : inner.type === 'ArrowFunctionExpression'
}

/** Whether a top-level class (declared, or the value of a declaration) still has decorators. */
function keepsDecorators(node: object): boolean {
  const classes: Class[] = []
  if ('type' in node && (node.type === 'ClassDeclaration' || node.type === 'ClassExpression'))
    classes.push(node as Class)
  else if ('type' in node && node.type === 'VariableDeclaration')
    classes.push(...(node as VariableDeclaration).declarations.flatMap(declarator => declarator.init?.type === 'ClassExpression' ? [declarator.init] : []))
  return classes.some(item => item.decorators.length > 0 || item.body.body.some(member => 'decorators' in member && member.decorators.length > 0))
}

/**
 * The build error for a model file whose decorators reached the guard uncompiled: no JavaScript
 * engine runs them yet, and Node would fail with "Invalid or unexpected token" and no file name.
 */
function decoratorsLeftError(file: string) {
  return createOrmError(`The model file ${file} still has decorators after compilation, which neither Node nor browsers run yet. nuxt-pinia-orm has Vite's esbuild compile them (\`vite.esbuild.supported.decorators = false\`); this build did not. If the app sets \`vite.esbuild\` to false or builds with Oxc (Vite with Rolldown), use legacy decorators: \`piniaOrm: { decorators: 'legacy' }\` and \`experimentalDecorators: true\` in tsconfig.json.`)
}

/**
 * Wraps the top-level code of a model module in `try { ... } catch`, so an error thrown while the
 * module is evaluated is rethrown by `modelFileLoadError` with the file's name. Without it, a
 * production server answers the first request with the bare message and a stack into its bundle.
 *
 * Each run of statements that execute code gets its own block; what runs no code stays between the
 * blocks, at module scope: imports, re-exports, `export { ... }` lists and function declarations
 * (so they stay hoisted). A class or `let`/`const` declaration becomes `let` bindings declared at
 * module scope where the statement was (so reading them earlier still throws), then a new block
 * that assigns them; exported ones are exported by name at the end, with live bindings. Nothing
 * moves and every line keeps its number, so stack traces read right even where no source map is
 * applied.
 *
 * It runs on JavaScript (after TypeScript is stripped). Returns `undefined`, leaving the module as
 * it is, when nothing in it runs, when the code does not parse, or when it holds what the guard
 * does not rewrite: `using` declarations, decorators left in the code, a hashbang.
 * @internal
 */
export function guardModelModule(code: string, id: string, options: GuardOptions): GuardedModule | undefined {
  const { program, errors } = parseSync(id, code, { lang: 'js', sourceType: 'module' })
  if (errors.length > 0 || program.hashbang)
    return undefined

  const s = new MagicString(code)
  const exported: string[] = []
  const catchClause = ` } catch (${ERROR_LOCAL}) { throw ${HELPER_LOCAL}(${JSON.stringify(options.file)}, ${ERROR_LOCAL}) }`
  let guarded = false
  let blockEnd = -1

  /** Replaces `start..end` by `text`, keeping the line breaks it held, so later lines keep their numbers. */
  const replace = (start: number, end: number, text: string) => {
    const replacement = text + '\n'.repeat(code.slice(start, end).split('\n').length - 1)
    if (start === end)
      s.prependRight(start, replacement)
    else if (replacement === '')
      s.remove(start, end)
    else
      s.overwrite(start, end, replacement)
  }

  const closeBlock = () => {
    if (blockEnd >= 0)
      s.appendLeft(blockEnd, catchClause)
    blockEnd = -1
  }

  /**
   * The statement from `start` to `end` declares `names`: they are declared with `let` at module
   * scope, then a new block opens; `code.slice(start, valueStart)` gives way to `assignment`.
   */
  const declareThenAssign = (names: string[], start: number, valueStart: number, end: number, assignment: string) => {
    closeBlock()
    replace(start, valueStart, `let ${names.join(', ')}; try { ${assignment}`)
    guarded = true
    blockEnd = end
  }

  /**
   * `local` takes the value from `valueStart` to `valueEnd`; an anonymous function or class goes
   * through `{ default: ... }.default`, which names it `default` as `export default` would.
   */
  const declareThenAssignValue = (local: string, start: number, valueStart: number, valueEnd: number, end: number, anonymous: boolean) => {
    declareThenAssign([local], start, valueStart, end, anonymous ? `;${local} = { default: ` : `;${local} = `)
    s.appendLeft(valueEnd, anonymous ? ' }.default;' : ';')
  }

  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
      ? statement.declaration
      : statement
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration'
      || !declaration || declaration.type === 'FunctionDeclaration') {
      closeBlock()
      continue
    }
    if (declaration.type.startsWith('TS')
      || (declaration.type === 'VariableDeclaration' && (declaration.kind === 'using' || declaration.kind === 'await using'))) {
      return undefined
    }
    if (keepsDecorators(declaration))
      throw decoratorsLeftError(options.file)

    if (declaration.type === 'ClassDeclaration') {
      // `export class X {}` becomes `let X; try { ;X = class X {};`
      const local = declaration.id?.name ?? DEFAULT_LOCAL
      declareThenAssignValue(local, statement.start, declaration.start, statement.end, statement.end, !declaration.id)
      if (statement.type !== 'ClassDeclaration')
        exported.push(statement.type === 'ExportDefaultDeclaration' ? `${local} as default` : local)
    }
    else if (declaration.type === 'VariableDeclaration' && declaration.kind !== 'var') {
      // `export const a = 1, { b } = c` becomes `let a, b; try { ;(a = 1, { b } = c);`
      const names = declaredNames(declaration)
      if (statement.type === 'ExportNamedDeclaration')
        exported.push(...names)
      if (declaration.declarations.every(declarator => !declarator.init)) {
        closeBlock()
        replace(statement.start, statement.end, `let ${names.join(', ')};`)
        continue
      }
      declareThenAssign(names, statement.start, declaration.declarations[0]!.start, statement.end, ';(')
      for (const declarator of declaration.declarations) {
        if (!declarator.init)
          s.appendLeft(declarator.end, ' = void 0')
      }
      s.appendLeft(declaration.declarations.at(-1)!.end, ');')
    }
    else if (statement.type === 'ExportDefaultDeclaration') {
      // `export default <expression>` becomes `let <default>; try { ;<default> = <expression>;`
      const expression = declaration as Expression
      declareThenAssignValue(DEFAULT_LOCAL, statement.start, expression.start, expression.end, statement.end, isAnonymousFunction(expression))
      exported.push(`${DEFAULT_LOCAL} as default`)
    }
    else {
      // Any other statement, and `var`, which belongs to the module even inside a block.
      const opens = blockEnd < 0
      if (statement.type === 'ExportNamedDeclaration' && declaration.type === 'VariableDeclaration') {
        exported.push(...declaredNames(declaration))
        replace(statement.start, declaration.start, opens ? 'try { ' : '')
      }
      else if (opens) {
        s.appendLeft(statement.start, 'try { ')
      }
      guarded = true
      blockEnd = statement.end
    }
  }
  closeBlock()
  if (!guarded)
    return undefined

  // On the first line and after the last, so every line of the file keeps its number.
  s.prepend(`import { modelFileLoadError as ${HELPER_LOCAL} } from ${JSON.stringify(options.helper)}; `)
  if (exported.length > 0)
    s.append(`\nexport { ${exported.join(', ')} };\n`)
  return { code: s.toString(), map: s.generateMap({ source: id, includeContent: true, hires: true }) }
}

/** Options of {@link ModelLoadGuard}. @internal */
export interface ModelLoadGuardOptions {
  /** The folders of model files (absolute); only modules in them reach the transform. */
  dirs: string[]
  /** The scanned model files now; a rescan in dev gives a new list. */
  modelFiles: () => Array<{ path: string, displayPath: string }>
  /** Module that exports `modelFileLoadError(file, error)`. */
  helper: string
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The build plugin that guards the scanned model files (see {@link guardModelModule}), in dev and
 * in builds, on the server and in the browser, with Vite, webpack and rspack alike (an unplugin).
 * It runs last (`enforce: 'post'`), on the JavaScript the bundler made of each file; a filter on
 * the model folders keeps every other module away from it, which matters with webpack, where a
 * transform without a filter is a loader on every module.
 * @internal
 */
export const ModelLoadGuard = createUnplugin<ModelLoadGuardOptions, false>((options) => {
  // Look model files up by path, and build that lookup again only when a rescan gave a new list.
  let files: ReturnType<ModelLoadGuardOptions['modelFiles']> | undefined
  let displayPaths = new Map<string, string>()
  return {
    name: 'nuxt-pinia-orm:model-load-guard',
    enforce: 'post',
    transform: {
      filter: { id: { include: options.dirs.map(dir => new RegExp(`^${escapeRegExp(dir)}/`)) } },
      handler(code, id) {
        const current = options.modelFiles()
        if (files !== current) {
          files = current
          displayPaths = new Map(files.map(file => [file.path, file.displayPath]))
        }
        const path = id.split('?')[0]!
        const file = displayPaths.get(path)
        return file === undefined ? undefined : guardModelModule(code, path, { file, helper: options.helper })
      },
    },
  }
})

/**
 * {@link ModelLoadGuard} for each bundler Nuxt builds with, as `addBuildPlugin()` takes it.
 * @internal
 */
export function modelLoadGuardBuildPlugin(options: ModelLoadGuardOptions) {
  return {
    vite: () => ModelLoadGuard.vite(options),
    webpack: () => ModelLoadGuard.webpack(options),
    rspack: () => ModelLoadGuard.rspack(options),
  }
}

import MagicString from 'magic-string'
import { parseSync } from 'oxc-parser'
import type { BindingPattern, Expression, Statement } from 'oxc-parser'

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

/** Whether `export default <expression>` names its value `default` (anonymous functions and classes). */
function isAnonymousFunction(expression: Expression): boolean {
  let inner = expression
  while (inner.type === 'ParenthesizedExpression')
    inner = inner.expression
  return (inner.type === 'FunctionExpression' || inner.type === 'ClassExpression') ? !inner.id : inner.type === 'ArrowFunctionExpression'
}

/**
 * Wraps the top-level code of a model module in `try { ... } catch`, so an error thrown while the
 * module is evaluated is rethrown by `modelFileLoadError` with the file's name. Without it, a
 * production server answers the first request with the bare message and a stack into its bundle.
 *
 * Each run of statements that execute code gets its own block; what runs no code stays between the
 * blocks, at module scope: imports, re-exports, `export { ... }` lists and function declarations
 * (so they stay hoisted). Classes and `let`/`const` inside a block become assignments to `let`
 * bindings declared on the first line, exported under their original names, so exports keep their
 * live bindings. Nothing moves and every line keeps its number, so stack traces read right even
 * where no source map is applied.
 *
 * It runs on JavaScript (after TypeScript is stripped). Returns `undefined`, leaving the module as
 * it is, when nothing in it runs, when the code does not parse, or when it uses a declaration the
 * guard does not rewrite (`using`).
 * @internal
 */
export function guardModelModule(code: string, id: string, options: GuardOptions): GuardedModule | undefined {
  const { program, errors } = parseSync(id, code, { lang: 'js', sourceType: 'module' })
  if (errors.length > 0)
    return undefined

  const s = new MagicString(code)
  const declared: string[] = []
  const exported: string[] = []
  const catchClause = ` } catch (${ERROR_LOCAL}) { throw ${HELPER_LOCAL}(${JSON.stringify(options.file)}, ${ERROR_LOCAL}) }`
  let blocks = 0
  let blockEnd = -1

  const closeBlock = () => {
    if (blockEnd >= 0)
      s.appendLeft(blockEnd, catchClause)
    blockEnd = -1
  }

  /** `class X {}` or `export class X {}` from `start` on becomes `;X = class X {};`. */
  const assignClass = (start: number, classStart: number, end: number, local: string, wrapAnonymous: boolean) => {
    const assignment = wrapAnonymous ? `;${local} = { default: ` : `;${local} = `
    if (start === classStart)
      s.prependRight(start, assignment)
    else
      s.overwrite(start, classStart, assignment)
    s.appendLeft(end, wrapAnonymous ? ' }.default;' : ';')
    declared.push(local)
  }

  /** `const a = 1, { b } = c` from `start` on becomes `;(a = 1, { b } = c);`. */
  const assignVariables = (start: number, statement: Statement & { type: 'VariableDeclaration' }) => {
    const names = statement.declarations.flatMap(declarator => boundNames(declarator.id))
    declared.push(...names)
    if (statement.declarations.every(declarator => !declarator.init)) {
      s.overwrite(start, statement.end, ';')
      return names
    }
    s.overwrite(start, statement.declarations[0]!.start, ';(')
    for (const declarator of statement.declarations) {
      if (!declarator.init)
        s.appendLeft(declarator.end, ' = void 0')
    }
    s.appendLeft(statement.declarations.at(-1)!.end, ');')
    return names
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

    if (blockEnd < 0) {
      s.appendLeft(statement.start, 'try { ')
      blocks++
    }
    blockEnd = statement.end

    if (declaration.type === 'ClassDeclaration') {
      const local = declaration.id?.name ?? DEFAULT_LOCAL
      assignClass(statement.start, declaration.start, statement.end, local, !declaration.id)
      if (statement.type === 'ExportDefaultDeclaration')
        exported.push(`${local} as default`)
      else if (statement.type === 'ExportNamedDeclaration')
        exported.push(local)
    }
    else if (declaration.type === 'VariableDeclaration') {
      if (declaration.kind !== 'var') {
        const names = assignVariables(statement.start, declaration)
        if (statement.type === 'ExportNamedDeclaration')
          exported.push(...names)
      }
      else if (statement.type === 'ExportNamedDeclaration') {
        // A `var` in a block still belongs to the module: only `export` has to go.
        s.remove(statement.start, declaration.start)
        exported.push(...declaration.declarations.flatMap(declarator => boundNames(declarator.id)))
      }
    }
    else if (statement.type === 'ExportDefaultDeclaration') {
      const expression = declaration as Expression
      const wrap = isAnonymousFunction(expression)
      s.overwrite(statement.start, expression.start, wrap ? `;${DEFAULT_LOCAL} = { default: ` : `;${DEFAULT_LOCAL} = `)
      s.appendLeft(expression.end, wrap ? ' }.default;' : ';')
      declared.push(DEFAULT_LOCAL)
      exported.push(`${DEFAULT_LOCAL} as default`)
    }
  }
  closeBlock()
  if (blocks === 0)
    return undefined

  // On the first line and the last, so every line of the file keeps its number.
  const names = [...new Set(declared)]
  s.prepend(`import { modelFileLoadError as ${HELPER_LOCAL} } from ${JSON.stringify(options.helper)};${names.length > 0 ? ` let ${names.join(', ')};` : ''} `)
  if (exported.length > 0)
    s.append(`\nexport { ${exported.join(', ')} };\n`)
  return { code: s.toString(), map: s.generateMap({ source: id, includeContent: true, hires: true }) }
}

/**
 * The Vite plugin that guards the scanned model files (see {@link guardModelModule}), in dev and in
 * builds, on the server and in the browser. It runs last, on the JavaScript Vite made of each file.
 * @internal
 */
export function modelLoadGuardPlugin(modelFiles: () => Array<{ path: string, displayPath: string }>, helper: string) {
  return {
    name: 'nuxt-pinia-orm:model-load-guard',
    enforce: 'post' as const,
    transform(code: string, id: string) {
      const path = id.split('?')[0]!
      const file = modelFiles().find(file => file.path === path)
      return file ? guardModelModule(code, path, { file: file.displayPath, helper }) : undefined
    },
  }
}

import { readFile } from 'node:fs/promises'
import { parseSync } from 'oxc-parser'
import type { Class, Expression, Program } from 'oxc-parser'
import { basename, extname, relative } from 'pathe'
import { pascalCase } from 'scule'
import { glob } from 'tinyglobby'
import { createOrmError } from './runtime/orm/errors'

/** Extensions of the files scanned in a models folder. */
export const MODEL_FILE_EXTENSIONS = ['ts', 'js', 'mts', 'mjs']

/**
 * One value exported by a model file, under the name it is auto-imported with.
 * @internal
 */
export interface ScannedExport {
  /** The name the app uses without an import (a default export gets its file's name in PascalCase). */
  name: string
  /** The name to import from the file: `'default'` or the exported name. */
  exportName: string
  /** `static entity` of the exported class when it is a string literal; `undefined` when unknown. */
  entity?: string
  /**
   * Its `static namespace` when that is a non-empty string literal; `null` when it is not a literal
   * (the class is then left out of the entity check). Two models clash when both are equal.
   */
  namespace?: string | null
}

/**
 * What the scan found in one model file.
 * @internal
 */
export interface ScannedModelFile {
  /** Absolute path. */
  path: string
  /** Path shown in messages: relative to the app's root. */
  displayPath: string
  exports: ScannedExport[]
}

/**
 * Lists the model files of the given folders, sub-folders included, in a stable order.
 * Type declarations and test files are left out.
 * @internal
 */
export async function findModelFiles(dirs: string[]): Promise<string[]> {
  const lists = await Promise.all(dirs.map(dir => glob(`**/*.{${MODEL_FILE_EXTENSIONS.join(',')}}`, {
    cwd: dir,
    absolute: true,
    ignore: ['**/*.d.ts', '**/*.d.mts', '**/*.test.*', '**/*.spec.*'],
  })))
  return [...new Set(lists.flatMap(list => list.sort()))]
}

/** The name a default export is auto-imported as: `models/user-profile.ts` gives `UserProfile`. */
export function defaultExportName(path: string): string {
  return pascalCase(basename(path, extname(path)))
}

function stringValue(node: Expression | null | undefined): string | undefined {
  if (!node)
    return undefined
  if (node.type === 'Literal' && typeof node.value === 'string')
    return node.value
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined
  return undefined
}

/** A literal `static <name> = ...` of a class: its string, `null` when not a literal, `undefined` when absent. */
function staticString(node: Class, name: string): string | null | undefined {
  for (const member of node.body.body) {
    if (member.type === 'PropertyDefinition' && member.static && !member.computed
      && member.key.type === 'Identifier' && member.key.name === name) {
      return stringValue(member.value) ?? null
    }
  }
  return undefined
}

/**
 * `static entity = '...'` of a class, when written as a string literal, and its namespace. A class
 * that extends another class than `Model` may inherit a namespace the scan cannot see: unknown.
 */
function entityOf(node: Class): EntityName {
  const entity = staticString(node, 'entity') ?? undefined
  let namespace = staticString(node, 'namespace')
  if (namespace === undefined && !(node.superClass?.type === 'Identifier' && node.superClass.name === 'Model'))
    namespace = null
  return namespace === undefined || namespace === '' ? { entity } : { entity, namespace }
}

/** What a class declares of where its records are kept. */
interface EntityName {
  entity?: string
  namespace?: string | null
}

/** Maps the local name of every top-level class to its literal entity. */
function classEntities(program: Program): Map<string, EntityName> {
  const entities = new Map<string, EntityName>()
  for (const statement of program.body) {
    const node = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
      ? statement.declaration
      : statement
    if (node && (node.type === 'ClassDeclaration') && node.id)
      entities.set(node.id.name, entityOf(node))
  }
  return entities
}

/**
 * Reads the exports of one model file and the entity of each exported class, without running it.
 * Throws an error naming the file when it cannot be parsed.
 * @internal
 */
export function parseModelFile(path: string, code: string, rootDir: string): ScannedModelFile {
  const displayPath = relative(rootDir, path)
  const result = parseSync(path, code)
  const firstError = result.errors[0]
  if (firstError) {
    throw createOrmError(
      `The model file ${displayPath} cannot be parsed: ${firstError.message}. Fix the syntax error; every file in a models folder is loaded as a model.`,
      { cause: firstError.codeframe ?? firstError.message },
    )
  }

  const entities = classEntities(result.program)
  const exports: ScannedExport[] = []
  for (const statement of result.module.staticExports) {
    for (const entry of statement.entries) {
      if (entry.isType || entry.moduleRequest || entry.exportName.kind === 'None')
        continue
      const localName = entry.localName.name ?? undefined
      let entity = localName ? entities.get(localName) : undefined
      if (entry.exportName.kind === 'Default') {
        if (!localName) {
          // `export default class extends Model {}`: the class has no local name.
          const declaration = result.program.body.find(node => node.type === 'ExportDefaultDeclaration')
          if (declaration?.type === 'ExportDefaultDeclaration' && declaration.declaration.type === 'ClassDeclaration')
            entity = entityOf(declaration.declaration)
        }
        exports.push({ name: defaultExportName(path), exportName: 'default', ...entity })
      }
      else if (entry.exportName.name) {
        exports.push({ name: entry.exportName.name, exportName: entry.exportName.name, ...entity })
      }
    }
  }

  return { path, displayPath, exports: dedupeByName(exports) }
}

/**
 * `export class User {}` plus `export default User` in a file named User.ts is one value:
 * it is imported once, by its name.
 */
function dedupeByName(exports: ScannedExport[]): ScannedExport[] {
  const byName = new Map<string, ScannedExport>()
  for (const item of exports) {
    const known = byName.get(item.name)
    if (!known || known.exportName === 'default')
      byName.set(item.name, item)
  }
  return [...byName.values()]
}

/**
 * Finds what would make auto-imports or registration ambiguous: two files exporting one name,
 * two exported classes claiming one entity. Returns one message per problem, naming the files.
 * @internal
 */
export function findModelConflicts(files: ScannedModelFile[]): string[] {
  const problems: string[] = []
  const names = new Map<string, ScannedModelFile>()
  const entities = new Map<string, { file: ScannedModelFile, name: string }>()
  for (const file of files) {
    for (const item of file.exports) {
      const other = names.get(item.name)
      if (other && other !== file) {
        problems.push(`${other.displayPath} and ${file.displayPath} both export \`${item.name}\`. Rename one of them: model names are auto-imported and must be unique.`)
      }
      else {
        names.set(item.name, file)
      }
      if (item.entity === undefined || item.namespace === null)
        continue
      // Two models of one entity in different namespaces keep apart (`admin/users` and `users`).
      const key = item.namespace ? `${item.namespace}/${item.entity}` : item.entity
      const owner = entities.get(key)
      if (owner && !(owner.file === file && owner.name === item.name)) {
        problems.push(`${owner.name} (${owner.file.displayPath}) and ${item.name} (${file.displayPath}) both declare \`static entity = '${item.entity}'\`${item.namespace ? ` in the namespace '${item.namespace}'` : ''}. Give each model its own entity.`)
      }
      else {
        entities.set(key, { file, name: item.name })
      }
    }
  }
  return problems
}

/**
 * Scans the given folders and checks the result. Throws one error listing every problem.
 * @internal
 */
export async function scanModels(dirs: string[], rootDir: string): Promise<ScannedModelFile[]> {
  const paths = await findModelFiles(dirs)
  const files = await Promise.all(paths.map(async path => parseModelFile(path, await readFile(path, 'utf8'), rootDir)))
  const problems = findModelConflicts(files)
  if (problems.length > 0)
    throw createOrmError(problems.join('\n'))
  return files
}

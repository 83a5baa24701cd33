// The core's files form layers: no file reaches itself through its imports, type-only imports and
// re-exports included (the relation contract imports no relation and no normalizer).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/runtime/orm')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [])
}

function imports(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const match of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm))
    found.push(resolve(dirname(file), `${match[1]}.ts`))
  return found
}

function cycles(): string[][] {
  const graph = new Map(files(root).map(file => [file, imports(file)]))
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open')
        found.push(stack.slice(stack.indexOf(next)).map(path => relative(root, path)))
      else if (!state.has(next))
        visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) {
    if (!state.has(file))
      visit(file)
  }
  return found
}

describe('the ORM core imports', () => {
  it('have no cycle, counting type-only imports', () => {
    expect(cycles()).toEqual([])
  })

  it('keep the relation contract free of relation types and the normalizer', () => {
    const contract = imports(join(root, 'relations/Relation.ts')).map(path => relative(root, path))

    expect(contract.sort()).toEqual(['attributes.ts', 'keys.ts'])
  })
})

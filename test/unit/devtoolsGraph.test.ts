import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/runtime/devtools/escapeHtml'
import { graphSvg } from '../../src/runtime/devtools/graph'
import type { EntityInfo } from '../../src/runtime/devtools/inspector'

const entity = (model: string, name: string, count: number, relations: EntityInfo['relations']): EntityInfo =>
  ({ entity: name, model, file: null, count, primaryKey: ['id'], attributes: ['id'], relations })

describe('the DevTools graph', () => {
  const users = entity('User', 'users', 2, [{ field: 'phone', kind: 'HasOne', related: 'phones' }, { field: 'self', kind: 'HasMany', related: 'users' }])
  const phones = entity('Phone', 'phones', 1, [{ field: 'user', kind: 'BelongsTo', related: 'users' }, { field: 'lost', kind: 'BelongsTo', related: null }])

  it('draws a box per model with its entity and count, linking to its records', () => {
    const svg = graphSvg([users, phones])
    expect([...svg.matchAll(/<g class="node" data-entity="(\w+)"/g)].map(match => match[1])).toEqual(['users', 'phones'])
    expect(svg).toContain('>User</text>')
    expect(svg).toContain('>users · 2</text>')
  })

  it('draws an arrow per relation between two models, labelled with the field and type', () => {
    const svg = graphSvg([users, phones])
    expect([...svg.matchAll(/class="edge-label"[^>]*>([^<]*)</g)].map(match => match[1])).toEqual(['phone (HasOne)', 'user (BelongsTo)'])
    expect(svg.match(/class="edge"/g)).toHaveLength(2)
  })

  it('escapes names, so a model name cannot inject markup', () => {
    const svg = graphSvg([entity('<b>', 'a&b', 0, [])])
    expect(svg).toContain('>&lt;b&gt;</text>')
    expect(svg).toContain('data-entity="a&amp;b"')
    expect(escapeHtml('"\'<>&')).toBe('&quot;&#39;&lt;&gt;&amp;')
  })
})

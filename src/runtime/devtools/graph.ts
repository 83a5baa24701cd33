import { escapeHtml } from './escapeHtml'
import type { EntityInfo } from './inspector'

const WIDTH = 720
const NODE_WIDTH = 150
const NODE_HEIGHT = 44

/**
 * The models and their relations as an SVG: one box per entity (model name, entity, record count)
 * on a circle, one arrow per relation from the model that declares it to the related one, labelled
 * with the field and the relation type. A box links to the entity's records (`data-entity`).
 * @internal
 */
export function graphSvg(entities: readonly EntityInfo[]): string {
  const count = entities.length
  const radius = count <= 1 ? 0 : Math.max(140, count * 34)
  const height = 2 * radius + NODE_HEIGHT + 80
  const center = { x: WIDTH / 2, y: height / 2 }
  const width = Math.max(WIDTH, 2 * radius + NODE_WIDTH + 80)
  center.x = width / 2
  const positions = new Map<string, { x: number, y: number }>()
  entities.forEach((info, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(count, 1)
    positions.set(info.entity, { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) })
  })

  const edges: string[] = []
  for (const info of entities) {
    const from = positions.get(info.entity)!
    info.relations.forEach((relation, i) => {
      const to = relation.related === null ? undefined : positions.get(relation.related)
      // A relation of a model to itself would be a loop on its own box: listed in the records instead.
      if (!to || to === from)
        return
      // Two models related both ways get their arrows side by side, not on top of each other.
      const bend = 24 + 14 * i
      const mx = (from.x + to.x) / 2 + (to.y - from.y === 0 ? 0 : bend * Math.sign(to.y - from.y))
      const my = (from.y + to.y) / 2 - (to.x - from.x === 0 ? 0 : bend * Math.sign(to.x - from.x))
      const label = `${relation.field} (${relation.kind})`
      const end = boxEdge(to, { x: mx, y: my })
      edges.push(
        `<path class="edge" d="M${round(from.x)},${round(from.y)} Q${round(mx)},${round(my)} ${round(end.x)},${round(end.y)}" marker-end="url(#arrow)"/>`
        + `<text class="edge-label" x="${round(mx)}" y="${round(my)}" text-anchor="middle">${escapeHtml(label)}</text>`,
      )
    })
  }

  const nodes = entities.map((info) => {
    const { x, y } = positions.get(info.entity)!
    return `<g class="node" data-entity="${escapeHtml(info.entity)}" transform="translate(${round(x - NODE_WIDTH / 2)},${round(y - NODE_HEIGHT / 2)})">`
      + `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8"/>`
      + `<text x="${NODE_WIDTH / 2}" y="18" text-anchor="middle" class="node-title">${escapeHtml(info.model)}</text>`
      + `<text x="${NODE_WIDTH / 2}" y="34" text-anchor="middle" class="node-sub">${escapeHtml(info.entity)} · ${info.count}</text>`
      + '</g>'
  })

  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}" data-test="graph">`
    + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
    + edges.join('') + nodes.join('') + '</svg>'
}

/** Where a line arriving at a box's centre from `from` crosses the box's border. */
function boxEdge(center: { x: number, y: number }, from: { x: number, y: number }): { x: number, y: number } {
  const dx = from.x - center.x
  const dy = from.y - center.y
  if (dx === 0 && dy === 0)
    return center
  const scale = Math.min(dx === 0 ? Infinity : (NODE_WIDTH / 2) / Math.abs(dx), dy === 0 ? Infinity : (NODE_HEIGHT / 2) / Math.abs(dy))
  return { x: center.x + dx * scale, y: center.y + dy * scale }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

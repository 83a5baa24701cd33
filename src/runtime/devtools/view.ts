import { escapeHtml } from './escapeHtml'
import { graphSvg } from './graph'
import type { EntityInfo, Inspector, RecordInfo } from './inspector'

interface ViewState {
  view: 'entities' | 'records' | 'graph'
  entity: string
  key: string
  exactKey: boolean
  field: string
  value: string
}

/**
 * Renders the DevTools tab into `doc` (the tab page's document, in its own window) from an
 * inspector of the app's Pinia, and re-renders after every write the inspector reports.
 * Returns the function that stops it.
 * @internal
 */
export function mountDevtoolsView(doc: Document, inspector: Inspector): () => void {
  const root = doc.getElementById('app')!
  const state: ViewState = { view: 'entities', entity: '', key: '', exactKey: false, field: '', value: '' }

  root.innerHTML = '<header><h1>Pinia ORM</h1><nav>'
    + '<button data-view="entities" data-test="tab-entities">Entities</button>'
    + '<button data-view="graph" data-test="tab-graph">Graph</button>'
    + '</nav><span class="live" data-test="live">live</span></header><main data-test="content"></main>'
  const main = root.querySelector('main')!

  let unsubscribe = () => {}
  let subscribed = ''
  const render = () => {
    for (const button of root.querySelectorAll<HTMLElement>('nav button'))
      button.classList.toggle('active', button.dataset.view === (state.view === 'records' ? 'entities' : state.view))
    const entities = inspector.entities()
    // A model file added in dev brings a new store: listen to it too.
    const names = entities.map(info => info.entity).join()
    if (names !== subscribed) {
      unsubscribe()
      unsubscribe = inspector.subscribe(render)
      subscribed = names
    }
    if (state.view === 'graph') {
      main.innerHTML = `<p class="hint">Arrows go from the model that declares a relation to the related model. Click a model to browse its records.</p>${graphSvg(entities)}`
    }
    else if (state.view === 'records' && entities.some(info => info.entity === state.entity)) {
      renderRecords(entities.find(info => info.entity === state.entity)!)
    }
    else {
      state.view = 'entities'
      main.innerHTML = entitiesTable(entities)
    }
  }

  const renderRecords = (info: EntityInfo) => {
    let results = main.querySelector<HTMLElement>('[data-test="results"]')
    if (!results || main.dataset.shown !== info.entity) {
      main.dataset.shown = info.entity
      main.innerHTML = `<p><a href="#" data-view="entities">All entities</a> / <strong>${escapeHtml(info.model)}</strong> (${escapeHtml(info.entity)})</p>`
        + '<form class="search" data-test="search">'
        + `<label>Key <input name="key" data-test="search-key" value="${escapeHtml(state.key)}"></label>`
        + `<label>Field <select name="field" data-test="search-field">${info.attributes.map(field => `<option${field === state.field ? ' selected' : ''}>${escapeHtml(field)}</option>`).join('')}</select></label>`
        + `<label>contains <input name="value" data-test="search-value" value="${escapeHtml(state.value)}"></label>`
        + '</form><div data-test="results"></div>'
      results = main.querySelector<HTMLElement>('[data-test="results"]')!
      state.field ||= info.attributes[0] ?? ''
    }
    const { total, records } = inspector.records(info.entity, state)
    results.innerHTML = `<p class="hint" data-test="total">${total} ${total === 1 ? 'record' : 'records'}${total > records.length ? `, first ${records.length} shown` : ''}</p>`
      + `<table><thead><tr><th>key</th><th>attributes</th><th>relations</th></tr></thead><tbody>${records.map(recordRow).join('')}</tbody></table>`
  }

  const open = (entity: string, key = '', exactKey = false) => {
    Object.assign(state, { view: 'records', entity, key, exactKey, field: '', value: '' })
    delete main.dataset.shown
    render()
  }

  const onClick = (event: Event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-goto-entity], [data-entity], [data-view]')
    if (!target)
      return
    event.preventDefault()
    if (target.dataset.gotoEntity !== undefined)
      open(target.dataset.gotoEntity, target.dataset.gotoKey, true)
    else if (target.dataset.entity !== undefined)
      open(target.dataset.entity)
    else if (target.dataset.view) {
      state.view = target.dataset.view as ViewState['view']
      delete main.dataset.shown
      render()
    }
  }

  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement | HTMLSelectElement
    if (input.name === 'key')
      Object.assign(state, { key: input.value, exactKey: false })
    else if (input.name === 'field' || input.name === 'value')
      state[input.name] = input.value
    else
      return
    render()
  }

  root.addEventListener('click', onClick)
  root.addEventListener('input', onInput)
  root.addEventListener('submit', event => event.preventDefault())
  render()
  return () => {
    unsubscribe()
    root.removeEventListener('click', onClick)
    root.removeEventListener('input', onInput)
  }
}

function entitiesTable(entities: readonly EntityInfo[]): string {
  const rows = entities.map(info => `<tr data-entity="${escapeHtml(info.entity)}" data-test="entity-${escapeHtml(info.entity)}">`
    + `<td><strong>${escapeHtml(info.model)}</strong></td><td>${escapeHtml(info.entity)}</td>`
    + `<td class="file">${escapeHtml(info.file ?? 'registered in code')}</td>`
    + `<td class="count" data-test="count">${info.count}</td>`
    + `<td>${info.relations.map(relation => `${escapeHtml(relation.field)}: ${escapeHtml(relation.kind)} ${escapeHtml(relation.related ?? '?')}`).join('<br>')}</td></tr>`)
  return '<table><thead><tr><th>model</th><th>entity</th><th>file</th><th>records</th><th>relations</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>`
}

function recordRow(record: RecordInfo): string {
  const attributes = Object.entries(record.attributes)
    .map(([field, value]) => `<span class="field">${escapeHtml(field)}</span>: ${escapeHtml(value)}`).join('<br>')
  const relations = record.relations.map((relation) => {
    const links = relation.keys.length === 0
      ? '<span class="hint">none</span>'
      : relation.keys.map(key => `<a href="#" data-goto-entity="${escapeHtml(relation.entity ?? '')}" data-goto-key="${escapeHtml(key)}">${escapeHtml(relation.entity ?? '?')} ${escapeHtml(key)}</a>`).join(', ')
    return `<span class="field">${escapeHtml(relation.field)}</span>: ${links}`
  }).join('<br>')
  return `<tr data-test="record-${escapeHtml(record.key)}"><td>${escapeHtml(record.key)}</td><td>${attributes}</td><td>${relations}</td></tr>`
}

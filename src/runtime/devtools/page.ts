/** The global the app's dev-only bridge plugin sets on its window. @internal */
export const DEVTOOLS_GLOBAL = '__NUXT_PINIA_ORM_DEVTOOLS__'

/**
 * The DevTools tab's page: a stylesheet and a loader. The tab shows it in an iframe inside the
 * DevTools' own iframe, both on the app's origin, so the loader finds the app's window among its
 * ancestors (or its opener) and asks the bridge there to render into this document: the page
 * reads the app's stores directly, with no copy and no message protocol.
 * @internal
 */
export const DEVTOOLS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Pinia ORM</title>
<style>
:root { color-scheme: light dark; font: 14px/1.4 system-ui, sans-serif; }
body { margin: 0; padding: 12px 16px; }
header { display: flex; align-items: center; gap: 16px; margin-bottom: 12px; }
h1 { font-size: 16px; margin: 0; }
nav button { font: inherit; padding: 4px 10px; border: 1px solid #8884; border-radius: 6px; background: none; color: inherit; cursor: pointer; }
nav button.active { background: #00dc8222; border-color: #00dc82; }
.live { margin-left: auto; font-size: 12px; opacity: .6; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #8883; }
tbody tr[data-entity] { cursor: pointer; }
tbody tr[data-entity]:hover { background: #8881; }
.file, .field, .hint { opacity: .7; }
.count { font-variant-numeric: tabular-nums; }
a { color: #00a866; }
.search { display: flex; gap: 12px; margin-bottom: 8px; }
input, select { font: inherit; padding: 3px 6px; }
svg { max-width: 100%; height: auto; }
svg .edge { fill: none; stroke: #8889; stroke-width: 1.5; }
svg marker path { fill: #8889; }
svg .edge-label { font-size: 11px; fill: currentColor; opacity: .75; }
svg .node { cursor: pointer; }
svg .node rect { fill: #00dc8218; stroke: #00dc82; }
svg .node-title { font-weight: 600; fill: currentColor; }
svg .node-sub { font-size: 11px; fill: currentColor; opacity: .7; }
</style>
</head>
<body>
<div id="app" data-test="waiting">Waiting for the app: open this page from the app's Nuxt DevTools (Pinia ORM tab), while the app runs in dev.</div>
<script>
(function connect() {
  var candidates = []
  for (var w = window; w; w = w.parent === w ? null : w.parent) candidates.push(w)
  if (window.opener) candidates.push(window.opener)
  for (var i = 0; i < candidates.length; i++) {
    try {
      var bridge = candidates[i].${DEVTOOLS_GLOBAL}
      if (bridge) {
        var stop = bridge.mount(document)
        window.addEventListener('pagehide', stop)
        return
      }
    } catch (error) {}
  }
  setTimeout(connect, 500)
})()
</script>
</body>
</html>
`

// The parts of `npm run bench` that run as scripts of their own, each in its own child process, as
// they run standalone: live queries (W15-W17, W16b), transactions (W18) and the heap of server renders
// with live queries (issue 15), and what a date cast and a `saving` hook cost (issue 10).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const here = file => fileURLToPath(new URL(file, import.meta.url))

/** Runs a bench script in a child and gives its standard output. */
function runScript(args, env = { NODE_ENV: 'production' }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.on('close', code => resolve(code === 0 ? out.trim() : `(failed: exit ${code})\n${out.trim()}`))
  })
}

/**
 * Measures the live-query, transaction and model-feature workloads and returns their sections of
 * the report.
 * @param {{ ns: number[], quick: boolean }} options
 */
export async function measureExtras({ ns, quick }) {
  const sizes = ns.filter(n => n >= 10_000)
  const live = await runScript([here('./live.mjs'), '--n', (sizes.length > 0 ? sizes : [Math.max(...ns)]).join(','), '--samples', quick ? '50' : '200'])
  // transactions.mjs bundles the core itself, then runs again with the production builds.
  const transactions = await runScript([here('./transactions.mjs'), '--n', '10000', '--samples', quick ? '5' : '15'], { NODE_ENV: '' })
  const ssr = await runScript(['--expose-gc', here('./liveSsr.mjs'), '--requests', quick ? '2000' : '10000'])
  const features = await runScript([here('./features.mjs'), '--n', '10000', '--samples', quick ? '7' : '21'], { NODE_ENV: '' })
  return [
    '#### Live queries and transactions (issue 15)',
    '',
    'W15: save one phone, then read a live `with(\'phone\').get()` of all users (target ≤ 1 ms at N = 100,000). W16: the same for `where(\'active\', true).orderBy(\'name\').with(\'posts\').limit(50)` (≤ 1 ms). W16b: save one phone, then read a live `with(\'posts.author.phone\')` of all users (a nested with(); live query only). W17: re-runs of a `find(1)` computed after 1,000 saves of other records (0). `live` is a live query, `computed` a computed over `get()`, `plain` a hand-written baseline that keeps its result incrementally (bench/live.mjs).',
    '',
    live,
    '',
    'W18: 1,000 mixed writes across three entities with and without `transaction()`, and what undoing them costs (bench/transactions.mjs; targets: ≤ 1.5× without, undo ≤ 1×).',
    '',
    '```',
    transactions,
    '```',
    '',
    'Server renders with live queries, each request its own Pinia (bench/liveSsr.mjs): the heap after GC must not grow with the number of requests.',
    '',
    ssr,
    '',
    '#### Model features (issue 10)',
    '',
    'A model with a date cast and a `saving` hook against the same model without them, cold (a fresh store per sample, GC first), samples alternating (bench/features.mjs). The cast parses a date per record read, which is most of W2\'s difference.',
    '',
    features,
    '',
  ].join('\n')
}

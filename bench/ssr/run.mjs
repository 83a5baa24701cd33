// SSR throughput: requests per second of the same page (1,000 users with
// their phones) built through the nuxt-pinia-orm module and on a bare Pinia
// store. Both apps are built, started on 127.0.0.1, loaded by autocannon for a
// fixed time after a warm-up, and stopped by this script.
import { existsSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { ROOT_DIR } from '../versions.mjs'

const APPS = {
  bare: new URL('./app-pinia/', import.meta.url),
  orm: new URL('./app-orm/', import.meta.url),
}
const USERS = 1000
const log = message => process.stderr.write(`[bench] ssr: ${message}\n`)

function runToEnd(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', chunk => (output += chunk))
    child.stderr.on('data', chunk => (output += chunk))
    child.on('close', code => resolve({ code, output }))
  })
}

async function build(name) {
  log(`building ${name}`)
  const nuxi = fileURLToPath(new URL('node_modules/.bin/nuxi', ROOT_DIR))
  const { code, output } = await runToEnd(nuxi, ['build', fileURLToPath(APPS[name])], { cwd: fileURLToPath(ROOT_DIR) })
  if (code !== 0) {
    const lines = output.split('\n').filter(line => /error/i.test(line)).slice(0, 3).join(' ').trim()
    throw new Error(`nuxi build of bench/ssr/${name === 'orm' ? 'app-orm' : 'app-pinia'} failed (exit ${code}): ${lines.slice(0, 300) || 'see its output'}`)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function start(name) {
  const port = await freePort()
  const server = spawn(process.execPath, [fileURLToPath(new URL('.output/server/index.mjs', APPS[name]))], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', NITRO_HOST: '127.0.0.1', PORT: String(port), NITRO_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}/`
  const exited = new Promise(resolve => server.once('exit', resolve))
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return { url, html: await response.text(), stop: () => (server.kill('SIGTERM'), exited) }
    }
    catch {
      // not listening yet
    }
    if (server.exitCode !== null) break
    await sleep(100)
  }
  server.kill('SIGTERM')
  await exited
  throw new Error(`the ${name} app's server did not answer 200 at ${url} within 30 s`)
}

/** The rendered list, so both apps can be checked to show the same thing. */
function listedUsers(html) {
  return [...html.matchAll(/<li data-user[^>]*>([^<]*)<\/li>/g)].map(match => match[1].trim())
}

async function load(url, seconds, connections) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 })
  return {
    requestsPerSecond: result.requests.total / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  }
}

/**
 * @param {{ durationSeconds: number, connections: number, rounds: number }} options
 * @returns {Promise<object>} rates of both apps and their ratio, or `reason` when not measured
 */
export async function measureSsr({ durationSeconds, connections, rounds }) {
  if (!existsSync(new URL('src/module.ts', ROOT_DIR))) return { reason: 'module not available (src/module.ts does not exist)' }
  try {
    for (const name of Object.keys(APPS)) await build(name)
  }
  catch (error) {
    log(error.message)
    return { reason: `module not available: ${error.message}` }
  }

  const totals = { bare: [], orm: [] }
  const pages = {}
  // Alternating rounds, so drift of the machine touches both apps alike.
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(APPS)) {
      const server = await start(name)
      try {
        const listed = listedUsers(server.html)
        if (listed.length !== USERS) throw new Error(`the ${name} page lists ${listed.length} users instead of ${USERS}`)
        pages[name] = { listed, bytes: Buffer.byteLength(server.html) }
        await load(server.url, Math.max(1, Math.round(durationSeconds / 4)), connections)
        const measured = await load(server.url, durationSeconds, connections)
        log(`${name} round ${round + 1}: ${measured.requestsPerSecond.toFixed(1)} requests/s`)
        totals[name].push(measured)
      }
      finally {
        await server.stop()
      }
    }
  }
  if (pages.bare.listed.join('\n') !== pages.orm.listed.join('\n')) {
    return { reason: 'the two apps render different lists; fix the apps before comparing their rates' }
  }

  const summary = (name) => {
    const runs = totals[name]
    const mean = key => runs.reduce((sum, run) => sum + key(run), 0) / runs.length
    return {
      requestsPerSecond: mean(run => run.requestsPerSecond),
      latencyMs: { p50: Math.round(mean(run => run.latencyMs.p50) * 10) / 10, p99: Math.round(mean(run => run.latencyMs.p99) * 10) / 10 },
      errors: runs.reduce((sum, run) => sum + run.errors, 0),
      bytesPerResponse: pages[name].bytes,
      rounds: runs.map(run => Math.round(run.requestsPerSecond * 10) / 10),
    }
  }
  const bare = summary('bare')
  const orm = summary('orm')
  return { users: USERS, connections, durationSeconds, rounds, bare, orm, ratio: orm.requestsPerSecond / bare.requestsPerSecond }
}

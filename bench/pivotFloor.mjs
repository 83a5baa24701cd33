// What W9 costs on the shape of pinia-orm's pivot store, against the hand-written baseline
// (bench/relationsBaseline.mjs: nested Maps keyed by number). The ORM keeps a pivot model with a
// composite key as pinia-orm does: Pinia state whose `data` is a plain object keyed by
// `'[userId,roleId]'` strings. Two hand-written programs, nothing of the ORM in either:
//
// - "shape alone": the 3N key strings, a `Map` batch of them (a link saved twice is one record)
//   and their insertion into a plain object; no user, no role, no read.
// - "W9 on the shape": the whole workload as tight as it can be written on that shape, the floor
//   of any pinia-orm-compatible store. The save merges each record into the stored one and
//   batches per entity before writing (a failed save writes nothing), the read builds the
//   `userId` index of the pivot store and returns instances of three classes, each role with its
//   pivot, as W9 asks. Its output is checked against the baseline's.
//
// With `ours`, the ORM's W9 (the bundle of `node bench/build.mjs`) is timed in the same rounds.
//
//   node --expose-gc bench/pivotFloor.mjs [N=10000] [samples=15] [ours]
import { deepStrictEqual } from 'node:assert'
import { saveUsersWithRoles, usersWithRoles } from './relationsBaseline.mjs'
import { makeUsersWithRoles } from './relationData.mjs'

const n = Number(process.argv[2] ?? 10_000)
const samples = Number(process.argv[3] ?? 15)
const gc = globalThis.gc ?? (() => {})
const median = list => [...list].sort((a, b) => a - b)[list.length >> 1]

/** The pivot store's shape for W9's input, and no more: 3N keys into a batch and a state object. */
function pivotShapeOnly(users) {
  const batch = new Map()
  for (const user of users) {
    for (const role of user.roles) {
      const key = `[${user.id},${role.id}]`
      if (!batch.has(key))
        batch.set(key, { userId: user.id, roleId: role.id })
    }
  }
  const data = {}
  for (const [key, record] of batch)
    data[key] = record
  return data
}

class User {
  constructor(record) {
    this.id = record.id
    this.name = record.name
    this.roles = undefined
  }
}
class Role {
  constructor(record) {
    this.id = record.id
    this.name = record.name
    this.pivot = undefined
  }
}
class RoleUser {
  constructor(record) {
    this.userId = record.userId
    this.roleId = record.roleId
  }
}

/** A record of the batch under `key`: the batched one, else a copy of the stored one, else a new one. */
function batched(batch, data, key, make) {
  let record = batch.get(key)
  if (record === undefined) {
    const stored = Object.hasOwn(data, key) ? data[key] : undefined
    batch.set(key, record = stored === undefined ? make() : { ...stored })
  }
  return record
}

/** W9's save on the shape: stores `{ data }` of users, roles and roleUser, keyed as pinia-orm keys them. */
function saveOnShape(state, inputs) {
  const users = new Map()
  const roles = new Map()
  const links = new Map()
  for (const input of inputs) {
    batched(users, state.users, String(input.id), () => ({ id: input.id, name: '' })).name = input.name
    for (const role of input.roles) {
      batched(roles, state.roles, String(role.id), () => ({ id: role.id, name: '' })).name = role.name
      batched(links, state.roleUser, `[${input.id},${role.id}]`, () => ({ userId: input.id, roleId: role.id }))
    }
  }
  for (const [key, record] of users) state.users[key] = record
  for (const [key, record] of roles) state.roles[key] = record
  for (const [key, record] of links) state.roleUser[key] = record
}

/** W9's read on the shape: every user with its roles, each carrying its pivot. */
function readOnShape(state) {
  const byUser = Object.create(null)
  for (const key of Object.keys(state.roleUser)) {
    const userId = String(state.roleUser[key].userId)
    const bucket = byUser[userId]
    if (bucket === undefined) byUser[userId] = [key]
    else bucket.push(key)
  }
  const out = []
  for (const key of Object.keys(state.users)) {
    const user = new User(state.users[key])
    const list = []
    for (const pivotKey of byUser[key] ?? []) {
      const pivot = state.roleUser[pivotKey]
      const role = state.roles[String(pivot.roleId)]
      if (role !== undefined) {
        const instance = new Role(role)
        instance.pivot = new RoleUser(pivot)
        list.push(instance)
      }
    }
    user.roles = list
    out.push(user)
  }
  return out
}

const onShape = (users) => {
  const state = { users: {}, roles: {}, roleUser: {} }
  saveOnShape(state, users)
  return readOnShape(state)
}
const baselineRun = (users) => {
  const store = {}
  saveUsersWithRoles(store, users)
  return usersWithRoles(store)
}
const plainOut = list => list.map(user => ({ id: user.id, name: user.name, roles: user.roles.map(role => ({ id: role.id, name: role.name, pivot: { ...role.pivot } })).sort((a, b) => a.id - b.id) }))
deepStrictEqual(plainOut(onShape(makeUsersWithRoles(1000))), plainOut(baselineRun(makeUsersWithRoles(1000))))

/** Medians of each program, run in turn in every round (a fresh input and a GC before each). */
function time(programs) {
  const times = programs.map(() => [])
  for (let i = 0; i < samples; i++) {
    programs.forEach((run, p) => {
      const users = makeUsersWithRoles(n)
      gc()
      const start = performance.now()
      run(users)
      times[p].push(performance.now() - start)
    })
  }
  return times.map(median)
}

const programs = [baselineRun, pivotShapeOnly, onShape]
if (process.argv[4] === 'ours') {
  const { FACTORIES } = await import('./factories.mjs')
  const ours = await FACTORIES.ours()
  programs.push((users) => {
    const store = ours.createStore()
    ours.saveUsersWithRoles(store, users)
    return ours.usersWithRoles(store)
  })
}
const [baseline, shape, whole, orm] = time(programs)
const fmt = ms => `${ms.toFixed(2)} ms`
console.log(`N = ${n}, median of ${samples} (a GC before each): baseline W9 (save + read) ${fmt(baseline)}; `
  + `the pivot store's shape alone ${fmt(shape)}, ${(shape / baseline).toFixed(2)}x; `
  + `W9 hand-written on the shape ${fmt(whole)}, ${(whole / baseline).toFixed(2)}x the baseline`
  + (orm === undefined ? '' : `; ours ${fmt(orm)}, ${(orm / baseline).toFixed(2)}x`))

// Property test for the pivot, polymorphic, hasManyBy and hasManyThrough relations and the delete rules: after any sequence of
// saves, updates and deletes (and writes through Pinia's $patch), what the ORM loads equals a brute-force join over pinia.state.value,
// saving back a record read with its relations changes nothing,
// and no record points at a record deleted under a cascade or set-null rule. A namespaced twin of Role (same entity, its own
// store) is written beside it: neither model nor any relation ever sees the other's records.
import fc from 'fast-check'
import { createPinia } from 'pinia'
import type { Pinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp, toRaw } from 'vue'
import { Model, useRepo } from '../../src/runtime/orm'

class User extends Model {
  static override entity = 'users'
  static override fields() {
    return {
      id: this.attr(null),
      roles: this.belongsToMany(() => Role, () => RoleUser, 'userId', 'roleId').onDelete('cascade'),
      comments: this.morphMany(() => Comment, 'cid', 'ctype').onDelete('cascade'),
      favoriteIds: this.attr<number[]>([]),
      favorites: this.hasManyBy(() => Role, 'favoriteIds'),
      adminRoles: this.hasMany(() => AdminRole, 'userId'),
    }
  }
}

class Post extends Model {
  static override entity = 'posts'
  static override fields() {
    return { id: this.attr(null), comments: this.morphMany(() => Comment, 'cid', 'ctype').onDelete('set null') }
  }
}

class Comment extends Model {
  static override entity = 'comments'
  static override fields() {
    return { id: this.attr(null), cid: this.attr(null), ctype: this.attr(null), commentable: this.morphTo([User, Post], 'cid', 'ctype') }
  }
}

class Role extends Model {
  static override entity = 'roles'
  static override fields() {
    return {
      id: this.attr(null),
      users: this.belongsToMany(User, () => RoleUser, 'roleId', 'userId').onDelete('set null'),
      // The comments whose cid is the id of a user holding this role (whatever their type).
      userComments: this.hasManyThrough(() => Comment, () => RoleUser, 'roleId', 'cid', 'id', 'userId'),
    }
  }
}

// A twin of Role: the same entity under a namespace, its own store ('admin/roles').
class AdminRole extends Model {
  static override entity = 'roles'
  static override namespace = 'admin'
  static override fields() {
    return { id: this.attr(null), userId: this.attr(null), owner: this.belongsTo(User, 'userId') }
  }
}

class RoleUser extends Model {
  static override entity = 'roleUser'
  static override primaryKey = ['userId', 'roleId']
  static override fields() {
    return { userId: this.attr(null), roleId: this.attr(null) }
  }
}

type Row = Record<string, unknown>
const id = fc.integer({ min: 1, max: 4 })
const ids = fc.array(id, { maxLength: 3 })
const op = fc.oneof(
  fc.record({ kind: fc.constant('saveUser' as const), id, roles: ids, comments: fc.option(ids, { nil: undefined }) }),
  fc.record({ kind: fc.constant('saveFavorites' as const), id, favorites: ids }),
  fc.record({ kind: fc.constant('savePost' as const), id, comments: ids }),
  fc.record({ kind: fc.constant('saveComment' as const), id, type: fc.constantFrom('users', 'posts', 'videos'), target: id }),
  fc.record({ kind: fc.constant('moveComments' as const), target: id }),
  fc.record({ kind: fc.constant('destroyUser' as const), id }),
  fc.record({ kind: fc.constant('destroyPost' as const), id }),
  fc.record({ kind: fc.constant('destroyRole' as const), id }),
  fc.record({ kind: fc.constant('flushUsers' as const) }),
  fc.record({ kind: fc.constant('saveAdminRole' as const), id, user: id }),
  fc.record({ kind: fc.constant('saveUserWithAdminRoles' as const), id, roles: ids }),
  fc.record({ kind: fc.constant('destroyAdminRole' as const), id }),
  // SSR hydration: the whole state replaced by a copy of itself, pivots and morph types included.
  fc.record({ kind: fc.constant('hydrate' as const) }),
  // Writes behind the ORM, through Pinia: a pivot record added, a comment moved in place.
  fc.record({ kind: fc.constant('patchPivot' as const), id, role: id }),
  fc.record({ kind: fc.constant('patchComment' as const), id, type: fc.constantFrom('users', 'posts'), target: id }),
  // A record read back with every relation (or with constraints that may keep none), saved as it is.
  fc.record({ kind: fc.constant('resave' as const), model: fc.constantFrom('users', 'posts', 'comments', 'roles', 'admin/roles'), id }),
  fc.record({ kind: fc.constant('resaveConstrained' as const), id, role: id }),
  // null under list relations changes nothing, and neither does saving back what that save returned.
  fc.record({ kind: fc.constant('saveNullLists' as const), id }),
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

function apply(pinia: Pinia, step: Op): void {
  switch (step.kind) {
    case 'saveUser':
      useRepo(User, pinia).save({ id: step.id, roles: step.roles.map(role => ({ id: role })), ...(step.comments && { comments: step.comments.map(c => ({ id: c })) }) })
      break
    case 'saveFavorites':
      useRepo(User, pinia).save({ id: step.id, favorites: step.favorites.map(role => ({ id: role })) })
      break
    case 'savePost':
      useRepo(Post, pinia).save({ id: step.id, comments: step.comments.map(c => ({ id: c })) })
      break
    case 'saveComment':
      useRepo(Comment, pinia).save({ id: step.id, ctype: step.type, cid: step.target })
      break
    case 'moveComments':
      useRepo(Comment, pinia).where('cid', step.target).update({ ctype: 'posts' })
      break
    case 'destroyUser':
      useRepo(User, pinia).destroy(step.id)
      break
    case 'destroyPost':
      useRepo(Post, pinia).destroy(step.id)
      break
    case 'destroyRole':
      useRepo(Role, pinia).destroy(step.id)
      break
    case 'flushUsers':
      useRepo(User, pinia).flush()
      break
    case 'saveAdminRole':
      useRepo(AdminRole, pinia).save({ id: step.id, owner: { id: step.user } })
      break
    case 'saveUserWithAdminRoles':
      useRepo(User, pinia).save({ id: step.id, adminRoles: step.roles.map(role => ({ id: role })) })
      break
    case 'destroyAdminRole':
      useRepo(AdminRole, pinia).destroy(step.id)
      break
    case 'hydrate':
      pinia.state.value = structuredClone(toRaw(pinia.state.value))
      break
    case 'patchPivot':
      useRepo(RoleUser, pinia).piniaStore().$patch({ data: { [`[${step.id},${step.role}]`]: { userId: step.id, roleId: step.role } } })
      break
    case 'resave': {
      const model = { 'users': User, 'posts': Post, 'comments': Comment, 'roles': Role, 'admin/roles': AdminRole }[step.model]
      const record = useRepo(model, pinia).withAll().find(step.id)
      if (record)
        useRepo(model, pinia).save(record)
      break
    }
    case 'saveNullLists': {
      const links = () => {
        const state = toRaw(pinia.state.value)
        return JSON.stringify([state.roleUser, state.comments, state['admin/roles'], state.users?.data[step.id]?.favoriteIds])
      }
      // A user saved for the first time gets its key list's default: compared for stored users.
      const stored = useRepo(User, pinia).find(step.id) !== null
      const before = links()
      const saved = useRepo(User, pinia).save({ id: step.id, roles: null, comments: null, favorites: null, adminRoles: null })
      useRepo(User, pinia).save(saved)
      if (stored)
        expect(links()).toBe(before)
      break
    }
    case 'resaveConstrained': {
      const user = useRepo(User, pinia).with('roles', query => query.where('id', step.role)).with('comments', query => query.where('id', 0)).with('favorites', query => query.where('id', step.role)).find(step.id)
      if (user)
        useRepo(User, pinia).save(user)
      break
    }
    case 'patchComment':
      useRepo(Comment, pinia).piniaStore().$patch((state) => {
        const comment = state.data[step.id]
        if (comment) {
          comment.ctype = step.type
          comment.cid = step.target
        }
        else {
          state.data[step.id] = { id: step.id, ctype: step.type, cid: step.target }
        }
      })
      break
  }
}

const rows = (pinia: Pinia, entity: string) => Object.values((pinia.state.value[entity]?.data ?? {}) as Record<string, Row>)
/** Every record of every store, by store id (a store a read created, still empty, left out). */
const records = (pinia: Pinia) => Object.fromEntries(Object.entries(structuredClone(toRaw(pinia.state.value)) as Record<string, { data: Record<string, Row> }>)
  .filter(([, state]) => Object.keys(state.data).length > 0)
  .map(([id, state]) => [id, state.data]))
const sorted = (values: unknown[]) => [...values].map(Number).sort((a, b) => a - b)

function check(pinia: Pinia): void {
  const users = rows(pinia, 'users')
  const posts = rows(pinia, 'posts')
  const roles = rows(pinia, 'roles')
  const pivots = rows(pinia, 'roleUser')
  const comments = rows(pinia, 'comments')
  const adminRoles = rows(pinia, 'admin/roles')
  const exists = (list: Row[], key: unknown) => list.some(row => row.id === key)

  // The twins keep apart: each model reads its own store, and relations to one never see the other's records.
  expect(sorted(useRepo(Role, pinia).all().map(role => role.id))).toEqual(sorted(roles.map(role => role.id)))
  expect(sorted(useRepo(AdminRole, pinia).all().map(role => role.id))).toEqual(sorted(adminRoles.map(role => role.id)))
  for (const user of useRepo(User, pinia).with('adminRoles').get())
    expect(sorted(user.adminRoles!.map(role => role.id))).toEqual(sorted(adminRoles.filter(role => role.userId === user.id).map(role => role.id)))
  for (const role of useRepo(AdminRole, pinia).with('owner').get())
    expect(role.owner?.id ?? null).toBe(exists(users, role.userId) ? role.userId : null)

  const loadedUsers = useRepo(User, pinia).with('roles').with('comments').with('favorites').get()
  for (const user of loadedUsers) {
    const expectedRoles = pivots.filter(p => p.userId === user.id && exists(roles, p.roleId)).map(p => p.roleId)
    expect(sorted(user.roles!.map(role => role.id))).toEqual(sorted(expectedRoles))
    for (const role of user.roles!)
      expect([role.pivot.userId, role.pivot.roleId]).toEqual([user.id, role.id])
    expect(sorted(user.comments!.map(c => c.id))).toEqual(sorted(comments.filter(c => c.ctype === 'users' && c.cid === user.id).map(c => c.id)))
    const favoriteIds = (users.find(row => row.id === user.id)!.favoriteIds ?? []) as unknown[]
    expect(user.favorites!.map(role => role.id)).toEqual(favoriteIds.filter(key => exists(roles, key)))
  }
  for (const role of useRepo(Role, pinia).with('userComments').get()) {
    const holders = pivots.filter(p => p.roleId === role.id).map(p => p.userId)
    expect(sorted(role.userComments!.map(c => c.id))).toEqual(sorted(comments.filter(c => holders.includes(c.cid)).map(c => c.id)))
  }
  for (const role of useRepo(Role, pinia).with('users').get())
    expect(sorted(role.users!.map(user => user.id))).toEqual(sorted(pivots.filter(p => p.roleId === role.id && exists(users, p.userId)).map(p => p.userId)))
  for (const comment of useRepo(Comment, pinia).with('commentable').get()) {
    const owners = comment.ctype === 'users' ? users : comment.ctype === 'posts' ? posts : []
    const owner = owners.find(row => row.id === comment.cid)
    expect(comment.commentable?.id ?? null).toBe(owner ? owner.id : null)
  }
  expect(sorted(useRepo(User, pinia).has('roles').get().map(user => user.id))).toEqual(sorted(users.filter(u => pivots.some(p => p.userId === u.id && exists(roles, p.roleId))).map(u => u.id)))
  expect(sorted(useRepo(Post, pinia).doesntHave('comments').get().map(post => post.id))).toEqual(sorted(posts.filter(p => !comments.some(c => c.ctype === 'posts' && c.cid === p.id)).map(p => p.id)))
}

describe('pivot and polymorphic relations under random writes', () => {
  it('load what a brute-force join over the state finds, and delete rules leave nothing pointing at deleted records', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 15 }), (steps) => {
      const pinia = createPinia()
      useRepo(RoleUser, pinia)
      for (const step of steps) {
        const rolesBefore = rows(pinia, 'roles').map(r => r.id)
        const usersBefore = rows(pinia, 'users').map(u => u.id)
        const postsBefore = rows(pinia, 'posts').map(p => p.id)
        const before = step.kind.startsWith('resave') ? records(pinia) : undefined
        apply(pinia, step)
        // Saving back what a read gave changes nothing: relations it loaded empty, and a
        // belongsTo or morphTo loaded as null next to the key the record gives, unlink nothing.
        if (before)
          expect(records(pinia)).toEqual(before)
        const users = rows(pinia, 'users').map(u => u.id)
        const posts = rows(pinia, 'posts').map(p => p.id)
        const goneRoles = rolesBefore.filter(r => !rows(pinia, 'roles').some(role => role.id === r))
        const goneUsers = usersBefore.filter(u => !users.includes(u))
        const gonePosts = postsBefore.filter(p => !posts.includes(p))
        // Cascade: a deleted user's pivots and comments went with it; set null: no comment names a deleted post.
        expect(rows(pinia, 'roleUser').filter(p => goneUsers.includes(p.userId))).toEqual([])
        // 'set null' through a pivot relation deletes the pivots: none names a deleted role, and
        // every pivot stays under the key its fields make.
        expect(rows(pinia, 'roleUser').filter(p => goneRoles.includes(p.roleId))).toEqual([])
        for (const [key, pivot] of Object.entries((pinia.state.value.roleUser?.data ?? {}) as Record<string, Row>))
          expect(key).toBe(`[${pivot.userId},${pivot.roleId}]`)
        expect(rows(pinia, 'comments').filter(c => c.ctype === 'users' && goneUsers.includes(c.cid))).toEqual([])
        expect(rows(pinia, 'comments').filter(c => c.ctype === 'posts' && gonePosts.includes(c.cid))).toEqual([])
        check(pinia)
      }
    }), { numRuns: 150 })
    // About 3 s on a quiet machine; room for a loaded one.
  }, 60_000)

  // With a listener, each store write of a repository method is the body of a store action
  // (storeActions.ts); without one, it is written directly. Both must write the same.
  it('write the same with an $onAction listener on every store, which hears each store a step changes', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 15 }), (steps) => {
      const plain = createPinia()
      const listened = createPinia()
      const heard = new Set<string>()
      listened.use(({ store }) => {
        store.$onAction(({ after }) => {
          after(() => heard.add(store.$id))
        })
      })
      createApp({}).use(listened)
      useRepo(RoleUser, plain)
      useRepo(RoleUser, listened)
      for (const step of steps) {
        const before = JSON.stringify(toRaw(listened.state.value))
        heard.clear()
        apply(plain, step)
        apply(listened, step)
        expect(toRaw(listened.state.value)).toEqual(toRaw(plain.state.value))
        if (step.kind === 'hydrate' || step.kind.startsWith('patch'))
          continue
        const was = JSON.parse(before) as Record<string, { data: unknown }>
        for (const [id, state] of Object.entries(toRaw(listened.state.value) as Record<string, { data: unknown }>)) {
          if (JSON.stringify(state.data) !== JSON.stringify(was[id]?.data ?? {}))
            expect(heard.has(id), `${step.kind} changed ${id} unheard`).toBe(true)
        }
      }
    }), { numRuns: 100 })
  }, 60_000)
})

// Random write sequences over the live test models, for the property-based tests.
import fc from 'fast-check'
import type { Pinia } from 'pinia'
import { useRepo } from '../../../src/runtime/orm'
import { LiveImage, LivePhone, LivePost, LiveRole, LiveRoleUser, LiveTag, LiveTeam, LiveUser } from './liveModels'

const NAMES = ['Ann', 'Bob', 'Cy', 'ann', 'Dee']
const TAG_IDS = ['x', 'b', 'a', '10', '2', 'zz', '007']

type Write
  = | { kind: 'user', id: number, name: string, age: number, active: boolean }
    | { kind: 'userName', id: number, name: string }
    | { kind: 'dropUser', id: number }
    | { kind: 'phone', id: number, userId: number | null, number: string }
    | { kind: 'dropPhone', id: number }
    | { kind: 'post', id: number, author: number, title: string }
    | { kind: 'dropPost', id: number }
    | { kind: 'postTitle', id: number, title: string }
    | { kind: 'phoneNumber', id: number, number: string }
    | { kind: 'tag', id: string, label: string }
    | { kind: 'dropTag', id: string }
    | { kind: 'same' }
    | { kind: 'role', id: number, name: string }
    | { kind: 'dropRole', id: number }
    | { kind: 'roleUser', id: number, userId: number, roleId: number, level: number }
    | { kind: 'dropRoleUser', id: number }
    | { kind: 'pivotLevel', id: number, level: number }
    | { kind: 'image', id: number, type: 'liveUsers' | 'livePosts', on: number, url: string }
    | { kind: 'dropImage', id: number }
    | { kind: 'team', id: number, name: string }
    | { kind: 'dropTeam', id: number }
    | { kind: 'userTeam', id: number, teamId: number | null }
    | { kind: 'userTags', id: number, tagIds: string[] }
    | { kind: 'nested', id: number, phone: number, posts: number[] }

const WRITES: fc.Arbitrary<Write>[] = [
  fc.record({ kind: fc.constant('user' as const), id: fc.integer({ min: 1, max: 12 }), name: fc.constantFrom(...NAMES), age: fc.integer({ min: 18, max: 22 }), active: fc.boolean() }),
  fc.record({ kind: fc.constant('userName' as const), id: fc.integer({ min: 1, max: 12 }), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('dropUser' as const), id: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('phone' as const), id: fc.integer({ min: 1, max: 8 }), userId: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), number: fc.constantFrom('1', '2', '3') }),
  fc.record({ kind: fc.constant('dropPhone' as const), id: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('post' as const), id: fc.integer({ min: 1, max: 15 }), author: fc.nat(), title: fc.constantFrom('t1', 't2', 't3') }),
  fc.record({ kind: fc.constant('dropPost' as const), id: fc.integer({ min: 1, max: 15 }) }),
  fc.record({ kind: fc.constant('postTitle' as const), id: fc.integer({ min: 1, max: 15 }), title: fc.constantFrom('t1', 't2', 't3') }),
  fc.record({ kind: fc.constant('phoneNumber' as const), id: fc.integer({ min: 1, max: 8 }), number: fc.constantFrom('1', '2', '3') }),
  fc.record({ kind: fc.constant('tag' as const), id: fc.constantFrom(...TAG_IDS), label: fc.constantFrom('p', 'q') }),
  fc.record({ kind: fc.constant('dropTag' as const), id: fc.constantFrom(...TAG_IDS) }),
  fc.constant({ kind: 'same' as const }),
  fc.record({ kind: fc.constant('role' as const), id: fc.integer({ min: 1, max: 3 }), name: fc.constantFrom('r1', 'r2') }),
  fc.record({ kind: fc.constant('dropRole' as const), id: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('roleUser' as const), id: fc.integer({ min: 1, max: 6 }), userId: fc.integer({ min: 1, max: 6 }), roleId: fc.integer({ min: 1, max: 3 }), level: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('dropRoleUser' as const), id: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('pivotLevel' as const), id: fc.integer({ min: 1, max: 6 }), level: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('image' as const), id: fc.integer({ min: 1, max: 8 }), type: fc.constantFrom('liveUsers' as const, 'livePosts' as const), on: fc.integer({ min: 1, max: 15 }), url: fc.constantFrom('u1', 'u2') }),
  fc.record({ kind: fc.constant('dropImage' as const), id: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('team' as const), id: fc.integer({ min: 1, max: 3 }), name: fc.constantFrom('n1', 'n2') }),
  fc.record({ kind: fc.constant('dropTeam' as const), id: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('userTeam' as const), id: fc.integer({ min: 1, max: 12 }), teamId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }),
  fc.record({ kind: fc.constant('userTags' as const), id: fc.integer({ min: 1, max: 12 }), tagIds: fc.array(fc.constantFrom(...TAG_IDS), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('nested' as const), id: fc.integer({ min: 1, max: 12 }), phone: fc.integer({ min: 1, max: 8 }), posts: fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 3 }) }),
]

/** A random write of any kind, or of these kinds only (to write more often what a query reads). */
export function writeOf(...kinds: Write['kind'][]): fc.Arbitrary<Write> {
  return kinds.length === 0 ? fc.oneof(...WRITES) : fc.oneof(...WRITES).filter(step => kinds.includes(step.kind))
}

export const write: fc.Arbitrary<Write> = writeOf()

export function apply(pinia: Pinia, step: Write): void {
  const users = useRepo(LiveUser, pinia)
  switch (step.kind) {
    case 'user': users.save({ id: step.id, name: step.name, age: step.age, active: step.active })
      break
    case 'userName': users.where('id', step.id).update({ name: step.name })
      break
    case 'dropUser': users.destroy(step.id)
      break
    case 'phone': useRepo(LivePhone, pinia).save({ id: step.id, userId: step.userId, number: step.number })
      break
    case 'dropPhone': useRepo(LivePhone, pinia).destroy(step.id)
      break
    case 'post': {
      // A post names an existing user or none: a dangling key would warn (and fail the test).
      const ids = users.all().map(user => user.id)
      useRepo(LivePost, pinia).save({ id: step.id, userId: ids.length === 0 ? null : ids[step.author % ids.length]!, title: step.title })
      break
    }
    case 'dropPost': useRepo(LivePost, pinia).destroy(step.id)
      break
    case 'postTitle': useRepo(LivePost, pinia).where('id', step.id).update({ title: step.title })
      break
    case 'phoneNumber': useRepo(LivePhone, pinia).where('id', step.id).update({ number: step.number })
      break
    case 'tag': useRepo(LiveTag, pinia).save({ id: step.id, label: step.label })
      break
    case 'dropTag': useRepo(LiveTag, pinia).destroy(step.id)
      break
    case 'same': users.save(users.all().map(user => user.$toJson()))
      break
    case 'nested': users.save({ id: step.id, phone: { id: step.phone }, posts: step.posts.map(id => ({ id })) })
      break
    case 'role': useRepo(LiveRole, pinia).save({ id: step.id, name: step.name })
      break
    case 'dropRole': useRepo(LiveRole, pinia).destroy(step.id)
      break
    case 'roleUser': useRepo(LiveRoleUser, pinia).save({ id: step.id, userId: step.userId, roleId: step.roleId, level: step.level })
      break
    case 'dropRoleUser': useRepo(LiveRoleUser, pinia).destroy(step.id)
      break
    case 'pivotLevel': useRepo(LiveRoleUser, pinia).where('id', step.id).update({ level: step.level })
      break
    case 'image': useRepo(LiveImage, pinia).save({ id: step.id, imageableId: step.on, imageableType: step.type, url: step.url })
      break
    case 'dropImage': useRepo(LiveImage, pinia).destroy(step.id)
      break
    case 'team': useRepo(LiveTeam, pinia).save({ id: step.id, name: step.name })
      break
    case 'dropTeam': useRepo(LiveTeam, pinia).destroy(step.id)
      break
    case 'userTeam': users.where('id', step.id).update({ teamId: step.teamId })
      break
    case 'userTags': users.where('id', step.id).update({ tagIds: step.tagIds })
  }
}

// Assigning and removing a role write only the RoleUser pivot record: every list loading
// `roles` or `users` through the pivot follows.

/** The levels a user can hold a role at, kept on the pivot record. */
export const roleLevels = ['member', 'lead'] as const

/** Links a user and a role at a level; saving a link that exists changes its level. */
export function assignRole(userId: unknown, roleId: unknown, level: string) {
  useRepo(RoleUser).save({ userId, roleId, level })
}

/** Removes the link between a user and a role; the user and the role stay. */
export function removeRole(userId: unknown, roleId: unknown) {
  useRepo(RoleUser).where('userId', userId).where('roleId', roleId).delete()
}

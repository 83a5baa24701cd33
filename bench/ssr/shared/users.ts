// The page's data, the same for both apps: what an API would return for one
// request, saved into that request's fresh Pinia.

export const USERS_PER_PAGE = 1000

export interface PageUser {
  id: number
  name: string
  email: string
  phone: { id: number, number: string }
}

export function makePageUsers(count = USERS_PER_PAGE): PageUser[] {
  const users: PageUser[] = []
  for (let id = 1; id <= count; id++) {
    users.push({
      id,
      name: `user-${id}`,
      email: `user${id}@example.test`,
      phone: { id, number: `+1-555-${String(id).padStart(7, '0')}` },
    })
  }
  return users
}

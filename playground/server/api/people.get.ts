// Nested data as an API would send it: users with their phone, posts and roles inside; each role
// carries the user's level in `pivot`, which the save keeps on the RoleUser pivot record.
export default defineEventHandler(() => [
  {
    id: 1,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: { id: 'p-1', number: '+44 20 7946 0001' },
    posts: [{ id: 1, title: 'Notes on the Analytical Engine' }],
    roles: [
      { id: 1, name: 'admin', pivot: { level: 'lead' } },
      { id: 2, name: 'editor', pivot: { level: 'member' } },
    ],
  },
  {
    id: 2,
    name: 'Alan Turing',
    email: 'alan@example.com',
    phone: { id: 'p-2', number: '+44 20 7946 0002' },
    posts: [{ id: 2, title: 'On Computable Numbers' }, { id: 3, title: 'Computing Machinery and Intelligence' }],
    roles: [
      { id: 2, name: 'editor', pivot: { level: 'lead' } },
      { id: 3, name: 'reviewer', pivot: { level: 'member' } },
    ],
  },
  { id: 3, name: 'Grace Hopper', email: 'grace@example.com', posts: [] },
])

// More users for the second page, which fetches them in the browser after client-side navigation.
export default defineEventHandler(() => [
  {
    id: 4,
    name: 'Barbara Liskov',
    email: 'barbara@example.com',
    phone: { id: 'p-4', number: '+1 617 555 0104' },
    posts: [{ id: 4, title: 'Data Abstraction and Hierarchy' }],
  },
  {
    id: 5,
    name: 'Edsger Dijkstra',
    email: 'edsger@example.com',
    posts: [{ id: 5, title: 'Go To Statement Considered Harmful' }],
  },
])

// The contract each implementation (plain, ours, pinia-orm) fulfils, so the
// workloads are written once and run identically against all three.

/**
 * @typedef {object} Implementation
 * @property {string} name short id used in tables and file names
 * @property {string} version what exactly is measured (package version)
 * @property {() => unknown} createStore a fresh, empty store (for an ORM: a fresh Pinia)
 * @property {(store: any, users: object[]) => unknown} saveUsers `save` of user records, nested or partial
 * @property {(store: any) => unknown[]} usersWithPhone all users with their phone (W2)
 * @property {(store: any) => unknown[]} phonesWithUser all phones with their user (W3)
 * @property {(store: any, predicate: (name: string) => boolean) => unknown[]} usersWithPostsWhereName users whose name passes, with posts (W4)
 * @property {(store: any, ids: number[]) => unknown[]} findUsersWithPhone one find-with-phone per id (W5)
 * @property {(store: any, id: number) => unknown} findUserWithPhone one find-with-phone (allocation per call)
 * @property {(store: any, ids: number[]) => unknown} destroyUsers destroy users by id (W8)
 * @property {(store: any) => string} serialize the whole state as the JSON a server would send (W6)
 * @property {(json: string) => any} deserialize a fresh store holding the parsed state (W6)
 * @property {(store: any) => { users: object[], phones: object[], posts: object[] }} snapshot stored records, in store order
 * @property {(store: any, calls: number) => { count: number, exists: boolean }} [countAndExists] `calls` × count() and exists() of all users (W12)
 * @property {(store: any) => Record<string, unknown[]>} [postsByUser] posts grouped by userId (W13)
 * @property {(store: any, page: number, perPage: number) => { data: unknown[], total: number, page: number, perPage: number, lastPage: number }} [usersPage] one page of users by name (W14)
 * @property {(result: any) => any} toPlain a read result as plain data, to compare with the baseline's
 */

export {}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'pathe'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultExportName, findModelConflicts, findModelFiles, parseModelFile, scanModels } from '../../src/scanModels'

const root = '/app'

describe('parseModelFile', () => {
  it('names a default export after its file and reads its literal entity', () => {
    const file = parseModelFile('/app/models/User.ts', `
      export default class User extends Model {
        static entity = 'users'
        static fields() { return { id: this.attr(null) } }
      }
    `, root)
    expect(file).toEqual({
      path: '/app/models/User.ts',
      displayPath: 'models/User.ts',
      exports: [{ name: 'User', exportName: 'default', entity: 'users' }],
    })
  })

  it('names a default export in PascalCase whatever the file name is written like', () => {
    expect(defaultExportName('/app/models/user-profile.ts')).toBe('UserProfile')
    expect(defaultExportName('/app/models/phone.js')).toBe('Phone')
  })

  it('keeps named exports by their exported names, skips types and re-exports of other files', () => {
    const file = parseModelFile('/app/models/owner-key.ts', `
      export class Team extends Model { static entity = \`teams\` }
      class Badge extends Model { static entity = "badges" }
      export { Badge as TeamBadge }
      export type TeamCode = string
      export const colours = ['red']
      export * from './other'
      export { Thing } from './thing'
    `, root)
    expect(file.exports).toEqual([
      { name: 'Team', exportName: 'Team', entity: 'teams' },
      { name: 'TeamBadge', exportName: 'TeamBadge', entity: 'badges' },
      { name: 'colours', exportName: 'colours', entity: undefined },
    ])
  })

  it('reads the entity of an anonymous default class and leaves a computed entity unknown', () => {
    expect(parseModelFile('/app/models/Post.ts', 'export default class extends Model { static entity = \'posts\' }', root).exports)
      .toEqual([{ name: 'Post', exportName: 'default', entity: 'posts' }])
    expect(parseModelFile('/app/models/Post.ts', 'const name = \'posts\'\nexport default class Post extends Model { static entity = name }', root).exports)
      .toEqual([{ name: 'Post', exportName: 'default', entity: undefined }])
  })

  it('imports a class exported both by name and as default once, by its name', () => {
    const file = parseModelFile('/app/models/User.ts', 'export class User extends Model { static entity = \'users\' }\nexport default User', root)
    expect(file.exports).toEqual([{ name: 'User', exportName: 'User', entity: 'users' }])
  })

  it('throws an error naming the file when it cannot be parsed', () => {
    expect(() => parseModelFile('/app/models/Broken.ts', 'export default class Broken extends Model {', root))
      .toThrowError(/^\[nuxt-pinia-orm\] The model file models\/Broken\.ts cannot be parsed: /)
  })
})

describe('findModelConflicts', () => {
  const user = parseModelFile('/app/models/User.ts', 'export default class User extends Model { static entity = \'users\' }', root)

  it('reports two files exporting one name, naming both files', () => {
    const other = parseModelFile('/app/models/legacy/User.ts', 'export default class User extends Model { static entity = \'legacy_users\' }', root)
    expect(findModelConflicts([user, other])).toEqual([
      'models/User.ts and models/legacy/User.ts both export `User`. Rename one of them: model names are auto-imported and must be unique.',
    ])
  })

  it('reports two classes claiming one entity, naming both classes and files', () => {
    const phone = parseModelFile('/app/models/Phone.ts', 'export default class Phone extends Model { static entity = \'users\' }', root)
    expect(findModelConflicts([user, phone])).toEqual([
      'User (models/User.ts) and Phone (models/Phone.ts) both declare `static entity = \'users\'`. Give each model its own entity.',
    ])
  })

  it('lets two classes of one entity in different namespaces be, and reports two in the same one', () => {
    const admin = parseModelFile('/app/models/AdminUser.ts', 'export default class AdminUser extends Model { static override entity = \'users\'; static override namespace = \'admin\' }', root)
    const staff = parseModelFile('/app/models/StaffUser.ts', 'export default class StaffUser extends Model { static namespace = \'admin\'; static entity = \'users\' }', root)
    expect(admin.exports).toEqual([{ name: 'AdminUser', exportName: 'default', entity: 'users', namespace: 'admin' }])
    expect(findModelConflicts([user, admin])).toEqual([])
    expect(findModelConflicts([user, admin, staff])).toEqual([
      'AdminUser (models/AdminUser.ts) and StaffUser (models/StaffUser.ts) both declare `static entity = \'users\'` in the namespace \'admin\'. Give each model its own entity.',
    ])
  })

  it('leaves a class that extends another model (whose namespace it may inherit) to the check at start-up', () => {
    const admin = parseModelFile('/app/models/admin/AdminUser.ts', 'class AdminModel extends Model { static namespace = \'admin\' }\nexport class AdminUser extends AdminModel { static entity = \'users\' }', root)
    expect(findModelConflicts([user, admin])).toEqual([])
  })

  it('leaves a class whose namespace is not a literal to the check at start-up', () => {
    const other = parseModelFile('/app/models/Other.ts', 'const ns = \'x\'\nexport default class Other extends Model { static entity = \'users\'; static namespace = ns }', root)
    expect(findModelConflicts([user, other])).toEqual([])
  })

  it('finds nothing wrong in distinct models', () => {
    const phone = parseModelFile('/app/models/Phone.ts', 'export default class Phone extends Model { static entity = \'phones\' }', root)
    expect(findModelConflicts([user, phone])).toEqual([])
  })
})

describe('scanModels', () => {
  let dir: string | undefined
  afterEach(async () => {
    if (dir)
      await rm(dir, { recursive: true, force: true })
  })

  async function write(files: Record<string, string>) {
    dir = await mkdtemp(join(tmpdir(), 'nuxt-pinia-orm-scan-'))
    for (const [path, code] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await writeFile(join(dir, path), code)
    }
    return dir
  }

  it('finds model files in sub-folders and leaves out declarations and tests', async () => {
    const base = await write({
      'models/User.ts': '',
      'models/nested/Phone.js': '',
      'models/types.d.ts': '',
      'models/User.test.ts': '',
      'models/readme.md': '',
    })
    expect(await findModelFiles([join(base, 'models'), join(base, 'missing')])).toEqual([
      join(base, 'models/User.ts'),
      join(base, 'models/nested/Phone.js'),
    ])
  })

  it('throws one error listing every conflict', async () => {
    const base = await write({
      'models/User.ts': 'export default class User extends Model { static entity = \'users\' }',
      'models/Phone.ts': 'export default class Phone extends Model { static entity = \'users\' }',
    })
    await expect(scanModels([join(base, 'models')], base)).rejects.toThrowError(
      '[nuxt-pinia-orm] Phone (models/Phone.ts) and User (models/User.ts) both declare `static entity = \'users\'`.',
    )
  })
})

import type { Pinia } from 'pinia'
import type { Repository, RepositoryClass } from './repository'
import type { ModelClass } from './types'
import { useRepo } from './useRepo'

/** One entry of what {@link mapRepos} takes: a model class or a repository class (pinia-orm's name). */
export type ModelOrRepository<M extends ModelClass = ModelClass, R extends RepositoryClass<Repository> = RepositoryClass<Repository>> = M | R

/** What {@link mapRepos} takes: names to model classes or repository classes. */
export type ModelsOrRepositories = Record<string, ModelOrRepository>

/**
 * What {@link mapRepos} returns: one computed getter per name, returning the repository of that
 * model (`Repository<typeof User>`) or an instance of that repository class. A getter called
 * outside a component (`mapRepos({ users: User }).users()`) takes the active Pinia, as pinia-orm's.
 */
export type MappedRepositories<MR extends ModelsOrRepositories> = {
  [K in keyof MR]: () => MR[K] extends RepositoryClass<infer R> ? R : MR[K] extends ModelClass ? Repository<MR[K]> : never
}

/** The part of a component instance a getter of {@link mapRepos} reads. @internal */
interface MapReposThis {
  $pinia?: Pinia
}

/**
 * Computed getters for the Options API, one repository per name, as pinia-orm's `mapRepos`:
 *
 * ```ts
 * export default defineComponent({
 *   computed: {
 *     ...mapRepos({ userRepo: User, postRepo: PostRepository }),
 *     users() { return this.userRepo.all() },
 *   },
 * })
 * ```
 *
 * Each getter takes the Pinia of its own component (`this.$pinia`, which `app.use(pinia)` sets),
 * never the global active one, so on a server two requests rendering at once each get the
 * repository of their own Pinia and never see each other's records. Only a component of an app
 * without Pinia installed falls back to the active Pinia, as `useRepo(User)` does (and Pinia warns
 * about it in development).
 *
 * @param modelsOrRepositories - names to model classes (`User`) or repository classes (`class UserRepository extends Repository<typeof User>`)
 */
export function mapRepos<MR extends ModelsOrRepositories>(modelsOrRepositories: MR): MappedRepositories<MR> {
  const getters: Record<string, (this: MapReposThis | undefined) => Repository> = {}
  for (const [name, target] of Object.entries(modelsOrRepositories)) {
    getters[name] = function (this: MapReposThis | undefined) {
      // `in` asks the component proxy without the warning a read of a missing property makes.
      const pinia = this && '$pinia' in this ? this.$pinia : undefined
      // useRepo takes both kinds; the cast only picks one of its overloads.
      return useRepo(target as ModelClass, pinia)
    }
  }
  return getters as MappedRepositories<MR>
}

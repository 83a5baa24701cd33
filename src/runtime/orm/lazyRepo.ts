/**
 * Names answered without a Pinia: those every object has (`constructor`, `toString`, ...), symbols
 * (`Symbol.toPrimitive`, inspection), `then` (which `await` and `Promise.resolve()` read) and Vue's
 * `__v_` flags (which `ref()` and `reactive()` read). Asking for them is not a use of the records.
 */
function answeredWithoutPinia(key: string | symbol): boolean {
  return typeof key === 'symbol' || key === 'then' || key.startsWith('__v_') || key in Object.prototype
}

/**
 * A repository that belongs to no Pinia: each property read resolves the repository of the Pinia
 * active at that moment (`resolve()`) and answers with it, so it never keeps a Pinia, and records
 * saved while one Pinia is active are read only while that one is. Methods come bound to the
 * repository they were read from, so `this` inside them (chains, a custom repository's
 * `this.where(...)`) is that repository, resolved once per call.
 *
 * `prototype` is the repository class's prototype, which `instanceof` checks. The repository has
 * no fields of its own: writing one throws `readOnly(key)`, and reading a name a repository has
 * while no Pinia is active throws `unavailable(key)`.
 *
 * @internal
 */
export function _lazyRepository<R extends object>(
  prototype: R,
  resolve: () => R | undefined,
  unavailable: (key: string) => Error,
  readOnly: (key: string | symbol) => Error,
): R {
  // Holds nothing: it only carries the prototype for `instanceof` and for names asked without a Pinia.
  const shell = Object.create(prototype) as R
  return new Proxy(shell, {
    get(shell, key) {
      const repository = resolve()
      if (!repository) {
        if (answeredWithoutPinia(key))
          return Reflect.get(shell, key)
        throw unavailable(key as string)
      }
      const value = Reflect.get(repository, key) as unknown
      // A method of the class runs on the resolved repository; own fields (`use`, the model class)
      // and the constructor are given as they are.
      return typeof value === 'function' && key !== 'constructor' && !Object.prototype.hasOwnProperty.call(repository, key)
        ? value.bind(repository)
        : value
    },
    has(shell, key) {
      if (Reflect.has(shell, key))
        return true
      const repository = resolve()
      return repository !== undefined && Reflect.has(repository, key)
    },
    ownKeys(shell) {
      return Reflect.ownKeys(resolve() ?? shell)
    },
    getOwnPropertyDescriptor(_shell, key) {
      const repository = resolve()
      const descriptor = repository && Reflect.getOwnPropertyDescriptor(repository, key)
      // The shell lacks the property, so a proxy may only report it as configurable.
      return descriptor && { ...descriptor, configurable: true }
    },
    set(_shell, key) {
      throw readOnly(key)
    },
    defineProperty(_shell, key) {
      throw readOnly(key)
    },
    deleteProperty(_shell, key) {
      throw readOnly(key)
    },
  })
}

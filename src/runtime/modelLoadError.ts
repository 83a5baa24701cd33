import { createOrmError, reasonOf } from './orm/errors'
import type { OrmError } from './orm/errors'

/**
 * The error a model file throws when its top-level code fails while the module is evaluated
 * (a class that extends something undefined, a static initializer that throws...). Every model
 * file is compiled with a guard that calls this, so the error names the file in dev and in a
 * production build alike. The original error is its `cause`, and lends it its stack frames.
 * @internal
 */
export function modelFileLoadError(file: string, error: unknown): OrmError {
  const loadError = createOrmError(
    `The model file ${file} failed to load: ${reasonOf(error)}. Its top-level code (class declarations, static initializers, code outside classes) threw while the app started; fix it in that file.`,
    { cause: error },
  )
  // The frames of the original error, so a stack trace or a dev overlay's code frame shows the
  // line of the model file that threw rather than this function.
  const frames = error instanceof Error ? error.stack?.match(/\n\s+at [\s\S]*$/)?.[0] : undefined
  if (frames)
    loadError.stack = `${loadError.name}: ${loadError.message}${frames}`
  return loadError
}

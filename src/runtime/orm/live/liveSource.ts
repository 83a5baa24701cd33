import type { Ref } from 'vue'
import type { Database } from '../database'
import type { EagerList } from '../eagerLoad'
import type { StoredRecord } from '../keys'
import type { QueryShape } from '../reactivity/fineRead'
import type { ModelInstance, Schema } from '../relations/Relation'

/**
 * The result of a live query: a read-only ref whose `value` is the query's result, kept up to date
 * by each write's changes instead of by re-running the query. Items whose records did not change
 * keep their identity. `stop()` ends the updates (done for you when the effect scope it was made in,
 * such as a component, is disposed).
 */
export interface LiveQuery<T> extends Readonly<Ref<readonly T[]>> {
  /** Stops keeping the result up to date and lets go of everything the live query holds. */
  stop: () => void
}

/** What a live query needs of the query it keeps up to date. @internal */
export interface LiveSource<Q> {
  readonly _db: Database
  readonly _schema: Schema
  readonly _eager: EagerList<Q>
  _shape: () => QueryShape
  /** Whether a stored record passes the `where`s (`instance`: they test model instances) and is one of `ids`. */
  _passes: (record: StoredRecord, instance: boolean, ids?: ReadonlySet<string>) => boolean
  /** Compares two stored records as `orderBy()` does. */
  _compare: (a: StoredRecord, b: StoredRecord) => number
  /** What a read does to the instances it returns (visibility, `retrieved` hooks). */
  _afterRead: (items: ModelInstance[]) => void
  /** A fresh query of `schema` on the same database (relation constraints run on it). */
  _newQuery: (schema: Schema) => Q
  /** Loads `eager` into `items`, instances of the query's model, as `with()` does. */
  _load: (items: ModelInstance[], eager: EagerList<Q>) => void
}

/**
 * What Vue needs to treat an object as a ref: templates unwrap it, `watch()` and `toValue()` read it.
 *
 * @internal
 */
export abstract class RefLike {
  readonly __v_isRef = true
  // A watcher of the ref then fires on each update, though the array is the same.
  readonly __v_isShallow = true
  // Its value cannot be assigned: `isReadonly()` says so, as of a computed without a setter.
  readonly __v_isReadonly = true
}

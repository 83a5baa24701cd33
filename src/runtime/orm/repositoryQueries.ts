import type { GroupedQuery, Query, RelationConstraint } from './query'
import type { OrderByList, OrderByOptions } from './query/orderBy'
import type { Paginated } from './query/paginate'
import type { HasOperator } from './relationQueries'
import type { Element, Item, KeyOf, ModelClass, RecordInput, RelatedModelOf, WhereValue } from './types'

/**
 * The query methods of a repository: each makes a query of the repository's model and calls the
 * method of the same name on it, as pinia-orm's repository forwards them (`useRepo(User).where(...)`
 * is `useRepo(User).query().where(...)`). `Repository` extends it.
 *
 * @internal
 */
export abstract class RepositoryQueries<M extends ModelClass> {
  /** A new query of the repository's model. */
  abstract query(): Query<M, M>

  /** {@inheritDoc Query.where} */
  where<F extends string>(field: F | readonly string[] | ((item: Item<M>) => boolean), value?: WhereValue<Item<M>, F>): Query<M, M> {
    return this.query().where(field, value)
  }

  /** {@inheritDoc Query.orWhere} */
  orWhere<F extends string>(field: F | readonly string[] | ((item: Item<M>) => boolean), value?: WhereValue<Item<M>, F>): Query<M, M> {
    return this.query().orWhere(field, value)
  }

  /** {@inheritDoc Query.whereIn} */
  whereIn(field: string, values: Iterable<unknown>): Query<M, M> {
    return this.query().whereIn(field, values)
  }

  /** {@inheritDoc Query.whereNotIn} */
  whereNotIn(field: string, values: Iterable<unknown>): Query<M, M> {
    return this.query().whereNotIn(field, values)
  }

  /** {@inheritDoc Query.whereNull} */
  whereNull(field: string): Query<M, M> {
    return this.query().whereNull(field)
  }

  /** {@inheritDoc Query.whereNotNull} */
  whereNotNull(field: string): Query<M, M> {
    return this.query().whereNotNull(field)
  }

  /** {@inheritDoc Query.whereId} */
  whereId(ids: KeyOf<M> | readonly KeyOf<M>[]): Query<M, M> {
    return this.query().whereId(ids)
  }

  /** {@inheritDoc Query.orderBy} */
  orderBy(by: string | OrderByList | ((item: Item<M>) => unknown), direction?: 'asc' | 'desc', options?: OrderByOptions | Intl.Collator): Query<M, M>
  orderBy(by: (item: any) => unknown, direction?: 'asc' | 'desc', options?: OrderByOptions | Intl.Collator): Query<M, M> // eslint-disable-line @typescript-eslint/no-explicit-any, @typescript-eslint/unified-signatures -- pinia-orm's `OrderBy` type; one signature of both would leave an unannotated function's parameter untyped
  orderBy(by: string | OrderByList | ((item: Item<M>) => unknown), direction: 'asc' | 'desc' = 'asc', options?: OrderByOptions | Intl.Collator): Query<M, M> {
    return this.query().orderBy(by, direction, options)
  }

  /** {@inheritDoc Query.limit} */
  limit(count: number): Query<M, M> {
    return this.query().limit(count)
  }

  /** {@inheritDoc Query.offset} */
  offset(count: number): Query<M, M> {
    return this.query().offset(count)
  }

  /** {@inheritDoc Query.with} */
  with<K extends string>(name: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>): Query<M, M> {
    return this.query().with(name, constraint)
  }

  /** {@inheritDoc Query.withAll} */
  withAll(constraint?: RelationConstraint): Query<M, M> {
    return this.query().withAll(constraint)
  }

  /** {@inheritDoc Query.withAllRecursive} */
  withAllRecursive(depth?: number): Query<M, M> {
    return this.query().withAllRecursive(depth)
  }

  /** {@inheritDoc Query.has} */
  has(relation: string, operator?: HasOperator | number, count?: number): Query<M, M> {
    return this.query().has(relation, operator, count)
  }

  /** {@inheritDoc Query.orHas} */
  orHas(relation: string, operator?: HasOperator | number, count?: number): Query<M, M> {
    return this.query().orHas(relation, operator, count)
  }

  /** {@inheritDoc Query.doesntHave} */
  doesntHave(relation: string): Query<M, M> {
    return this.query().doesntHave(relation)
  }

  /** {@inheritDoc Query.orDoesntHave} */
  orDoesntHave(relation: string): Query<M, M> {
    return this.query().orDoesntHave(relation)
  }

  /** {@inheritDoc Query.whereHas} */
  whereHas<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>, operator?: HasOperator | number, count?: number): Query<M, M> {
    return this.query().whereHas(relation, constraint, operator, count)
  }

  /** {@inheritDoc Query.orWhereHas} */
  orWhereHas<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>, operator?: HasOperator | number, count?: number): Query<M, M> {
    return this.query().orWhereHas(relation, constraint, operator, count)
  }

  /** {@inheritDoc Query.whereDoesntHave} */
  whereDoesntHave<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>): Query<M, M> {
    return this.query().whereDoesntHave(relation, constraint)
  }

  /** {@inheritDoc Query.orWhereDoesntHave} */
  orWhereDoesntHave<K extends string>(relation: K, constraint?: RelationConstraint<RelatedModelOf<M, K>>): Query<M, M> {
    return this.query().orWhereDoesntHave(relation, constraint)
  }

  /** {@inheritDoc Query.makeHidden} */
  makeHidden(fields: readonly string[]): Query<M, M> {
    return this.query().makeHidden(fields)
  }

  /** {@inheritDoc Query.makeVisible} */
  makeVisible(fields: readonly string[]): Query<M, M> {
    return this.query().makeVisible(fields)
  }

  /** {@inheritDoc Query.withMeta} */
  withMeta(): Query<M, M> {
    return this.query().withMeta()
  }

  /** {@inheritDoc Query.get} */
  get(): Item<M>[] {
    return this.query().get()
  }

  /** {@inheritDoc Query.first} */
  first(): Item<M> | null {
    return this.query().first()
  }

  /** {@inheritDoc Query.last} */
  last(): Item<M> | null {
    return this.query().last()
  }

  /** {@inheritDoc Query.sum} */
  sum(field: string): number {
    return this.query().sum(field)
  }

  /** {@inheritDoc Query.min} */
  min(field: string): number | null {
    return this.query().min(field)
  }

  /** {@inheritDoc Query.max} */
  max(field: string): number | null {
    return this.query().max(field)
  }

  /** {@inheritDoc Query.paginate} */
  paginate(page: number, perPage: number): Paginated<Item<M>> {
    return this.query().paginate(page, perPage)
  }

  /** {@inheritDoc Query.groupBy} */
  groupBy(...fields: (string | readonly string[])[]): GroupedQuery<M> {
    return this.query().groupBy(...fields)
  }

  /** {@inheritDoc Query.orWhereIn} */
  orWhereIn(field: string, values: Iterable<unknown>): Query<M, M> {
    return this.query().orWhereIn(field, values)
  }

  /** {@inheritDoc Query.orWhereNotIn} */
  orWhereNotIn(field: string, values: Iterable<unknown>): Query<M, M> {
    return this.query().orWhereNotIn(field, values)
  }

  /** {@inheritDoc Query.whereLike} */
  whereLike(field: string, pattern: string | number, caseSensitive = false): Query<M, M> {
    return this.query().whereLike(field, pattern, caseSensitive)
  }

  /** {@inheritDoc Query.orWhereLike} */
  orWhereLike(field: string, pattern: string | number, caseSensitive = false): Query<M, M> {
    return this.query().orWhereLike(field, pattern, caseSensitive)
  }

  /** {@inheritDoc Query.useCache} */
  useCache(key?: string, params?: Element): Query<M, M> {
    return this.query().useCache(key, params)
  }

  /** {@inheritDoc Query.update} */
  update(values: Element): Item<M>[] {
    return this.query().update(values)
  }

  /** {@inheritDoc Query.delete} */
  delete(): Item<M>[] {
    return this.query().delete()
  }

  /** {@inheritDoc Query.reviveOne} */
  reviveOne(input: RecordInput): Item<M> | null {
    return this.query().reviveOne(input)
  }

  /** {@inheritDoc Query.reviveMany} */
  reviveMany(input: RecordInput[]): Item<M>[] {
    return this.query().reviveMany(input)
  }

  /** {@inheritDoc Query.select} */
  select(): Item<M>[] {
    return this.query().select()
  }
}

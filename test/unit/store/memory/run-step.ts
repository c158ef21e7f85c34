import { restrict, visibleAt } from '../../../../src/query/access-clause';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { buildQuery } from '../../../../src/query/build-query';
import type { MemoryStore } from '../../../../src/store/memory/memory-store';
import {
  answerOf,
  equalCopy,
  type PooledQuery,
  type SequenceStep,
  scan,
  scanAnswer,
  scanTerms,
} from './store-arbitraries';

/** One step, asked as `src/auth/find-for-principal.ts` asks: the restricted window beside the unrestricted count. */
export async function runStep(
  store: MemoryStore,
  catalog: readonly CatalogResource[],
  pool: PooledQuery[],
  step: SequenceStep,
) {
  const { groups, access } = pool[step.pick % pool.length] as PooledQuery;
  const visible = access && visibleAt(access.needed, access.principal, access);
  if (step.kind === 'terms') {
    expect(await store.terms(visible)).toEqual(scanTerms(catalog, visible));
    return;
  }
  const built = buildQuery(groups);
  const query = restrict(built, visible);
  const unrestricted = step.anew ? buildQuery(groups) : built;
  const [asked, everything] = await Promise.all([
    store.find(query, step.window, step.withRecords),
    visible ? store.find(unrestricted, { offset: 0, limit: 0 }, false) : undefined,
  ]);
  expect(answerOf(asked)).toEqual(scanAnswer(catalog, query, step.window, step.withRecords));
  if (!access || !everything) return;
  expect(everything.total).toBe(scan(catalog, built).length);
  const countable = restrict(step.anew ? equalCopy(built) : built, visibleAt('count', access.principal, access));
  expect((await store.find(countable, { offset: 0, limit: 0 }, false)).total).toBe(scan(catalog, countable).length);
}

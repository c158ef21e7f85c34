import fc from 'fast-check';
import { restrict, visibleAt } from '../../../../src/auth/access-policy';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { buildQuery } from '../../../../src/query/build-query';
import { AnswerCache } from '../../../../src/store/memory/answer-cache';
import type { Bitset } from '../../../../src/store/memory/bitset';
import { CountMemo } from '../../../../src/store/memory/count-memo';
import { MemoryStore, type MemoryStoreOptions } from '../../../../src/store/memory/memory-store';
import { queryKey } from '../../../../src/store/memory/query-key';
import { type Lease, ScratchSets } from '../../../../src/store/memory/scratch-sets';
import { SetCache } from '../../../../src/store/memory/set-cache';
import {
  answerOf,
  catalogArb,
  closuresArb,
  derived,
  groupsArb,
  type PooledQuery,
  querySequenceArb,
  type SequenceStep,
  scan,
  scanAnswer,
  scanTerms,
} from './store-arbitraries';

/**
 * Long sequences of queries on ONE store, each answer checked against the scan: with limits
 * of one or two entries every cache evicts, the count memo loses counts, and the scratch-set
 * pool drops sets, within a single sequence.
 */

/** One step, asked as `src/auth/find-for-principal.ts` asks: the restricted window beside the unrestricted count. */
async function runStep(
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
  const countable = restrict(step.anew ? structuredClone(built) : built, visibleAt('count', access.principal, access));
  expect((await store.find(countable, { offset: 0, limit: 0 }, false)).total).toBe(scan(catalog, countable).length);
}

/** Per cache: lookups that found an entry, and lookups of a key it had kept and no longer holds. */
interface Reach {
  hits: number;
  evicted: number;
}
type ReachOf = Record<'answers' | 'sets' | 'counts', Reach> & { droppedSets: number };

/** Watches every cache and the scratch pool (through their prototypes) while `run` runs. */
async function reachOf(run: () => Promise<void>): Promise<ReachOf> {
  const reach: ReachOf = {
    answers: { hits: 0, evicted: 0 },
    sets: { hits: 0, evicted: 0 },
    counts: { hits: 0, evicted: 0 },
    droppedSets: 0,
  };
  const kept = new WeakMap<object, Set<string>>();
  const keysOf = (cache: object): Set<string> => kept.get(cache) ?? kept.set(cache, new Set()).get(cache)!;
  const tally = (counter: Reach, cache: object, key: string | undefined, found: boolean): void => {
    if (found) counter.hits += 1;
    else if (key !== undefined && keysOf(cache).has(key)) counter.evicted += 1;
  };
  const { get: answerGet, remember: answerRemember } = AnswerCache.prototype;
  const { copyInto, remember: setRemember } = SetCache.prototype;
  const { get: countGet, remember: countRemember } = CountMemo.prototype;
  const { lease } = ScratchSets.prototype;
  const spies = [
    jest.spyOn(AnswerCache.prototype, 'get').mockImplementation(function (this: AnswerCache, key) {
      const found = answerGet.call(this, key);
      tally(reach.answers, this, key, found !== undefined);
      return found;
    }),
    jest.spyOn(AnswerCache.prototype, 'remember').mockImplementation(function (this: AnswerCache, key, set, total) {
      keysOf(this).add(key);
      return answerRemember.call(this, key, set, total);
    }),
    jest.spyOn(SetCache.prototype, 'copyInto').mockImplementation(function (this: SetCache, key, into) {
      const found = copyInto.call(this, key, into);
      tally(reach.sets, this, key, found !== undefined);
      return found;
    }),
    jest.spyOn(SetCache.prototype, 'remember').mockImplementation(function (this: SetCache, key, matches, cost) {
      keysOf(this).add(key);
      return setRemember.call(this, key, matches, cost);
    }),
    jest.spyOn(CountMemo.prototype, 'get').mockImplementation(function (this: CountMemo, query) {
      const found = countGet.call(this, query);
      tally(reach.counts, this, queryKey(query), found !== undefined);
      return found;
    }),
    jest.spyOn(CountMemo.prototype, 'remember').mockImplementation(function (this: CountMemo, query, count) {
      const key = queryKey(query);
      if (key !== undefined) keysOf(this).add(key);
      countRemember.call(this, query, count);
    }),
    jest.spyOn(ScratchSets.prototype, 'lease').mockImplementation(function (this: ScratchSets, work) {
      const before = this.freeCount;
      let taken = 0;
      const take = (set: Bitset): Bitset => {
        taken += 1;
        return set;
      };
      const counted = (inner: Lease) =>
        work({ size: inner.size, empty: () => take(inner.empty()), full: () => take(inner.full()) });
      try {
        return lease.call(this, counted as never);
      } finally {
        // Sets in hand after the lease: those free before, plus those made new for it.
        if (Math.max(before, taken) > this.freeCount) reach.droppedSets += 1;
      }
    }),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return reach;
}

const sequences = fc.tuple(
  catalogArb,
  closuresArb,
  fc.boolean(),
  querySequenceArb(groupsArb, { minLength: 20, maxLength: 40 }),
);

async function checkSequences(options: MemoryStoreOptions, numRuns: number, seed: number): Promise<ReachOf> {
  return reachOf(() =>
    fc.assert(
      fc.asyncProperty(sequences, async ([given, closures, deriving, { pool, steps }]) => {
        const { store, reference: catalog } = deriving
          ? derived(given, closures, options)
          : { store: new MemoryStore(given, options), reference: given };
        for (const step of steps) await runStep(store, catalog, pool, step);
      }),
      { numRuns, seed },
    ),
  );
}

const ONE_OF_EACH = { keptSets: 1, keptCounts: 1, keptTermLists: 1, keptFreeSets: 1 };
const TWO_OF_EACH = { keptSets: 2, keptCounts: 2, keptTermLists: 2, keptFreeSets: 2 };
type Cache = 'answers' | 'sets' | 'counts';

describe('MemoryStore with tiny cache and pool limits, on long query sequences, against a plain mingo scan', () => {
  // One count kept cannot serve tiered access: the access clause's count, recorded after the
  // query's own, evicts it. So with one of each, the memo is only seen to evict.
  test.each<[string, MemoryStoreOptions, Cache[], Cache[]]>([
    [
      'one entry of each and about one answer (600 bytes)',
      { answerCacheBytes: 600, limits: ONE_OF_EACH },
      ['answers', 'sets'],
      ['answers', 'sets', 'counts'],
    ],
    [
      'two entries of each and about two answers (1,500 bytes)',
      { answerCacheBytes: 1500, limits: TWO_OF_EACH },
      ['answers', 'sets', 'counts'],
      ['answers', 'sets', 'counts'],
    ],
    [
      'no answers and one entry of each other kind',
      { answerCacheBytes: 0, limits: ONE_OF_EACH },
      ['sets'],
      ['sets', 'counts'],
    ],
  ])(
    'when the store keeps %s, then every answer of the sequence equals the scan, and the caches hit and evict',
    async (_, options, hitting, evicting) => {
      const reach = await checkSequences(options, 60, 20261207);
      for (const cache of hitting) expect({ cache, hits: reach[cache].hits > 0 }).toEqual({ cache, hits: true });
      for (const cache of evicting)
        expect({ cache, evicted: reach[cache].evicted > 0 }).toEqual({ cache, evicted: true });
      expect(reach.droppedSets).toBeGreaterThan(0);
    },
  );

  test('when the store keeps its default limits, then every answer of the same sequences equals the scan, and each cache hits', async () => {
    const reach = await checkSequences({}, 40, 20261207);
    for (const cache of ['answers', 'sets', 'counts'] as const)
      expect({ cache, hits: reach[cache].hits > 0 }).toEqual({ cache, hits: true });
  });
});

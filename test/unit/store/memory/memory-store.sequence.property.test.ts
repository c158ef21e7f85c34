import fc from 'fast-check';
import { MemoryStore, type MemoryStoreOptions } from '../../../../src/store/memory/memory-store';
import { catalogArb, closuresArb, derived, groupsArb, variedSequenceArb } from './store-arbitraries';
import { runStep } from './run-step';
import { type ReachOf, reachOf } from './cache-reach';

/**
 * Long sequences of queries on ONE store, each answer checked against the scan: with limits
 * of one or two entries every cache evicts, the count memo loses counts, and the scratch-set
 * pool drops sets, within a single sequence.
 */

const sequences = fc.tuple(
  catalogArb,
  closuresArb,
  fc.boolean(),
  variedSequenceArb(groupsArb, { minLength: 20, maxLength: 40 }),
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

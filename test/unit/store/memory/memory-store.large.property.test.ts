import fc from 'fast-check';
import { restrict, visibleAt } from '../../../../src/query/access-clause';
import type { Principal } from '../../../../src/auth/principal';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { buildQuery } from '../../../../src/query/build-query';
import { Bitset } from '../../../../src/store/memory/bitset';
import { MemoryStore, type MemoryStoreOptions } from '../../../../src/store/memory/memory-store';
import { buildPostings } from '../../../../src/store/memory/postings';
import { reachOf } from './cache-reach';
import { runStep } from './run-step';
import {
  answerOf,
  closuresArb,
  derived,
  variedSequenceArb,
  scanAnswer,
  seededCatalog,
  vpPortalGroups,
  largeGroupsArb,
} from './store-arbitraries';

/**
 * Catalogs of thousands of resources, where dense terms (more than 1/16 of the catalog) are
 * bitsets in the postings and sparse ones position lists, so each kind of posting meets the
 * other in one query; the VP portal's query (every country, every type) takes the index's
 * "present minus the values not asked" path.
 */

const CATALOGS: [string, CatalogResource[]][] = [
  ['2,000', seededCatalog(2000, 20261207)],
  ['5,000', seededCatalog(5000, 20261208)],
];
const [closures] = fc.sample(closuresArb, { seed: 20261207, numRuns: 1 });
const TINY = { answerCacheBytes: 2000, limits: { keptSets: 2, keptCounts: 2, keptTermLists: 1, keptFreeSets: 1 } };

function storeOf(catalog: CatalogResource[], deriving: boolean, options: MemoryStoreOptions) {
  return deriving && closures
    ? derived(catalog, closures, options)
    : { store: new MemoryStore(catalog, options), reference: catalog };
}

describe.each(CATALOGS)('MemoryStore on a seeded catalog of %s resources against a plain mingo scan', (_, catalog) => {
  test('when the catalog is indexed, then themes and countries each have both bitset (dense) and list (sparse) postings', () => {
    for (const postings of [buildPostings(catalog, (r) => r.themes), buildPostings(catalog, (r) => r.country)]) {
      const kinds = new Set([...postings.values()].map((p) => (p instanceof Bitset ? 'bitset' : 'list')));
      expect([...kinds].sort()).toEqual(['bitset', 'list']);
    }
  });

  test.each<[string, Principal | undefined]>([
    ['nobody', undefined],
    ['an anonymous caller', { kind: 'anonymous' }],
    [
      'a token granting two controlled ids',
      {
        kind: 'token',
        issuer: 'i',
        subject: 's',
        grants: new Set(
          catalog
            .filter((r) => r.accessLevel === 'controlled')
            .map((r) => r.id)
            .slice(0, 2),
        ),
        rejectedVisas: 0,
      },
    ],
  ])(
    'when the VP portal query (every country, every type) is asked for %s, then the total and windows equal the scan',
    async (_, principal) => {
      const policy = { registeredGranularity: 'count', controlledGranularity: 'boolean' } as const;
      const built = buildQuery(vpPortalGroups());
      const query = principal ? restrict(built, visibleAt('record', principal, policy)) : built;
      const { store, reference } = storeOf(catalog, true, {});
      for (const window of [
        { offset: 0, limit: 10 },
        { offset: 990, limit: 100 },
        { offset: 0, limit: 10 },
      ]) {
        expect(answerOf(await store.find(query, window, true))).toEqual(scanAnswer(reference, query, window, true));
      }
      expect(answerOf(await store.find(built, { offset: 0, limit: 0 }, false))).toEqual(
        scanAnswer(reference, built, { offset: 0, limit: 0 }, false),
      );
    },
  );

  test.each<[string, MemoryStoreOptions]>([
    ['its default limits', {}],
    ['two entries of each and one free set', TINY],
  ])(
    'when query sequences of dense and sparse terms, patterns and the VP portal query run on one store with %s, then every answer equals the scan',
    async (_, options) => {
      const reach = await reachOf(() =>
        fc.assert(
          fc.asyncProperty(
            fc.boolean(),
            variedSequenceArb(largeGroupsArb, { minLength: 12, maxLength: 20 }),
            async (deriving, { pool, steps }) => {
              const { store, reference } = storeOf(catalog, deriving, options);
              for (const step of steps) await runStep(store, reference, pool, step);
            },
          ),
          { numRuns: 6, seed: 20261209 },
        ),
      );
      expect(reach.answers.hits + reach.sets.hits).toBeGreaterThan(0);
    },
  );
});

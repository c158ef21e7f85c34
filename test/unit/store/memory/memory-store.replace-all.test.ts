import fc from 'fast-check';
import { restrict, visibleAt } from '../../../../src/query/access-clause';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { buildQuery } from '../../../../src/query/build-query';
import { MemoryStore, type MemoryStoreOptions } from '../../../../src/store/memory/memory-store';
import { buildTrigramPostings, type TrigramPostings } from '../../../../src/store/memory/trigram-build';
import {
  accessArb,
  answerOf,
  catalogOf,
  groupsArb,
  type PooledQuery,
  scanAnswer,
  scanTerms,
  THEMES,
  windowArb,
} from './store-arbitraries';

/**
 * Finds and term lists fired together with `replaceAll`: the store swaps whole snapshots, and
 * a find reads the one in place when it is called, from start to end, caches included.
 */

const sentinelId = (generation: number) => `https://example.org/generation/${generation}`;

/** Catalog `generation`, holding one resource no other catalog holds, so a find can tell which was in place. */
function withSentinel(resources: CatalogResource[], generation: number): CatalogResource[] {
  const sentinel: CatalogResource = {
    id: sentinelId(generation),
    type: 'ejprd:Biobank',
    title: `Rare generation ${generation}`,
    themes: [THEMES[generation % THEMES.length] as string],
    landingPages: [],
    language: ['en'],
    license: 'https://creativecommons.org/licenses/by/4.0/',
    personalData: 'false',
    vpConnection: 'ejprd:VPDiscoverable',
    keyword: [],
  };
  return [...resources, sentinel];
}

// Ids repeat from catalog to catalog with other contents: an answer kept across a swap would show.
const catalogsArb = fc
  .array(catalogOf(0, 30), { minLength: 2, maxLength: 4 })
  .map((catalogs) => catalogs.map(withSentinel));
const poolArb = fc.array(fc.record({ groups: groupsArb, access: fc.option(accessArb, { nil: undefined }) }), {
  minLength: 1,
  maxLength: 4,
});
const waitArb = fc.record({ ticks: fc.nat(6), macrotask: fc.boolean() });

type Asked =
  | { kind: 'find'; pick: number; window: { offset: number; limit: number }; withRecords: boolean }
  | {
      kind: 'terms';
      pick: number;
    };
const askedArb: fc.Arbitrary<Asked> = fc.oneof(
  fc.record({ kind: fc.constant('find' as const), pick: fc.nat(), window: windowArb, withRecords: fc.boolean() }),
  fc.record({ kind: fc.constant('terms' as const), pick: fc.nat() }),
);

/** Each find's query, or each terms call's visibility clause (none: every document). */
function queryOf(pool: PooledQuery[], asked: Asked) {
  const { groups, access } = pool[asked.pick % pool.length] as PooledQuery;
  const visible = access && visibleAt(access.needed, access.principal, access);
  return asked.kind === 'terms' ? visible : restrict(buildQuery(groups), visible);
}

/** What the store answers (a find's total and window ids, or the terms). */
function askStore(store: MemoryStore, pool: PooledQuery[], asked: Asked): Promise<unknown> {
  const query = queryOf(pool, asked);
  if (asked.kind === 'terms') return store.terms(query);
  return store.find(query ?? {}, asked.window, asked.withRecords).then(answerOf);
}

/** What the scan of `catalog` answers, in the same shape. */
function scanOf(catalog: CatalogResource[], pool: PooledQuery[], asked: Asked): unknown {
  const query = queryOf(pool, asked);
  if (asked.kind === 'terms') return scanTerms(catalog, query);
  return scanAnswer(catalog, query ?? {}, asked.window, asked.withRecords);
}

const pause = async ({ ticks, macrotask }: { ticks: number; macrotask: boolean }): Promise<void> => {
  if (macrotask) await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < ticks; i += 1) await Promise.resolve();
};

const OPTIONS: [string, MemoryStoreOptions][] = [
  ['its default limits', {}],
  ['one entry of each cache', { answerCacheBytes: 600, limits: { keptSets: 1, keptCounts: 1, keptTermLists: 1 } }],
];

describe.each(OPTIONS)('MemoryStore with %s, queried while replaceAll swaps catalogs', (_, options) => {
  test('when finds, term lists and replaceAll calls start together after random pauses, then each answer equals the scan of the catalog in place when it was asked', async () => {
    const seen = new Set<number>();
    const op = fc.oneof(
      fc.record({ wait: waitArb, asked: askedArb }),
      fc.record({ wait: waitArb, replaceBy: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(
        catalogsArb,
        poolArb,
        fc.array(op, { minLength: 10, maxLength: 30 }),
        async (catalogs, pool, ops) => {
          const store = new MemoryStore(catalogs[0], options);
          const inPlace = (): Promise<number> =>
            // findById reads the snapshot in place when called, as find does: called in the same turn, they read the same one.
            Promise.all(catalogs.map((_, g) => store.findById(sentinelId(g)))).then((found) => {
              expect(found.filter(Boolean)).toHaveLength(1);
              return found.findIndex(Boolean);
            });
          await Promise.all(
            ops.map(async (o) => {
              await pause(o.wait);
              if ('replaceBy' in o)
                return store.replaceAll(catalogs[o.replaceBy % catalogs.length] as CatalogResource[]);
              const generation = inPlace();
              const found = askStore(store, pool, o.asked);
              const g = await generation;
              seen.add(g);
              expect(await found).toEqual(scanOf(catalogs[g] as CatalogResource[], pool, o.asked));
            }),
          );
        },
      ),
      { numRuns: 120, seed: 20261210 },
    );
    // The pauses interleave: answers were read from more than one catalog.
    expect(seen.size).toBeGreaterThan(1);
  });

  test('when each replaceAll waits on a title index the test hands over later, or rejects, then every find and term list asked in the meantime equals the scan of the catalog still in place', async () => {
    const step = fc.oneof(
      { weight: 3, arbitrary: askedArb.map((asked) => ({ asked })) },
      { weight: 1, arbitrary: fc.record({ replaceBy: fc.nat(), built: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ settle: fc.nat(), reject: fc.boolean() }) },
    );
    await fc.assert(
      fc.asyncProperty(
        catalogsArb,
        poolArb,
        fc.array(step, { minLength: 10, maxLength: 40 }),
        async (catalogs, pool, steps) => {
          const store = new MemoryStore(catalogs[0], options);
          let current = catalogs[0] as CatalogResource[];
          const pending: { settle: (reject: boolean) => Promise<void> }[] = [];
          const answers: Promise<void>[] = [];
          for (const s of steps) {
            if ('asked' in s) {
              const expected = scanOf(current, pool, s.asked);
              answers.push(askStore(store, pool, s.asked).then((answer) => expect(answer).toEqual(expected)));
            } else if ('replaceBy' in s) {
              const catalog = catalogs[s.replaceBy % catalogs.length] as CatalogResource[];
              const titles = deferred<TrigramPostings | undefined>();
              const done = store.replaceAll(catalog, { titles: titles.promise });
              // Postings given are in id order, as the catalog load builds them; none given, the store builds its own.
              const sortedTitles = [...catalog].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => r.title);
              const settle = async (reject: boolean) => {
                if (reject) titles.reject(new Error('the catalog check failed'));
                else titles.resolve(s.built ? buildTrigramPostings(sortedTitles) : undefined);
                await done.then(
                  () => {
                    current = catalog;
                  },
                  () => undefined,
                );
              };
              pending.push({ settle });
            } else if (pending.length > 0) {
              const [settling] = pending.splice(s.settle % pending.length, 1);
              await settling?.settle(s.reject);
            }
          }
          for (const { settle } of pending) await settle(false);
          const last: Asked = { kind: 'find', pick: 0, window: { offset: 0, limit: 50 }, withRecords: true };
          const expected = scanOf(current, pool, last);
          answers.push(askStore(store, pool, last).then((answer) => expect(answer).toEqual(expected)));
          await Promise.all(answers);
        },
      ),
      { numRuns: 120, seed: 20261211 },
    );
  });
});

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

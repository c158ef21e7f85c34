import fc from 'fast-check';
import { visibleAt } from '../../../../src/query/access-clause';
import type { QueryDocument } from '../../../../src/query/query-document';
import { MemoryStore } from '../../../../src/store/memory/memory-store';
import { UnsupportedQueryError } from '../../../../src/store/store-errors';
import { accessArb, catalogArb, closuresArb, derived, equalCopy, scanTerms, seededCatalog } from './store-arbitraries';

describe('MemoryStore.terms(among): the terms of the documents a visibility clause selects', () => {
  const catalog = seededCatalog(300, 20261214);
  const publicOnly: QueryDocument = { accessLevel: { $nin: ['registered', 'controlled'] } };
  const notControlled: QueryDocument = { accessLevel: { $nin: ['controlled'] } };
  const granted: QueryDocument = {
    $or: [
      publicOnly,
      {
        id: {
          $in: catalog
            .filter((r) => r.accessLevel === 'controlled')
            .map((r) => r.id)
            .slice(0, 3),
        },
      },
    ],
  };

  test("when random catalogs are asked for the terms among random callers' visibility clauses, then they equal the distinct values of the scan", async () => {
    await fc.assert(
      fc.asyncProperty(catalogArb, closuresArb, fc.boolean(), accessArb, async (given, closures, deriving, access) => {
        const { store, reference } = deriving
          ? derived(given, closures, {})
          : { store: new MemoryStore(given), reference: given };
        const among = visibleAt(access.needed, access.principal, access);
        expect(await store.terms(among)).toEqual(scanTerms(reference, among));
        expect(await store.terms(among && equalCopy(among))).toEqual(scanTerms(reference, among));
      }),
      { numRuns: 300, seed: 20261214 },
    );
  });

  test('when the same clause is asked again as a document built anew, then the kept list is returned', async () => {
    const store = new MemoryStore(catalog);
    const first = await store.terms(granted);
    expect(first).toEqual(scanTerms(catalog, granted));
    expect(await store.terms(equalCopy(granted))).toBe(first);
  });

  test('when more clauses than `keptTermLists` are asked, then the least recently used list is worked out again, equal to the scan', async () => {
    const store = new MemoryStore(catalog, { limits: { keptTermLists: 2 } });
    const kept = await store.terms(publicOnly);
    const dropped = await store.terms(notControlled);
    expect(await store.terms(equalCopy(publicOnly))).toBe(kept);
    expect(await store.terms(granted)).toEqual(scanTerms(catalog, granted));
    const again = await store.terms(equalCopy(notControlled));
    expect(again).not.toBe(dropped);
    expect(again).toEqual(scanTerms(catalog, notControlled));
  });

  test("when one list is kept and two clauses alternate, then each answer is its own clause's terms", async () => {
    const store = new MemoryStore(catalog, { limits: { keptTermLists: 1 } });
    for (const among of [publicOnly, granted, publicOnly, granted, notControlled, publicOnly])
      expect(await store.terms(equalCopy(among))).toEqual(scanTerms(catalog, among));
  });

  test("when the catalog is replaced, then the terms among a clause asked before are the new catalog's", async () => {
    const store = new MemoryStore(catalog);
    await store.terms(publicOnly);
    const other = seededCatalog(50, 1);
    await store.replaceAll(other);
    expect(await store.terms(publicOnly)).toEqual(scanTerms(other, publicOnly));
  });

  test.each<[string, QueryDocument]>([
    ['one the indexes do not answer', { accessLevel: { $exists: false } }],
    ['an AND with one the indexes do not answer (a superset)', { $and: [publicOnly, { themes: 'ordo:Orphanet_1' }] }],
  ])('when the clause is %s, then the terms are refused rather than guessed from a superset', async (_, among) => {
    const store = new MemoryStore(catalog);
    await expect(store.terms(among)).rejects.toThrow(UnsupportedQueryError);
  });
});

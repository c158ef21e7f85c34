import fc from 'fast-check';
import { Query } from 'mingo';
import type { CatalogResource } from '../../../src/model/catalog-resource';
import { RESOURCE_TYPES } from '../../../src/model/catalog-resource';
import type { Clause, FilterGroup, PatternField, TermField } from '../../../src/filters/filter-types';
import { buildQuery } from '../../../src/query/build-query';
import type { QueryDocument } from '../../../src/store/catalog-store';
import { MemoryStore } from '../../../src/store/memory-store';

const THEMES = ['ordo:Orphanet_1', 'ordo:Orphanet_10', 'ordo:Orphanet_100', 'hp:0000118', 'hp:0001250'];
const COUNTRIES = ['DE', 'FR', 'GR', 'IT'];
/** Title fragments chosen to stress case folding, short literals and regex specials. */
const WORDS = ['Rare', 'rare', 'RARE', 'Registry', 'bio', 'Bio-bank', 'ΣΊΣ', 'σίς', 'σίσ', 'ß', 'straße', 'K', 'k', 'a.b', '(x)', '100%', 'ab', 'dystrophy'];

const resourceArb = (index: number): fc.Arbitrary<CatalogResource> =>
  fc
    .record({
      type: fc.constantFrom(...RESOURCE_TYPES),
      title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      description: fc.option(fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((w) => w.join(' ')), { nil: undefined }),
      themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 3 }),
      extra: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 2 }),
      country: fc.option(fc.constantFrom(...COUNTRIES), { nil: undefined }),
    })
    .map(({ extra, description, country, ...r }) => ({
      ...r,
      id: `https://example.org/r/${String(97 - index).padStart(3, '0')}`,
      ...(description === undefined ? {} : { description }),
      ...(country === undefined ? {} : { country }),
      themeAncestors: [...new Set([...r.themes, ...extra])],
      landingPages: [],
      language: ['en'],
      license: 'https://creativecommons.org/licenses/by/4.0/',
      personalData: 'false' as const,
      vpConnection: 'ejprd:VPDiscoverable',
      keyword: [],
    }));

const catalogArb = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => resourceArb(i))));

const termClause: fc.Arbitrary<Clause> = fc.oneof(
  fc.record({ kind: fc.constant('terms' as const), field: fc.constantFrom<TermField>('themes', 'themeAncestors'), values: fc.uniqueArray(fc.constantFrom(...THEMES, 'hp:9999999'), { minLength: 1, maxLength: 3 }), negate: fc.boolean() }),
  fc.record({ kind: fc.constant('terms' as const), field: fc.constant<TermField>('type'), values: fc.uniqueArray(fc.constantFrom(...RESOURCE_TYPES), { minLength: 1, maxLength: 3 }), negate: fc.boolean() }),
  fc.record({ kind: fc.constant('terms' as const), field: fc.constant<TermField>('country'), values: fc.uniqueArray(fc.constantFrom(...COUNTRIES, 'NL'), { minLength: 1, maxLength: 3 }), negate: fc.boolean() }),
);
const patternArb = fc.array(fc.oneof(fc.constantFrom(...WORDS, '%', ' ', 'egis', 'ar'), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
const patternClause: fc.Arbitrary<Clause> = fc.record({
  kind: fc.constant('pattern' as const),
  field: fc.constantFrom<PatternField>('title', 'title', 'description', 'id'),
  patterns: fc.array(patternArb, { minLength: 1, maxLength: 2 }),
  negate: fc.boolean(),
});
const groupsArb: fc.Arbitrary<FilterGroup[]> = fc.array(fc.array(fc.oneof(termClause, patternClause), { minLength: 1, maxLength: 3 }), { maxLength: 3 });
const windowArb = fc.record({ offset: fc.integer({ min: 0, max: 12 }), limit: fc.integer({ min: 1, max: 15 }) });

/** The reference: a plain mingo scan over the catalog sorted by id. */
function scan(resources: readonly CatalogResource[], query: QueryDocument): CatalogResource[] {
  const compiled = new Query<CatalogResource & Record<string, unknown>>(query, {});
  return [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((r) => compiled.test(r as CatalogResource & Record<string, unknown>));
}

describe('MemoryStore (indexed) against a plain mingo scan', () => {
  test('when random build-query documents run on random catalogs, then totals and windows equal the scan', async () => {
    await fc.assert(
      fc.asyncProperty(catalogArb, groupsArb, windowArb, async (catalog, groups, window) => {
        const query = buildQuery(groups);
        const expected = scan(catalog, query);
        const store = new MemoryStore(catalog);
        const found = await store.find(query, window, true);
        expect(found.total).toBe(expected.length);
        expect(found.records.map((r) => r.id)).toEqual(expected.slice(window.offset, window.offset + window.limit).map((r) => r.id));
        expect((await store.find(query, window, false)).records).toEqual([]);
      }),
      { numRuns: 400, seed: 20260107 },
    );
  });
});

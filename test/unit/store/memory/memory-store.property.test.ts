import fc from 'fast-check';
import { Query } from 'mingo';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { ACCESS_LEVELS, RESOURCE_TYPES } from '../../../../src/model/catalog-resource';
import { restrict, visibleAt } from '../../../../src/auth/access-policy';
import type { Granularity } from '../../../../src/model/granularity';
import type { Principal } from '../../../../src/auth/principal';
import type { Clause, FilterGroup, PatternField, TermField } from '../../../../src/filters/filter-types';
import { buildQuery } from '../../../../src/query/build-query';
import type { QueryDocument } from '../../../../src/query/query-document';
import { MemoryStore, positionById, type MemoryStoreOptions } from '../../../../src/store/memory/memory-store';
import { planDocument, type PlanIndexes } from '../../../../src/store/memory/planner';
import { TermIndex } from '../../../../src/store/memory/term-index';
import { foldCase } from '../../../../src/store/memory/trigram-build';
import { matchesLiterals, TrigramIndex } from '../../../../src/store/memory/trigram-index';
import { regexLiterals } from '../../../../src/store/memory/pattern-match';
import { wildcardToRegex } from '../../../../src/query/build-query';

const THEMES = ['ordo:Orphanet_1', 'ordo:Orphanet_10', 'ordo:Orphanet_100', 'hp:0000118', 'hp:0001250'];
const COUNTRIES = ['DE', 'FR', 'GR', 'IT'];
/** Title fragments chosen to stress case folding, short literals and regex specials. */
const WORDS = [
  'Rare',
  'rare',
  'RARE',
  'Registry',
  'bio',
  'Bio-bank',
  'ΣΊΣ',
  'σίς',
  'σίσ',
  'ß',
  'straße',
  'K',
  'k',
  'a.b',
  '(x)',
  '100%',
  'ab',
  'dystrophy',
  '東京病院',
  'x😀y',
];

/** Equal theme lists as one frozen array, as a catalog load shares them (the index reads a shared list once). */
const sharedLists = new Map<string, readonly string[]>();
const shared = (list: string[]): string[] => {
  const key = list.join('|');
  const known = sharedLists.get(key) ?? Object.freeze(list);
  sharedLists.set(key, known);
  return known as string[];
};

const resourceArb = (index: number): fc.Arbitrary<CatalogResource> =>
  fc
    .record({
      type: fc.constantFrom(...RESOURCE_TYPES),
      title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      description: fc.option(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((w) => w.join(' ')),
        { nil: undefined },
      ),
      themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 3 }),
      extra: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 2 }),
      country: fc.option(fc.constantFrom(...COUNTRIES), { nil: undefined }),
      accessLevel: fc.option(fc.constantFrom(...ACCESS_LEVELS), { nil: undefined }),
    })
    .map(({ extra, description, country, accessLevel, ...r }) => ({
      ...r,
      id: `https://example.org/r/${String(97 - index).padStart(3, '0')}`,
      ...(description === undefined ? {} : { description }),
      ...(country === undefined ? {} : { country }),
      ...(accessLevel === undefined ? {} : { accessLevel }),
      themeAncestors: shared([...new Set([...r.themes, ...extra])]),
      landingPages: [],
      language: ['en'],
      license: 'https://creativecommons.org/licenses/by/4.0/',
      personalData: 'false' as const,
      vpConnection: 'ejprd:VPDiscoverable',
      keyword: [],
    }));

const catalogArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => resourceArb(i))));

const termClause: fc.Arbitrary<Clause> = fc.oneof(
  fc.record({
    kind: fc.constant('terms' as const),
    field: fc.constantFrom<TermField>('themes', 'themeAncestors'),
    values: fc.uniqueArray(fc.constantFrom(...THEMES, 'hp:9999999'), { minLength: 1, maxLength: 3 }),
    negate: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('terms' as const),
    field: fc.constant<TermField>('type'),
    values: fc.uniqueArray(fc.constantFrom(...RESOURCE_TYPES), { minLength: 1, maxLength: 3 }),
    negate: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('terms' as const),
    field: fc.constant<TermField>('country'),
    values: fc.uniqueArray(fc.constantFrom(...COUNTRIES, 'NL'), { minLength: 1, maxLength: 3 }),
    negate: fc.boolean(),
  }),
);
const patternArb = fc
  .array(fc.oneof(fc.constantFrom(...WORDS, '%', ' ', 'egis', 'ar'), fc.string({ maxLength: 3 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((p) => p.join(''));
const patternClause: fc.Arbitrary<Clause> = fc.record({
  kind: fc.constant('pattern' as const),
  field: fc.constantFrom<PatternField>('title', 'title', 'description', 'id'),
  patterns: fc.array(patternArb, { minLength: 1, maxLength: 2 }),
  negate: fc.boolean(),
});
const groupsArb: fc.Arbitrary<FilterGroup[]> = fc.array(
  fc.array(fc.oneof(termClause, patternClause), { minLength: 1, maxLength: 3 }),
  { maxLength: 3 },
);
const granularityArb = fc.constantFrom<Granularity>('boolean', 'count', 'record');
/** The clauses tiered access adds (src/auth/access-policy.ts): `accessLevel` `$nin`, or that `$or` granted ids. */
const principalArb: fc.Arbitrary<Principal> = fc.oneof(
  fc.constant<Principal>({ kind: 'anonymous' }),
  fc.constant<Principal>({ kind: 'auth-key' }),
  fc.uniqueArray(fc.integer({ min: 50, max: 100 }), { maxLength: 4 }).map(
    (ns): Principal => ({
      kind: 'token',
      issuer: 'i',
      subject: 's',
      grants: new Set(ns.map((n) => `https://example.org/r/${String(n).padStart(3, '0')}`)),
      rejectedVisas: 0,
    }),
  ),
);
const accessArb = fc.record({
  needed: granularityArb,
  principal: principalArb,
  registeredGranularity: granularityArb,
  controlledGranularity: granularityArb,
});
const windowArb = fc.record({ offset: fc.integer({ min: 0, max: 12 }), limit: fc.integer({ min: 1, max: 15 }) });

function indexesOf(resources: readonly CatalogResource[]): PlanIndexes {
  const sorted = [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    size: sorted.length,
    resources: sorted,
    positionOf: (id: string) => positionById(sorted, id),
    terms: new TermIndex(sorted),
    titles: TrigramIndex.of(sorted.map((r) => r.title)),
  };
}

/** Each theme's closure: the theme and up to two others standing for its ontology ancestors. */
const closuresArb = fc
  .tuple(...THEMES.map(() => fc.subarray(THEMES, { maxLength: 2 })))
  .map((others) => new Map(THEMES.map((theme, i) => [theme, [...new Set([theme, ...(others[i] ?? [])])]])));

/**
 * The catalog as `npm start` gives it to the store: documents without theme ancestors, and
 * each theme's closure. The reference is the same catalog with each document carrying the
 * union of its themes' closures, as `beacon-catalog load` writes them.
 */
function derived(
  resources: readonly CatalogResource[],
  closures: ReadonlyMap<string, readonly string[]>,
  options: MemoryStoreOptions,
) {
  const closureOf = (theme: string): readonly string[] => closures.get(theme) ?? [theme];
  const bare = resources.map(({ themeAncestors: _derived, ...rest }) => rest);
  const reference = bare.map((r) => ({ ...r, themeAncestors: [...new Set(r.themes.flatMap(closureOf))] }));
  return { store: new MemoryStore(bare, { ...options, themeClosure: closureOf }), reference };
}

/** The reference: a plain mingo scan over the catalog sorted by id. */
function scan(resources: readonly CatalogResource[], query: QueryDocument): CatalogResource[] {
  const compiled = new Query<CatalogResource & Record<string, unknown>>(query, {});
  return [...resources]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((r) => compiled.test(r as CatalogResource & Record<string, unknown>));
}

describe('MemoryStore (indexed) against a plain mingo scan', () => {
  test('when random build-query documents, alone or restricted by tiered access, run on random catalogs, then totals and windows equal the scan and the plan is exact', async () => {
    await fc.assert(
      fc.asyncProperty(
        catalogArb,
        closuresArb,
        groupsArb,
        fc.option(accessArb, { nil: undefined }),
        windowArb,
        windowArb,
        fc.boolean(),
        fc.boolean(),
        async (given, closures, groups, access, window, again, cached, deriving) => {
          const built = buildQuery(groups);
          const query = access ? restrict(built, visibleAt(access.needed, access.principal, access)) : built;
          const options = cached ? {} : { answerCacheBytes: 0 };
          const { store, reference: catalog } = deriving
            ? derived(given, closures, options)
            : { store: new MemoryStore(given, options), reference: given };
          const expected = scan(catalog, query);
          const found = await store.find(query, window, true);
          expect(found.total).toBe(expected.length);
          expect(found.records.map((r) => r.id)).toEqual(
            expected.slice(window.offset, window.offset + window.limit).map((r) => r.id),
          );
          expect((await store.find(query, window, false)).records).toEqual([]);
          // The same query again (an equal document, not the same object): from the answer cache when it is on.
          const repeated = await store.find(structuredClone(query), again, true);
          expect(repeated.total).toBe(expected.length);
          expect(repeated.records.map((r) => r.id)).toEqual(
            expected.slice(again.offset, again.offset + again.limit).map((r) => r.id),
          );
          expect(planDocument(query, indexesOf(catalog)).exact).toBe(true);
          // Tiered access then counts the unrestricted query, which the store may answer from its memo.
          expect((await store.find(built, { offset: 0, limit: 0 }, false)).total).toBe(scan(catalog, built).length);
          // The same clauses with their values in another order, then negated: a type or country
          // clause seen before comes from the clause cache, and only when it is the same clause.
          for (const change of [
            (c: Clause): Clause => (c.kind === 'terms' ? { ...c, values: [...c.values].reverse() } : c),
            (c: Clause): Clause => ({ ...c, negate: !c.negate }),
          ]) {
            const other = buildQuery(groups.map((group) => group.map(change)));
            const otherQuery = access ? restrict(other, visibleAt(access.needed, access.principal, access)) : other;
            const otherExpected = scan(catalog, otherQuery);
            const otherFound = await store.find(otherQuery, window, true);
            expect(otherFound.total).toBe(otherExpected.length);
            expect(otherFound.records.map((r) => r.id)).toEqual(
              otherExpected.slice(window.offset, window.offset + window.limit).map((r) => r.id),
            );
          }
        },
      ),
      { numRuns: 600, seed: 20260107 },
    );
  });

  test('when query documents the indexes cannot answer exactly name theme ancestors derived from closures, then the documents tested carry them and the answers equal the scan', async () => {
    const value = fc.constantFrom(...THEMES, 'hp:9999999');
    const inexact = fc.oneof(
      value.map((v): QueryDocument => ({ themeAncestors: v })),
      fc
        .uniqueArray(value, { minLength: 1, maxLength: 2 })
        .map((vs): QueryDocument => ({ themeAncestors: { $all: vs } })),
      fc
        .tuple(value, value)
        .map(([a, b]): QueryDocument => ({ $and: [{ themeAncestors: { $in: [a] } }, { themes: b }] })),
    );
    await fc.assert(
      fc.asyncProperty(catalogArb, closuresArb, inexact, async (given, closures, query) => {
        const { store, reference: catalog } = derived(given, closures, { answerCacheBytes: 0 });
        const expected = scan(catalog, query);
        const found = await store.find(query, { offset: 0, limit: 100 }, true);
        expect(found.total).toBe(expected.length);
        expect(found.records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        expect(planDocument(query, indexesOf(catalog)).exact).toBe(false);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  test('when a store without its answer cache is taken from a store, then it answers the same on the same catalog', async () => {
    await fc.assert(
      fc.asyncProperty(catalogArb, closuresArb, groupsArb, windowArb, async (catalog, closures, groups, window) => {
        const query = buildQuery(groups);
        const { store } = derived(catalog, closures, {});
        const expected = await store.find(query, window, true);
        expect(await store.withoutAnswerCache().find(query, window, true)).toEqual(expected);
      }),
      { numRuns: 100, seed: 20261129 },
    );
  });
});

describe('folded literal matching against the regex build-query emits', () => {
  const unit = fc.constantFrom(
    'a',
    'A',
    'b',
    'ß',
    'S',
    's',
    'ſ',
    'K',
    'k',
    '\u212a',
    'σ',
    'Σ',
    'ς',
    'İ',
    'i',
    'ı',
    '.',
    '\n',
    '-',
    '/',
    '\ud83d',
    '\ude00',
  );
  const textArb = fc.array(unit, { maxLength: 8 }).map((u) => u.join(''));
  const patternArb = fc.array(fc.oneof(unit, fc.constant('%')), { maxLength: 6 }).map((u) => u.join(''));

  test('when a random title is checked against a random % pattern, then the folded indexOf match equals RegExp(source, "i")', () => {
    fc.assert(
      fc.property(textArb, patternArb, (text, pattern) => {
        const source = wildcardToRegex(pattern);
        const literals = regexLiterals(source);
        expect(literals).toBeDefined();
        expect(matchesLiterals(foldCase(text), (literals ?? []).map(foldCase))).toBe(
          new RegExp(source, 'i').test(text),
        );
      }),
      { numRuns: 3000, seed: 20261124 },
    );
  });
});

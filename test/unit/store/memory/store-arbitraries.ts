import fc from 'fast-check';
import { Query } from 'mingo';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { ACCESS_LEVELS, RESOURCE_TYPES } from '../../../../src/model/catalog-resource';
import type { Granularity } from '../../../../src/model/granularity';
import type { Principal } from '../../../../src/auth/principal';
import type { Clause, FilterGroup, PatternField, TermField } from '../../../../src/filters/filter-types';
import type { QueryDocument } from '../../../../src/query/query-document';
import { themeAlone } from '../../../../src/store/catalog-store';
import { MemoryStore, type MemoryStoreOptions } from '../../../../src/store/memory/memory-store';
import type { PlanIndexes } from '../../../../src/store/memory/plan-field';
import { isExact } from '../../../../src/store/memory/plan';
import { planDocument } from '../../../../src/store/memory/planner';
import { positionById } from '../../../../src/store/memory/position-by-id';
import { ScratchSets } from '../../../../src/store/memory/scratch-sets';
import { TermIndex } from '../../../../src/store/memory/term-index';
import { unlimitedBudget } from '../../../../src/store/memory/text-budget';
import { TrigramIndex } from '../../../../src/store/memory/trigram-index';

/**
 * Random catalogs and build-query documents for the embedded store's differential tests,
 * and the reference they are checked against: a plain mingo scan.
 */

export const THEMES = ['ordo:Orphanet_1', 'ordo:Orphanet_10', 'ordo:Orphanet_100', 'hp:0000118', 'hp:0001250'];
export const COUNTRIES = ['DE', 'FR', 'GR', 'IT'];
/** Title fragments chosen to stress case folding, short literals and regex specials. */
export const WORDS = [
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
      themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 3 }).map(shared),
      country: fc.option(fc.constantFrom(...COUNTRIES), { nil: undefined }),
      accessLevel: fc.option(fc.constantFrom(...ACCESS_LEVELS), { nil: undefined }),
    })
    .map(({ description, country, accessLevel, ...r }) => ({
      ...r,
      id: `https://example.org/r/${String(99_999 - index).padStart(5, '0')}`,
      ...(description === undefined ? {} : { description }),
      ...(country === undefined ? {} : { country }),
      ...(accessLevel === undefined ? {} : { accessLevel }),
      landingPages: [],
      language: ['en'],
      license: 'https://creativecommons.org/licenses/by/4.0/',
      personalData: 'false' as const,
      vpConnection: 'ejprd:VPDiscoverable',
      keyword: [],
    }));

/** Catalogs of `min` to `max` resources (ids counting down, so load order is not id order). */
export const catalogOf = (min: number, max: number): fc.Arbitrary<CatalogResource[]> =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => resourceArb(i))));

export const catalogArb = catalogOf(0, 40);

export const termClause: fc.Arbitrary<Clause> = fc.oneof(
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
export const patternArb = fc
  .array(fc.oneof(fc.constantFrom(...WORDS, '%', ' ', 'egis', 'ar'), fc.string({ maxLength: 3 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((p) => p.join(''));
export const patternClause: fc.Arbitrary<Clause> = fc.record({
  kind: fc.constant('pattern' as const),
  field: fc.constantFrom<PatternField>('title', 'title', 'description', 'id'),
  patterns: fc.array(patternArb, { minLength: 1, maxLength: 2 }),
  negate: fc.boolean(),
});
export const groupsArb: fc.Arbitrary<FilterGroup[]> = fc.array(
  fc.array(fc.oneof(termClause, patternClause), { minLength: 1, maxLength: 3 }),
  { maxLength: 3 },
);
export const granularityArb = fc.constantFrom<Granularity>('boolean', 'count', 'record');
/** The clauses tiered access adds (src/query/access-clause.ts): `accessLevel` `$nin`, or that `$or` granted ids. */
export const principalArb: fc.Arbitrary<Principal> = fc.oneof(
  fc.constant<Principal>({ kind: 'anonymous' }),
  fc.constant<Principal>({ kind: 'auth-key' }),
  fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }).map(
    (ns): Principal => ({
      kind: 'token',
      issuer: 'i',
      subject: 's',
      grants: new Set(ns.map((n) => `https://example.org/r/${String(99_980 - n).padStart(5, '0')}`)),
      rejectedVisas: 0,
    }),
  ),
);
export const accessArb = fc.record({
  needed: granularityArb,
  principal: principalArb,
  registeredGranularity: granularityArb,
  controlledGranularity: granularityArb,
});
export const windowArb = fc.record({ offset: fc.integer({ min: 0, max: 12 }), limit: fc.integer({ min: 1, max: 15 }) });

export function indexesOf(resources: readonly CatalogResource[]): PlanIndexes {
  const sorted = [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    size: sorted.length,
    resources: sorted,
    positionOf: (id: string) => positionById(sorted, id),
    terms: new TermIndex(sorted, themeAlone),
    titles: TrigramIndex.of(sorted.map((r) => r.title)),
  };
}

/** Each theme's closure: the theme and up to two others standing for its ontology ancestors. */
export const closuresArb = fc
  .tuple(...THEMES.map(() => fc.subarray(THEMES, { maxLength: 2 })))
  .map((others) => new Map(THEMES.map((theme, i) => [theme, [...new Set([theme, ...(others[i] ?? [])])]])));

/**
 * The catalog as a load gives it to the store: documents, and each theme's closure (the
 * theme alone when `closures` names it not). The reference is the same catalog with each
 * document carrying the union of its themes' closures, as `beacon-catalog load` writes
 * them to MongoDB, for the scan to match `themeAncestors` on.
 */
export function derived(
  resources: readonly CatalogResource[],
  closures: ReadonlyMap<string, readonly string[]>,
  options: MemoryStoreOptions,
) {
  const closureOf = (theme: string): readonly string[] => closures.get(theme) ?? [theme];
  const reference = resources.map((r) => ({ ...r, themeAncestors: [...new Set(r.themes.flatMap(closureOf))] }));
  return { store: new MemoryStore(resources, { ...options, themeClosure: closureOf }), reference };
}

/** The reference: a plain mingo scan over the catalog sorted by id. */
export function scan(resources: readonly CatalogResource[], query: QueryDocument): CatalogResource[] {
  const compiled = new Query<CatalogResource & Record<string, unknown>>(query, {});
  return [...resources]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((r) => compiled.test(r as CatalogResource & Record<string, unknown>));
}

/** Whether the planner answers `query` exactly on `resources`' indexes (no mingo scan). */
export function plansExactly(query: QueryDocument, resources: readonly CatalogResource[]): boolean {
  const indexes = indexesOf(resources);
  return new ScratchSets(indexes.size).lease((lease) =>
    isExact(planDocument(query, indexes, lease, unlimitedBudget())),
  );
}

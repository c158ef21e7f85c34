import fc from 'fast-check';
import { Query } from 'mingo';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { ACCESS_LEVELS, RESOURCE_TYPES } from '../../../../src/model/catalog-resource';
import type { Granularity } from '../../../../src/model/granularity';
import type { Principal } from '../../../../src/auth/principal';
import type { Clause, FilterGroup, PatternField, TermField } from '../../../../src/filters/filter-types';
import type { QueryDocument } from '../../../../src/query/query-document';
import { themeAlone, themeAncestorsOf } from '../../../../src/store/catalog-store';
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

/** The fields no query reads: alike in every generated resource. */
const UNVARIED = {
  landingPages: [],
  language: ['en'],
  license: 'https://creativecommons.org/licenses/by/4.0/',
  personalData: 'false' as const,
  vpConnection: 'ejprd:VPDiscoverable',
  keyword: [],
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
      ...UNVARIED,
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
  const reference = resources.map((r) => ({ ...r, themeAncestors: themeAncestorsOf(r.themes, closureOf) }));
  return { store: new MemoryStore(resources, { ...options, themeClosure: closureOf }), reference };
}

/**
 * The reference: a plain mingo scan over the catalog sorted by id. A document tested
 * carries its `themeAncestors` as the store reads them: the reference's own (`derived`),
 * else its themes alone, the store's closure when none is given.
 */
export function scan(resources: readonly CatalogResource[], query: QueryDocument): CatalogResource[] {
  const compiled = new Query<CatalogResource & Record<string, unknown>>(query, {});
  return [...resources]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((r) =>
      compiled.test(
        ('themeAncestors' in r ? r : { ...r, themeAncestors: r.themes }) as CatalogResource & Record<string, unknown>,
      ),
    );
}

/** Whether the planner answers `query` exactly on `resources`' indexes (no mingo scan). */
export function plansExactly(query: QueryDocument, resources: readonly CatalogResource[]): boolean {
  const indexes = indexesOf(resources);
  return new ScratchSets(indexes.size).lease((lease) =>
    isExact(planDocument(query, indexes, lease, unlimitedBudget())),
  );
}

/** What a store must answer for `query`: the scan's total, and its window's ids when records are asked for. */
export function scanAnswer(
  resources: readonly CatalogResource[],
  query: QueryDocument,
  window: { offset: number; limit: number },
  withRecords: boolean,
): { total: number; ids: string[] } {
  const expected = scan(resources, query);
  const ids = withRecords ? expected.slice(window.offset, window.offset + window.limit).map((r) => r.id) : [];
  return { total: expected.length, ids };
}

/** A store's answer in the shape of `scanAnswer`, so a mismatch shows both side by side. */
export const answerOf = (found: { total: number; records: readonly CatalogResource[] }) => ({
  total: found.total,
  ids: found.records.map((r) => r.id),
});

/** The terms of the documents the scan selects (all of them without `among`): distinct, sorted. */
export function scanTerms(
  resources: readonly CatalogResource[],
  among?: QueryDocument,
): import('../../../../src/store/catalog-store').CatalogTerms {
  const selected = among ? scan(resources, among) : resources;
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  return {
    themes: distinct(selected.flatMap((r) => r.themes)),
    types: distinct(selected.map((r) => r.type)),
    countries: distinct(selected.map((r) => r.country)),
  };
}

/** The 27 EU members and Norway, as the VP portal names them all in one filter. */
export const VP_COUNTRIES = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL NO PL PT RO SE SI SK'.split(
  ' ',
);

/** The VP portal's query: every country and every type, perhaps with further groups. */
export const vpPortalGroups = (more: readonly FilterGroup[] = []): FilterGroup[] => [
  [{ kind: 'terms', field: 'country', values: [...VP_COUNTRIES], negate: false }],
  [{ kind: 'terms', field: 'type', values: [...RESOURCE_TYPES], negate: false }],
  ...more,
];

/** Themes few resources carry beside the common `THEMES`: sparse postings in a large catalog. */
export const RARE_THEMES = Array.from({ length: 200 }, (_, n) => `ordo:Orphanet_${1000 + n}`);

/** mulberry32: a small seeded PRNG, so a catalog of thousands is built in milliseconds and the same each run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A catalog of `size` resources shaped like `resourceArb`'s, drawn from a seeded PRNG. Values
 * are picked with a skew toward the head of each list (index ~ length * r^3), so the first
 * countries and themes are dense (bitset postings: more than 1/16 of the catalog) and the
 * tail sparse (position lists).
 */
export function seededCatalog(size: number, seed: number): CatalogResource[] {
  const random = seededRandom(seed);
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() ** 3)] as T;
  const some = <T>(list: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => skewed(list))),
  ];
  const themeList = [...THEMES, ...RARE_THEMES];
  return Array.from({ length: size }, (_, index) => {
    const themes = some(themeList, 3);
    const country =
      random() < 0.9 ? skewed([...COUNTRIES, ...VP_COUNTRIES.filter((c) => !COUNTRIES.includes(c))]) : undefined;
    const accessLevel = random() < 0.75 ? skewed(ACCESS_LEVELS) : undefined;
    const description = random() < 0.6 ? some(WORDS, 3).join(' ') : undefined;
    return {
      id: `https://example.org/r/${String(99_999 - index).padStart(5, '0')}`,
      type: skewed(RESOURCE_TYPES),
      title: [skewed(WORDS), ...some(WORDS, 3)].join(' '),
      ...(description === undefined ? {} : { description }),
      themes,
      ...(country === undefined ? {} : { country }),
      ...(accessLevel === undefined ? {} : { accessLevel }),
      ...UNVARIED,
    };
  });
}

/** Clauses on the rare themes and the countries beyond `COUNTRIES`: sparse postings. */
export const rareTermClause: fc.Arbitrary<Clause> = fc.oneof(
  fc.record({
    kind: fc.constant('terms' as const),
    field: fc.constantFrom<TermField>('themes', 'themeAncestors'),
    values: fc.uniqueArray(fc.constantFrom(...RARE_THEMES.slice(0, 40), ...THEMES), { minLength: 1, maxLength: 4 }),
    negate: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('terms' as const),
    field: fc.constant<TermField>('country'),
    values: fc.uniqueArray(fc.constantFrom(...VP_COUNTRIES), { minLength: 1, maxLength: 27 }),
    negate: fc.boolean(),
  }),
);

/** Filter groups for large catalogs: dense and sparse terms, patterns, and the VP portal's query. */
export const wideGroupsArb: fc.Arbitrary<FilterGroup[]> = fc.oneof(
  groupsArb,
  fc.array(fc.array(fc.oneof(termClause, rareTermClause, patternClause), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
  fc
    .array(fc.array(fc.oneof(rareTermClause, patternClause), { minLength: 1, maxLength: 2 }), { maxLength: 2 })
    .map((more) => vpPortalGroups(more)),
);

/** One query of a sequence: filter groups, perhaps asked under tiered access. */
export interface PooledQuery {
  groups: FilterGroup[];
  /** Who asks, at what granularity, under which policy: the clause `visibleAt` adds. */
  access:
    | {
        needed: Granularity;
        principal: Principal;
        registeredGranularity: Granularity;
        controlledGranularity: Granularity;
      }
    | undefined;
}

/**
 * One step of a query sequence on one store: a query of the pool (by `pick`), built anew
 * (an equal document, not the same object) or not; or the terms among a pooled query's
 * visibility clause.
 */
export type SequenceStep =
  | { kind: 'find'; pick: number; window: { offset: number; limit: number }; withRecords: boolean; anew: boolean }
  | { kind: 'terms'; pick: number };

/** A small pool of queries and a long sequence of steps over it: repeats are frequent, so caches hit and evict. */
export const querySequenceArb = (
  groups: fc.Arbitrary<FilterGroup[]>,
  steps: { minLength: number; maxLength: number },
): fc.Arbitrary<{ pool: PooledQuery[]; steps: SequenceStep[] }> =>
  fc.record({
    pool: fc.array(
      fc.record({
        groups: fc.oneof({ weight: 4, arbitrary: groups }, { weight: 1, arbitrary: fc.constant(vpPortalGroups()) }),
        access: fc.option(accessArb, { nil: undefined }),
      }),
      { minLength: 2, maxLength: 6 },
    ),
    steps: fc.array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            kind: fc.constant('find' as const),
            pick: fc.nat(),
            window: windowArb,
            withRecords: fc.boolean(),
            anew: fc.boolean(),
          }),
        },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('terms' as const), pick: fc.nat() }) },
      ),
      steps,
    ),
  });

/**
 * An equal document built anew. Not `structuredClone`: under Jest it builds objects of
 * Node's own realm, whose `Object.prototype` is not the test's, so `queryKey` (rightly)
 * takes them for something other than plain data and no cache would ever see them.
 */
export const equalCopy = <T>(document: T): T => JSON.parse(JSON.stringify(document)) as T;

/** How a variant changes a pooled query: the same clauses beside others, as portals and callers vary theirs. */
type Change = 'negate-first' | 'drop-first-group' | 'reorder' | 'other-access';

function varied(query: PooledQuery, change: Change, access: PooledQuery['access']): PooledQuery {
  const { groups } = query;
  if (change === 'other-access') return { groups, access };
  if (change === 'drop-first-group') return { groups: groups.slice(1), access: query.access };
  if (change === 'reorder') {
    const reordered = groups.map((group) =>
      [...group].reverse().map((c): Clause => (c.kind === 'terms' ? { ...c, values: [...c.values].reverse() } : c)),
    );
    return { groups: reordered.reverse(), access: query.access };
  }
  return {
    groups: groups.map(([first, ...rest]) => (first ? [{ ...first, negate: !first.negate }, ...rest] : rest)),
    access: query.access,
  };
}

/**
 * `querySequenceArb` with variants of its pooled queries added to the pool: a pattern or a
 * clause then recurs beside other clauses, under other access, negated or reordered, so a
 * cache keyed too loosely (a `$regex` kept without what it was evaluated within, a clause
 * without its operator) answers one for the other.
 */
export const variedSequenceArb = (
  groups: fc.Arbitrary<FilterGroup[]>,
  steps: { minLength: number; maxLength: number },
): fc.Arbitrary<{ pool: PooledQuery[]; steps: SequenceStep[] }> =>
  fc
    .tuple(
      querySequenceArb(groups, steps),
      fc.array(
        fc.record({
          of: fc.nat(),
          change: fc.constantFrom<Change>('negate-first', 'drop-first-group', 'reorder', 'other-access'),
          access: fc.option(accessArb, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([{ pool, steps }, variants]) => ({
      pool: [...pool, ...variants.map((v) => varied(pool[v.of % pool.length] as PooledQuery, v.change, v.access))],
      steps,
    }));

/**
 * Every VP country but a few (some of them sparse): on a single-valued field the index then
 * takes the positions holding a country minus the few not asked for, lists and bitsets alike.
 */
export const mostCountriesClause: fc.Arbitrary<Clause> = fc
  .record({
    left: fc.uniqueArray(fc.constantFrom(...VP_COUNTRIES), { minLength: 1, maxLength: 5 }),
    negate: fc.boolean(),
  })
  .map(({ left, negate }) => ({
    kind: 'terms',
    field: 'country',
    values: VP_COUNTRIES.filter((c) => !left.includes(c)),
    negate,
  }));

/** `wideGroupsArb`, and queries naming most countries beside other groups. */
export const largeGroupsArb: fc.Arbitrary<FilterGroup[]> = fc.oneof(
  wideGroupsArb,
  fc
    .tuple(
      mostCountriesClause,
      fc.array(fc.array(fc.oneof(termClause, patternClause), { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
    )
    .map(([countries, more]) => [[countries], ...more]),
);

import fc from 'fast-check';
import { restrict, visibleAt } from '../../../../src/query/access-clause';
import type { Clause } from '../../../../src/filters/filter-types';
import { buildQuery, wildcardToRegex } from '../../../../src/query/build-query';
import type { QueryDocument } from '../../../../src/query/query-document';
import { regexLiterals } from '../../../../src/store/memory/pattern-match';
import { foldCase } from '../../../../src/store/memory/trigram-build';
import { matchesLiterals } from '../../../../src/store/memory/trigram-index';
import {
  accessArb,
  catalogArb,
  closuresArb,
  derived,
  equalCopy,
  groupsArb,
  plansExactly,
  scan,
  THEMES,
  windowArb,
} from './store-arbitraries';

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
          // Without ontologies every theme's closure is the theme alone.
          const { store, reference: catalog } = derived(given, deriving ? closures : new Map(), options);
          const expected = scan(catalog, query);
          const found = await store.find(query, window, true);
          expect(found.total).toBe(expected.length);
          expect(found.records.map((r) => r.id)).toEqual(
            expected.slice(window.offset, window.offset + window.limit).map((r) => r.id),
          );
          expect((await store.find(query, window, false)).records).toEqual([]);
          // The same query again (an equal document, not the same object): from the answer cache when it is on.
          const repeated = await store.find(equalCopy(query), again, true);
          expect(repeated.total).toBe(expected.length);
          expect(repeated.records.map((r) => r.id)).toEqual(
            expected.slice(again.offset, again.offset + again.limit).map((r) => r.id),
          );
          expect(plansExactly(query, catalog)).toBe(true);
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
        expect(plansExactly(query, catalog)).toBe(false);
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

import fc from 'fast-check';
import { mergeSorted } from '../../../src/ontology/theme-closures';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Sorted, duplicate-free lists of term-like strings, short and long, sharing many entries. */
const termArb = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((n) => `ordo:Orphanet_${n}`),
  fc.integer({ min: 0, max: 60 }).map((n) => `hp:${String(n).padStart(7, '0')}`),
  fc.string({ maxLength: 3 }),
);
const sortedArb = fc.uniqueArray(termArb, { maxLength: 120 }).map((list) => list.sort(byCodeUnits));

describe('mergeSorted', () => {
  test('when two sorted lists of any lengths are merged, then the result is their sorted union without duplicates, in a new array', () => {
    fc.assert(
      fc.property(sortedArb, sortedArb, (a, b) => {
        const merged = mergeSorted(a, b);
        expect(merged).toEqual([...new Set([...a, ...b])].sort(byCodeUnits));
        expect(merged).not.toBe(a);
        expect(merged).not.toBe(b);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });
});

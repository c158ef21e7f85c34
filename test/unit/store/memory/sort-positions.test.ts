import fc from 'fast-check';
import { sortPositions } from '../../../../src/store/memory/sort-positions';

describe('sortPositions', () => {
  test('when random positions below random bounds are sorted, then they come out ascending in place, as the built-in sort orders them', () => {
    // Bounds from 1 to 2^31 cover one, two and three digit passes; lengths both sides of the radix threshold.
    const caseArb = fc
      .tuple(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 2000 }))
      .chain(([bound, length]) =>
        fc.tuple(
          fc.constant(bound),
          fc.array(fc.integer({ min: 0, max: bound - 1 }), { minLength: length, maxLength: length }),
        ),
      );
    fc.assert(
      fc.property(caseArb, ([bound, positions]) => {
        const values = Int32Array.from(positions);
        const sorted = sortPositions(values, bound);
        expect(sorted).toBe(values);
        expect(Array.from(sorted)).toEqual([...positions].sort((a, b) => a - b));
      }),
      { numRuns: 400, seed: 20261129 },
    );
  });

  test('when a million positions in reverse order are sorted, then every position comes out in order', () => {
    const values = Int32Array.from({ length: 1_000_000 }, (_, i) => 999_999 - i);
    sortPositions(values, 1_000_000);
    expect(values.every((value, i) => value === i)).toBe(true);
  });
});

import fc from 'fast-check';
import { Bitset } from '../../../../src/store/memory/bitset';
import { closurePostings } from '../../../../src/store/memory/closure-postings';
import { DENSE, type Postings } from '../../../../src/store/memory/postings';

const TERMS = ['a', 'b', 'c', 'd', 'e', 'f', '__proto__'];

const positionsOf = (postings: Postings): number[] =>
  postings instanceof Bitset ? postings.positions() : Array.from(postings);

/** Base postings as `buildPostings` keeps them: ascending lists, bitsets for terms in more than 1/DENSE of the catalog. */
function asPostings(positions: readonly number[], size: number): Postings {
  return positions.length * DENSE > size ? Bitset.of(size, positions) : Int32Array.from(positions);
}

describe('closurePostings', () => {
  test('when random base postings are derived through random closures, then each term holds exactly the positions holding a value whose closure names it, in the representation its count calls for', () => {
    const catalogArb = fc.integer({ min: 1, max: 400 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        // Each position's values: mostly none, so that lists and bitsets both occur.
        fc.array(
          fc.subarray(TERMS, { maxLength: 3 }).map((v) => v.slice(0, Math.max(0, v.length - 1))),
          { minLength: size, maxLength: size },
        ),
        fc.tuple(...TERMS.map(() => fc.subarray(TERMS, { maxLength: 3 }))),
      ),
    );
    fc.assert(
      fc.property(catalogArb, ([size, values, others]) => {
        const closures = new Map(TERMS.map((term, i) => [term, [...new Set([term, ...(others[i] ?? [])])]]));
        const held = new Map<string, number[]>();
        values.forEach((terms, position) =>
          terms.forEach((term) => held.set(term, [...(held.get(term) ?? []), position])),
        );
        const base = new Map([...held].map(([term, positions]) => [term, asPostings(positions, size)]));
        const derived = closurePostings(base, (term) => closures.get(term) ?? [term], size);

        const expected = new Map<string, number[]>();
        values.forEach((terms, position) => {
          for (const term of new Set(terms.flatMap((t) => closures.get(t) ?? [t])))
            expected.set(term, [...(expected.get(term) ?? []), position]);
        });
        expect(new Set(derived.keys())).toEqual(new Set(expected.keys()));
        for (const [term, positions] of expected) {
          const postings = derived.get(term) as Postings;
          expect(positionsOf(postings)).toEqual(positions);
          expect(postings instanceof Bitset).toBe(positions.length * DENSE > size);
        }
      }),
      { numRuns: 1500, seed: 20261129 },
    );
  });

  test('when a sparse union holds thousands of positions, then it is their ascending union without repeats', () => {
    const size = 1_000_000;
    const every = (step: number, from: number): Int32Array =>
      Int32Array.from({ length: Math.floor((size - from) / step) }, (_, i) => from + i * step);
    const [a, b, c] = [every(997, 3), every(1009, 5), every(997, 3)];
    const derived = closurePostings(
      new Map([
        ['a', a],
        ['b', b],
        ['c', c],
      ]),
      (term) => [term, 'parent'],
      size,
    );
    const expected = [...new Set([...a, ...b, ...c])].sort((x, y) => x - y);
    expect(Array.from(derived.get('parent') as Int32Array)).toEqual(expected);
  });

  test("when a term is reached from one value only, then it shares that value's postings", () => {
    const list = Int32Array.from([3, 7]);
    const derived = closurePostings(new Map([['x', list]]), () => ['x', 'parent'], 100);
    expect(derived.get('x')).toBe(list);
    expect(derived.get('parent')).toBe(list);
  });
});

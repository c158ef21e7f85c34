import fc from 'fast-check';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { Bitset } from '../../../../src/store/memory/bitset';
import { buildPostings } from '../../../../src/store/memory/postings';

/** Values that are awkward as dictionary keys, next to ordinary terms. */
const VALUES = ['ordo:Orphanet_1', 'hp:0000118', '__proto__', 'constructor', 'toString', '0', '42', '', 'x'];
const SHARED = [Object.freeze(['x', 'hp:0000118']), Object.freeze(['__proto__', '0', '__proto__'])];

type Values = string | readonly string[] | undefined;
const valuesArb: fc.Arbitrary<Values> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...VALUES),
  fc.array(fc.constantFrom(...VALUES), { maxLength: 5 }),
  fc.constantFrom(...SHARED),
);

/** The reference: each term's positions, ascending and once each. */
function naivePostings(all: readonly Values[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  all.forEach((values, position) => {
    for (const value of typeof values === 'string' ? [values] : (values ?? [])) {
      const list = out.get(value) ?? [];
      if (list[list.length - 1] !== position) list.push(position);
      out.set(value, list);
    }
  });
  return out;
}

describe('buildPostings', () => {
  test('when random single and list values (shared frozen lists, repeats, odd keys) are indexed, then each term lists exactly its positions', () => {
    fc.assert(
      fc.property(fc.array(valuesArb, { maxLength: 80 }), (all) => {
        const resources = all.map((values) => ({ values }) as unknown as CatalogResource);
        const built = buildPostings(resources, (r) => (r as unknown as { values: Values }).values);
        const expected = naivePostings(all);
        expect(new Set(built.keys())).toEqual(new Set(expected.keys()));
        for (const [term, positions] of expected) {
          const postings = built.get(term);
          expect(postings instanceof Bitset ? postings.positions() : Array.from(postings ?? [])).toEqual(positions);
        }
      }),
      { numRuns: 1500, seed: 20261129 },
    );
  });
});

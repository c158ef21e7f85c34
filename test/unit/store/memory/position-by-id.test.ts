import fc from 'fast-check';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { positionById } from '../../../../src/store/memory/position-by-id';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const resourceWith = (id: string): CatalogResource => ({ id }) as CatalogResource;

describe('positionById', () => {
  test('when ids sorted by code units are searched, then each is found at its position and any other id is not found', () => {
    const idArb = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.integer({ min: 0, max: 500 }).map((n) => `https://catalog.example/resource/${n}`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { maxLength: 60 }), fc.array(idArb, { maxLength: 20 }), (ids, probes) => {
        const sorted = [...ids].sort(byCodeUnits).map(resourceWith);
        const expected = new Map(sorted.map((r, position) => [r.id, position]));
        for (const id of [...ids, ...probes]) expect(positionById(sorted, id)).toBe(expected.get(id));
      }),
      { numRuns: 500, seed: 20261129 },
    );
  });
});
